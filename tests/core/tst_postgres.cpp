#include "TestSupport.h"
#include "store/PatientRepository.h"
#include "store/PostgresSettings.h"
#include "store/Schema.h"

#include <QProcess>
#include <QSet>
#include <QTest>

using namespace clinicdesk;

// The PostgreSQL backend itself, against the throwaway cluster of the `pg_cluster` ctest
// fixture (scripts/pg-cluster): the URI rules (no password in it, TLS checked), the password
// file, TLS with the cluster's real certificate and a wrong CA, one schema from the same
// migrations as SQLite, a dump without PHI or keys, Qt 6.4 QPSQL's traps (statements inside a
// loop over rows, a COMMIT the server turned into a ROLLBACK), and a lost connection.
class TestPostgres : public QObject
{
    Q_OBJECT

    QHash<QString, QString> m_env;

    QString env(const char *name) const { return m_env.value(QString::fromLatin1(name)); }

    std::unique_ptr<Database> openIn(const QString &schema)
    {
        const StoreLocation base = test::postgresLocation();
        test::ensureSchema(base, schema);
        auto db = Database::openPostgres(base.postgres->withSearchPath(schema), base.password, {});
        if (!db)
            qFatal("open: %s", qPrintable(db.error().message));
        return std::move(db).value();
    }

    static QString uniqueSchema(const char *prefix)
    {
        return QStringLiteral("%1_%2")
            .arg(QLatin1String(prefix))
            .arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
    }

    // The tables and columns (name, NOT NULL) a database holds, backend-neutral.
    static QSet<QString> columnsOf(Database &db)
    {
        QSet<QString> out;
        if (db.isPostgres()) {
            auto q = db.exec(QStringLiteral(
                "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                "WHERE table_schema = current_schema()"));
            while (q && q->next())
                out << QStringLiteral("%1.%2 %3")
                           .arg(q->value(0).toString(), q->value(1).toString(),
                                q->value(2).toString() == QLatin1String("NO")
                                    ? QStringLiteral("not null")
                                    : QString());
            return out;
        }
        auto tables = db.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
        QStringList names;
        while (tables && tables->next())
            names << tables->value(0).toString();
        for (const QString &table : std::as_const(names)) {
            auto q = db.exec(
                QStringLiteral("SELECT name, \"notnull\", pk FROM pragma_table_info(?)"), {table});
            while (q && q->next())
                out << QStringLiteral("%1.%2 %3")
                           .arg(table, q->value(0).toString(),
                                // a PRIMARY KEY is NOT NULL on PostgreSQL whatever it says
                                q->value(1).toInt() || q->value(2).toInt()
                                    ? QStringLiteral("not null")
                                    : QString());
        }
        return out;
    }

    // The indexes by name (PostgreSQL adds its own *_pkey/_key ones; SQLite its autoindexes).
    static QSet<QString> indexesOf(Database &db)
    {
        QSet<QString> out;
        auto q = db.isPostgres()
                     ? db.exec(QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = "
                                              "current_schema() AND indexname NOT LIKE '%\\_pkey' "
                                              "AND indexname NOT LIKE '%\\_key'"))
                     : db.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' "
                                              "AND name NOT LIKE 'sqlite_autoindex%'"));
        while (q && q->next())
            out << q->value(0).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        m_env = test::postgresEnv();
    }

    void uriWithPasswordIsRefused()
    {
        for (const QString &uri :
             {QStringLiteral("postgresql://clinicdesk:s3cret@127.0.0.1/clinicdesk"),
              QStringLiteral("postgresql://clinicdesk@127.0.0.1/clinicdesk?password=s3cret"),
              QStringLiteral("postgresql://clinicdesk@127.0.0.1/clinicdesk?passfile=/tmp/x")}) {
            auto parsed = PostgresSettings::parse(uri);
            QVERIFY2(!parsed, qPrintable(uri));
            QVERIFY2(parsed.error().message.contains(QLatin1String("refused")),
                     qPrintable(parsed.error().message));
            QVERIFY2(!parsed.error().message.contains(QLatin1String("s3cret")),
                     qPrintable(parsed.error().message));
            QVERIFY(parsed.error().message.contains(QLatin1String("--database-password-file")));
        }
        // A remote server needs verify-full: require/verify-ca do not check whom we talk to.
        auto remote = PostgresSettings::parse(
            QStringLiteral("postgresql://clinicdesk@db.example.org/clinicdesk?sslmode=require"));
        QVERIFY(!remote);
        QVERIFY2(remote.error().message.contains(QLatin1String("sslmode=verify-full")),
                 qPrintable(remote.error().message));
        QVERIFY(PostgresSettings::parse(QStringLiteral(
            "postgresql://clinicdesk@db.example.org/clinicdesk?sslmode=verify-full")));
        // Keywords that would change the connection behind our back are not accepted.
        auto service = PostgresSettings::parse(
            QStringLiteral("postgresql://clinicdesk@127.0.0.1/clinicdesk?service=x"));
        QVERIFY(!service);
        QVERIFY(service.error().message.contains(QLatin1String("\"service\" is not accepted")));
    }

    void passwordFileMustBeOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.pw"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("pw\n");
        file.close();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther));
        auto refused = StoreLocation::fromOptions(env("CLINICDESK_TEST_PG_URI"), path);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("mode 0644")),
                 qPrintable(refused.error().message));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto accepted = StoreLocation::fromOptions(env("CLINICDESK_TEST_PG_URI"), path);
        QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().message));
        QCOMPARE(accepted->password, QStringLiteral("pw"));
        // The displayed URI (messages, logs) never holds the password.
        QVERIFY(!accepted->postgres->displayUri().contains(QLatin1String("pw@")));
    }

    void tlsVerifyFullWithTheClusterCertificate()
    {
        auto db = openIn(QStringLiteral("public"));
        QCOMPARE(db->postgres()->sslMode(), QStringLiteral("verify-full"));
        auto ssl = db->exec(QStringLiteral("SELECT ssl, version FROM pg_stat_ssl WHERE pid = "
                                           "pg_backend_pid()"));
        QVERIFY2(ssl, qPrintable(ssl ? QString() : ssl.error().message));
        QVERIFY(ssl->next());
        QCOMPARE(ssl->value(0).toBool(), true);
        QVERIFY2(ssl->value(1).toString().startsWith(QLatin1String("TLSv1.")),
                 qPrintable(ssl->value(1).toString()));
        // The session is pinned to UTC whatever the server's or role's default.
        auto zone = db->exec(QStringLiteral("SELECT current_setting('TimeZone')"));
        QVERIFY(zone && zone->next());
        QCOMPARE(zone->value(0).toString(), QStringLiteral("UTC"));
    }

    void wrongCaIsRefused()
    {
        QString uri = env("CLINICDESK_TEST_PG_URI");
        const QString rightCa =
            QDir(env("CLINICDESK_TEST_PG_DIR")).filePath(QStringLiteral("client/ca.crt"));
        QVERIFY(uri.contains(rightCa));
        uri.replace(rightCa, env("CLINICDESK_TEST_PG_WRONG_CA"));
        auto location = StoreLocation::fromOptions(uri, env("CLINICDESK_TEST_PG_PASSWORD_FILE"));
        QVERIFY(location);
        auto db = Database::openPostgres(*location->postgres, location->password, {});
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QLatin1String("certificate verify failed")),
                 qPrintable(db.error().message));
        QVERIFY2(db.error().message.startsWith(QLatin1String("cannot connect to postgresql://")),
                 qPrintable(db.error().message));
        QVERIFY(!db.error().message.contains(location->password));
    }

    void wrongPasswordIsAClearError()
    {
        auto location = test::postgresLocation();
        auto db =
            Database::openPostgres(*location.postgres, QStringLiteral("not-the-password"), {});
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QLatin1String("password authentication failed")),
                 qPrintable(db.error().message));
    }

    void sameSchemaOnBothBackends()
    {
        QTemporaryDir dir;
        auto sqlite = Database::openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(sqlite);
        QVERIFY(sqlite.value()->migrate(schema::migrations()));
        auto pg = openIn(uniqueSchema("schema"));
        QVERIFY(pg->migrate(schema::migrations()));
        QCOMPARE(pg->schemaVersion(), sqlite.value()->schemaVersion());
        const QSet<QString> a = columnsOf(*sqlite.value());
        const QSet<QString> b = columnsOf(*pg);
        QVERIFY(a.size() > 30);
        QCOMPARE(QSet<QString>(b).subtract(a), QSet<QString>());
        QCOMPARE(QSet<QString>(a).subtract(b), QSet<QString>());
        QCOMPARE(indexesOf(*pg), indexesOf(*sqlite.value()));
        // Migrating again is a no-op on both.
        QVERIFY(pg->migrate(schema::migrations()));
        // Unix milliseconds and cursors need 64 bits (PostgreSQL's INTEGER is 32).
        QVERIFY(pg->exec(QStringLiteral("INSERT INTO processed_events (id, inbox_cursor, outcome, "
                                        "processed_at) VALUES ('x', ?, 'applied', 'now')"),
                         {qint64(1) << 40}));
    }

    void dumpHoldsNoPhiOrKey()
    {
        QTemporaryDir dir;
        const QString keyPath = test::writeKeyFile(dir);
        KeyFileKeyProvider keys(keyPath);
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        const QString schema = test::schemaFor(dataDir);
        const QString name = QStringLiteral("Zyxwquanary");
        const QString phone = QStringLiteral("(555) 867-5309");
        {
            auto store = LocalStore::open({dataDir, &keys, false, test::storeLocation(dataDir)});
            QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
            Patient p;
            p.firstName = name;
            p.lastName = QStringLiteral("Flibbertigibbet");
            p.dob = QDate(1980, 2, 29);
            p.phone = phone;
            p.email = QStringLiteral("canary.patient@example.org");
            QVERIFY(PatientRepository(*store.value()).save(p, QStringLiteral("frontdesk1")));
        }
        QProcess dump;
        dump.start(QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump"),
                   {QStringLiteral("-h"), env("CLINICDESK_TEST_PG_SOCKET_DIR"),
                    QStringLiteral("-p"), env("CLINICDESK_TEST_PG_PORT"), QStringLiteral("-U"),
                    QStringLiteral("postgres"), QStringLiteral("-n"), schema,
                    QStringLiteral("clinicdesk")});
        QVERIFY(dump.waitForFinished(60000));
        const QByteArray out = dump.readAllStandardOutput();
        QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
        // The dump really holds the store: its tables and the sealed rows.
        QVERIFY(out.contains("CREATE TABLE " + schema.toUtf8() + ".patients"));
        QVERIFY(out.contains("COPY " + schema.toUtf8() + ".patients"));
        for (const QString &canary :
             {name, QStringLiteral("Flibbertigibbet"), phone, QStringLiteral("5558675309"),
              QStringLiteral("canary.patient@example.org")})
            QVERIFY2(!out.contains(canary.toUtf8()), qPrintable(canary));
        // Nor the data key, in any spelling (the key file's bytes, hex, base64).
        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        auto ring = KeyRing::parse(keyFile.readAll());
        QVERIFY(ring);
        const QByteArray key = ring->currentKey();
        QVERIFY(key.size() >= 32);
        for (const QByteArray &spelling : {key, key.toHex(), key.toBase64()})
            QVERIFY(!out.contains(spelling));
    }

    // Qt 6.4.2's QPSQL streams forward-only results; a statement run inside the loop silently
    // ended the rest of the rows (1 of 1000 updated). Database's results are buffered.
    void statementsInsideALoopOverRows()
    {
        auto db = openIn(uniqueSchema("loop"));
        QVERIFY(db->execRaw(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
        QVERIFY(db->transaction([&]() -> Result<void> {
            for (int i = 0; i < 1000; ++i) {
                if (auto r = db->exec(QStringLiteral("INSERT INTO t VALUES (?, 'old')"), {i}); !r)
                    return r.error();
            }
            return {};
        }));
        auto rows = db->exec(QStringLiteral("SELECT id FROM t ORDER BY id"));
        QVERIFY(rows);
        int visited = 0;
        while (rows->next()) {
            QVERIFY(db->exec(QStringLiteral("UPDATE t SET v = 'new' WHERE id = ?"),
                             {rows->value(0).toInt()}));
            ++visited;
        }
        QCOMPARE(visited, 1000);
        auto left = db->exec(QStringLiteral("SELECT COUNT(*) FROM t WHERE v = 'old'"));
        QVERIFY(left && left->next());
        QCOMPARE(left->value(0).toLongLong(), 0);
        // bytea round trip with every byte value, and NULL vs empty.
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        QVERIFY(db->execRaw(QStringLiteral("CREATE TABLE b (k INTEGER, v BYTEA)")));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO b VALUES (1, ?), (2, ?), (3, ?)"),
                         {all, QByteArray(""), QVariant(QMetaType::fromType<QByteArray>())}));
        auto back = db->exec(QStringLiteral("SELECT v FROM b ORDER BY k"));
        QVERIFY(back && back->next());
        QCOMPARE(back->value(0).toByteArray(), all);
        QVERIFY(back->next());
        QVERIFY(!back->value(0).isNull());
        QCOMPARE(back->value(0).toByteArray().size(), 0);
        QVERIFY(back->next());
        QVERIFY(back->value(0).isNull());
    }

    // QPSQL reports success for a COMMIT that the server answered with ROLLBACK (a statement in
    // the transaction failed): Database reports it as the failure it is.
    void commitTurnedIntoRollbackIsAnError()
    {
        auto db = openIn(uniqueSchema("commit"));
        QVERIFY(db->execRaw(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)")));
        auto result = db->transaction([&]() -> Result<void> {
            (void)db->exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            (void)db->exec(QStringLiteral("INSERT INTO t VALUES (1)")); // fails: ignored
            return {};
        });
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(QLatin1String("rolled the transaction back")),
                 qPrintable(result.error().message));
        auto count = db->exec(QStringLiteral("SELECT COUNT(*) FROM t"));
        QVERIFY(count && count->next());
        QCOMPARE(count->value(0).toInt(), 0);
    }

    // A server restart: what was committed stays, a transaction cut off gets a clear error,
    // and the next statement connects again by itself.
    void lostConnection()
    {
        auto db = openIn(uniqueSchema("lost"));
        QVERIFY(db->execRaw(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY)")));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (1)")));

        // Cut off inside a transaction (another session ends this backend).
        auto other = openIn(QStringLiteral("public"));
        auto pid = db->exec(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(pid && pid->next());
        const int backend = pid->value(0).toInt();
        auto cut = db->transaction([&]() -> Result<void> {
            if (auto r = db->exec(QStringLiteral("INSERT INTO t VALUES (2)")); !r)
                return r.error();
            if (auto r = other->exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {backend});
                !r)
                return r.error();
            if (auto r = db->exec(QStringLiteral("INSERT INTO t VALUES (3)")); !r)
                return r.error();
            return {};
        });
        QVERIFY(!cut);
        QVERIFY2(cut.error().message.contains(
                     QLatin1String("connection to the database server was lost")),
                 qPrintable(cut.error().message));

        // The whole server restarts between two statements.
        QProcess restart;
        restart.start(QDir(qEnvironmentVariable("CLINICDESK_SOURCE_DIR"))
                          .filePath(QStringLiteral("scripts/pg-cluster")),
                      {QStringLiteral("restart"), env("CLINICDESK_TEST_PG_DIR")});
        QVERIFY(restart.waitForFinished(90000));
        QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());

        auto rows = db->exec(QStringLiteral("SELECT id FROM t ORDER BY id"));
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QList<int> ids;
        while (rows->next())
            ids << rows->value(0).toInt();
        QCOMPARE(ids, QList<int>{1}); // 1 was saved; 2 and 3 were never committed
        QVERIFY(db->exec(QStringLiteral("INSERT INTO t VALUES (4)")));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
