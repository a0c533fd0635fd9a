#include "store/Database.h"
#include "store/Schema.h"

#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

class TestDatabase : public QObject
{
    Q_OBJECT

    static QList<Migration> upTo(int version)
    {
        QList<Migration> out;
        for (const Migration &m : schema::migrations()) {
            if (m.version <= version)
                out << m;
        }
        return out;
    }

private Q_SLOTS:
    void walModeAndPragmas()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        auto mode = (*db)->exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
        auto fk = (*db)->exec(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(fk && fk->next());
        QCOMPARE(fk->value(0).toInt(), 1);
        auto full = Database::openSqlite(dir.filePath(QStringLiteral("b.sqlite")), {true, false});
        QVERIFY(full);
        auto sync = (*full)->exec(QStringLiteral("PRAGMA synchronous"));
        QVERIFY(sync && sync->next());
        QCOMPARE(sync->value(0).toInt(), 2); // FULL
    }

    void migrateFromEmpty()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), 0);
        QVERIFY((*db)->migrate(schema::migrations()));
        QCOMPARE((*db)->schemaVersion(), schema::latestVersion());
        // Idempotent.
        QVERIFY((*db)->migrate(schema::migrations()));
        auto rows = (*db)->exec(QStringLiteral("SELECT COUNT(*) FROM schema_version"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), schema::migrations().size());
    }

    void migrateFromPreviousVersionKeepsData()
    {
        QVERIFY(schema::latestVersion() >= 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        {
            auto db = Database::openSqlite(path);
            QVERIFY(db);
            // The one before the latest (numbers may skip one another branch holds).
            const int previous = schema::migrations().at(schema::migrations().size() - 2).version;
            QVERIFY((*db)->migrate(upTo(previous)));
            QCOMPARE((*db)->schemaVersion(), previous);
            QVERIFY((*db)->exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('k', 'v')")));
            QVERIFY(
                (*db)->exec(QStringLiteral("INSERT INTO users (id, username, display_name, role, "
                                           "password_hash, created_at, updated_at) VALUES "
                                           "('u1', 'ana', 'Ana', 'admin', 'h', 't', 't')")));
        }
        auto db = Database::openSqlite(path);
        QVERIFY(db);
        QVERIFY((*db)->migrate(schema::migrations()));
        QCOMPARE((*db)->schemaVersion(), schema::latestVersion());
        auto meta = (*db)->exec(QStringLiteral("SELECT value FROM meta WHERE key = 'k'"));
        QVERIFY(meta && meta->next());
        QCOMPARE(meta->value(0).toString(), QStringLiteral("v"));
        auto users = (*db)->exec(QStringLiteral("SELECT username FROM users"));
        QVERIFY(users && users->next());
        QCOMPARE(users->value(0).toString(), QStringLiteral("ana"));
        QVERIFY((*db)->exec(QStringLiteral("SELECT payload FROM drafts LIMIT 0")));
    }

    // Migration 15 copies the outbox into a table whose kinds include care requests: every row
    // and value is kept, the one-visit-entry index still holds, and a titration is accepted.
    void outboxKeepsItsEntriesThroughMigration15()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QVERIFY((*db)->migrate(upTo(14)));
        const QString t = QStringLiteral("2026-01-01T00:00:00.000Z");
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO patients (id, created_at, updated_at) "
                                           "VALUES ('p1', ?, ?)"),
                            {t, t}));
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO visits (id, master_id, patient_id, "
                                           "visit_type, status, form_obj, created_by, "
                                           "created_at, updated_at) VALUES ('v1', 'm1', 'p1', "
                                           "'weightloss', 'Submitted', x'00', 'ana', ?, ?)"),
                            {t, t}));
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, "
                                           "state, attempts, next_attempt_at, last_http_status, "
                                           "created_by, created_at, updated_at, sent_at) VALUES "
                                           "('o1', 'visit', 'v1', 'm1', 'sent', 3, ?, 503, 'ana', "
                                           "?, ?, ?)"),
                            {t, t, t, t}));
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, "
                                            "state, next_attempt_at, created_by, created_at, "
                                            "updated_at) VALUES ('o2', 'titration', 'v1', 'm1', "
                                            "'pending', ?, 'ana', ?, ?)"),
                             {t, t, t}));
        QVERIFY((*db)->migrate(upTo(15)));
        QCOMPARE((*db)->schemaVersion(), 15);
        auto row = (*db)->exec(QStringLiteral("SELECT kind, state, attempts, last_http_status, "
                                              "sent_at FROM outbox WHERE id = 'o1'"));
        QVERIFY(row && row->next());
        QCOMPARE(row->value(0).toString(), QStringLiteral("visit"));
        QCOMPARE(row->value(1).toString(), QStringLiteral("sent"));
        QCOMPARE(row->value(2).toInt(), 3);
        QCOMPARE(row->value(3).toInt(), 503);
        QCOMPARE(row->value(4).toString(), t);
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, "
                                           "state, next_attempt_at, created_by, created_at, "
                                           "updated_at) VALUES ('o2', 'titration', 'v1', 'm1', "
                                           "'pending', ?, 'ana', ?, ?)"),
                            {t, t, t}));
        // Still one createNoPay entry per visit.
        QVERIFY(!(*db)->exec(QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, "
                                            "state, next_attempt_at, created_by, created_at, "
                                            "updated_at) VALUES ('o3', 'visit', 'v1', 'm1', "
                                            "'pending', ?, 'ana', ?, ?)"),
                             {t, t, t}));
    }

    void failedMigrationRollsBack()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QVERIFY((*db)->migrate(schema::migrations()));
        const int before = (*db)->schemaVersion();
        QList<Migration> broken = schema::migrations();
        broken << Migration{before + 1,
                            QStringLiteral("broken"),
                            {QStringLiteral("CREATE TABLE half_done (x INTEGER)"),
                             QStringLiteral("THIS IS NOT SQL")}};
        auto result = (*db)->migrate(broken);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Migration);
        QVERIFY2(result.error().message.contains(QStringLiteral("broken")),
                 qPrintable(result.error().message));
        QCOMPARE((*db)->schemaVersion(), before);
        QVERIFY(!(*db)->exec(QStringLiteral("SELECT x FROM half_done"))); // rolled back
    }

    void transactionRollsBackOnError()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        auto r = (*db)->transaction([&]() -> Result<void> {
            if (auto q = (*db)->exec(QStringLiteral("INSERT INTO t VALUES (?)"), {1}); !q)
                return q.error();
            return makeError(ErrorCode::InvalidInput, QStringLiteral("changed my mind"));
        });
        QVERIFY(!r);
        auto count = (*db)->exec(QStringLiteral("SELECT COUNT(*) FROM t"));
        QVERIFY(count && count->next());
        QCOMPARE(count->value(0).toInt(), 0);
    }

    void boundValuesAreNotSql()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE t (x TEXT)")));
        const QString hostile = QStringLiteral("'); DROP TABLE t; --");
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO t VALUES (?)"), {hostile}));
        auto back = (*db)->exec(QStringLiteral("SELECT x FROM t"));
        QVERIFY(back && back->next());
        QCOMPARE(back->value(0).toString(), hostile);
    }

    void errorsNameStatementNotValues()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        auto r = (*db)->exec(QStringLiteral("INSERT INTO missing VALUES (?)"),
                             {QStringLiteral("SECRETVALUE")});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Database);
        QVERIFY(!r.error().message.contains(QStringLiteral("SECRETVALUE")));
    }

    void blobTypeTokenPortable()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db);
        QCOMPARE((*db)->dialectSql(QStringLiteral("x {BLOB}")), QStringLiteral("x BLOB"));
        for (const Migration &m : schema::migrations()) {
            for (const QString &s : m.statements)
                QVERIFY2(
                    !s.contains(QLatin1String(" BLOB")) &&
                        !s.contains(QLatin1String("AUTOINCREMENT")),
                    qPrintable(QStringLiteral("non-portable SQL in migration %1").arg(m.version)));
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
