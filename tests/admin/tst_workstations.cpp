#include "BackendSupport.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Workstations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// Joining a workstation to a clinic store on PostgreSQL (issue 16 item 3; DESIGN, "Several
// workstations, one clinic"), through the real clinicdesk-admin binary as two PCs would run it:
// each PC its own data dir, key file and workstation name (CLINICDESK_WORKSTATION), one database.
class TestWorkstations : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    QStringList m_database; // --database URI --database-password-file FILE: the shared store

    QString dataDir(const QString &pc) const
    {
        return m_dir.filePath(pc + QStringLiteral("/data"));
    }
    QString keyFile(const QString &pc) const { return m_dir.filePath(pc + QStringLiteral("/key")); }

    Run admin(const QString &pc, const QStringList &args, const QByteArray &stdinText = {}) const
    {
        QDir().mkpath(m_dir.filePath(pc));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_WORKSTATION"), pc);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                QStringList{QStringLiteral("--data-dir"), dataDir(pc), QStringLiteral("--key-file"),
                            keyFile(pc)} +
                    m_database + args);
        p.write(stdinText);
        p.closeWriteChannel();
        if (!p.waitForFinished(60'000))
            qFatal("clinicdesk-admin did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QJsonObject json(const Run &run) const { return QJsonDocument::fromJson(run.out).object(); }

    QString invite()
    {
        const Run r =
            admin(QStringLiteral("pc-a"), {QStringLiteral("--json"), QStringLiteral("workstation"),
                                           QStringLiteral("invite")});
        if (r.exitCode != 0)
            qFatal("invite failed: %s", r.err.constData());
        return json(r).value(QStringLiteral("code")).toString();
    }

    Run join(const QString &pc, const QString &code)
    {
        return admin(
            pc,
            {QStringLiteral("workstation"), QStringLiteral("join"), QStringLiteral("--code-stdin")},
            code.toUtf8() + '\n');
    }

    // The same code with its last character changed: right invitation, wrong secret.
    static QString wrong(const QString &code)
    {
        QString w = code;
        w[w.size() - 1] = w.back() == u'7' ? u'8' : u'7';
        return w;
    }

    std::unique_ptr<Database> database()
    {
        StoreLocation location = test::storeLocation(dataDir(QStringLiteral("pc-a")));
        auto db = Database::openPostgres(*location.postgres, location.password, {});
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        return std::move(db).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        QVERIFY(m_dir.isValid());
        // Both PCs open pc-a's schema: one clinic store.
        m_database = test::storeArguments(dataDir(QStringLiteral("pc-a")));
        const Run init =
            admin(QStringLiteral("pc-a"), {QStringLiteral("store"), QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
    }

    void aSecondPcJoinsWithTheCodeAndOpensTheStore()
    {
        const QString code = invite();
        QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$"))
                     .match(code)
                     .hasMatch(),
                 qPrintable(code));
        // Before joining, pc-b has no key: the store does not open there.
        Run r = admin(QStringLiteral("pc-b"), {QStringLiteral("store"), QStringLiteral("info")});
        QVERIFY(r.exitCode != 0);

        // No place for the keys: refused before the code is used.
        r = admin(QStringLiteral("pc-b"),
                  {QStringLiteral("--key-file"), m_dir.filePath(QStringLiteral("nowhere/key")),
                   QStringLiteral("workstation"), QStringLiteral("join"),
                   QStringLiteral("--code-stdin")},
                  code.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("the code was not used"), r.err.constData());

        r = join(QStringLiteral("pc-b"), wrong(code));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Wrong code. 4 more wrong code(s)"), r.err.constData());
        QVERIFY(!QFile::exists(keyFile(QStringLiteral("pc-b"))));

        // Typed in lower case and without dashes: the same code.
        r = join(QStringLiteral("pc-b"), code.toLower().remove(u'-'));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("pc-b"));
        QCOMPARE(test::fileMode(keyFile(QStringLiteral("pc-b"))), 0600);
        r = admin(QStringLiteral("pc-b"), {QStringLiteral("store"), QStringLiteral("info")});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // Used once: the same code again finds nothing.
        r = join(QStringLiteral("pc-c"), code);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No invitation matches this code"), r.err.constData());

        r = admin(QStringLiteral("pc-a"), {QStringLiteral("--json"), QStringLiteral("workstation"),
                                           QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject list = json(r);
        QStringList names;
        for (const auto &w : list.value(QStringLiteral("workstations")).toArray())
            names << w.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("pc-a"), QStringLiteral("pc-b")}));
        QVERIFY(list.value(QStringLiteral("invitations")).toArray().isEmpty());
    }

    void theServerHoldsNeitherTheCodeNorTheKey()
    {
        const QString code = invite();
        auto db = database();
        auto row = db->exec(QStringLiteral("SELECT id, store_id, kdf, salt, wrapped, created_by"
                                           " FROM workstation_invites"));
        QVERIFY(row);
        QVERIFY(row->next());
        QByteArray everything;
        for (int i = 0; i < 6; ++i)
            everything += row->value(i).toByteArray();
        QVERIFY(!everything.contains(QString(code).remove(u'-').toLatin1()));
        QVERIFY(!everything.contains(code.toLatin1()));
        // The key file's ring (base64 keys) appears nowhere in the row.
        QFile key(keyFile(QStringLiteral("pc-a")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray ring = key.readAll();
        const auto keyText = QRegularExpression(QStringLiteral("\"1\":\"([^\"]+)\""))
                                 .match(QString::fromLatin1(ring))
                                 .captured(1);
        QVERIFY(!keyText.isEmpty());
        QVERIFY(!everything.contains(keyText.toLatin1()));
        QVERIFY(!everything.contains(QByteArray::fromBase64(keyText.toLatin1())));
        // Left for the next test to void.
        QVERIFY(Workstations(*db).dropInvitations());
    }

    void fiveWrongCodesVoidTheInvitation()
    {
        const QString code = invite();
        for (int i = 1; i <= Workstations::kMaxWrongCodes; ++i) {
            const Run r = join(QStringLiteral("pc-c"), wrong(code));
            QCOMPARE(r.exitCode, 1);
            if (i < Workstations::kMaxWrongCodes)
                QVERIFY2(r.err.contains("more wrong code(s)"), r.err.constData());
            else
                QVERIFY2(r.err.contains("the invitation is void"), r.err.constData());
        }
        const Run r = join(QStringLiteral("pc-c"), code);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No invitation matches this code"), r.err.constData());
        QVERIFY(!QFile::exists(keyFile(QStringLiteral("pc-c"))));
        // Malformed: a specific message, nothing counted.
        const Run bad = join(QStringLiteral("pc-c"), QStringLiteral("1234"));
        QVERIFY2(bad.err.contains("20 letters and digits"), bad.err.constData());
    }

    void anInvitationExpiresAfterFifteenMinutes()
    {
        auto db = database();
        auto ring = KeyRing::generate();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Workstations workstations(*db);
        auto made = workstations.invite(QStringLiteral("store"), ring, QStringLiteral("t"), now);
        QVERIFY(made);
        auto late = workstations.join(made->code, QStringLiteral("pc-late"),
                                      now + Workstations::kInviteLifetimeMs);
        QVERIFY(!late);
        QVERIFY2(late.error().message.contains(QStringLiteral("expired")),
                 qPrintable(late.error().message));
        // And it is gone, even on time now.
        auto again = workstations.join(made->code, QStringLiteral("pc-late"), now + 1000);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
    }

    void aRevokedPcIsRefusedUntilInvitedAgain()
    {
        Run r = admin(QStringLiteral("pc-a"), {QStringLiteral("workstation"),
                                               QStringLiteral("revoke"), QStringLiteral("pc-a")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is this workstation"), r.err.constData());

        r = admin(QStringLiteral("pc-a"), {QStringLiteral("workstation"), QStringLiteral("revoke"),
                                           QStringLiteral("pc-b")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = admin(QStringLiteral("pc-b"), {QStringLiteral("store"), QStringLiteral("info")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("This workstation (pc-b) was revoked by os:"), r.err.constData());

        const Run joined = join(QStringLiteral("pc-b"), invite());
        QVERIFY2(joined.exitCode == 0, joined.err.constData());
        r = admin(QStringLiteral("pc-b"), {QStringLiteral("store"), QStringLiteral("info")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void everyStepIsAudited()
    {
        auto db = database();
        auto q = db->exec(QStringLiteral("SELECT workstation, entity_type, entity_id, detail FROM"
                                         " audit_log WHERE entity_type IN ('workstation',"
                                         " 'workstation_invite') ORDER BY seq"));
        QVERIFY(q);
        QStringList seen;
        while (q->next())
            seen << q->value(0).toString() + u' ' + q->value(1).toString() + u' ' +
                        q->value(3).toString().section(u' ', 0, 0);
        // pc-a invited (4 invitations through the CLI above), pc-b joined twice, pc-a revoked pc-b.
        QCOMPARE(seen.filter(QStringLiteral("pc-a workstation_invite expires")).size(), 4);
        QCOMPARE(seen.filter(QStringLiteral("pc-b workstation joined")).size(), 2);
        QCOMPARE(seen.filter(QStringLiteral("pc-a workstation revoked")).size(), 1);
        const Run verify =
            admin(QStringLiteral("pc-b"), {QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
    }

    void aSqliteStoreHasNoInvitations()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                 QStringLiteral("--key-file"), dir.filePath(QStringLiteral("k")),
                 QStringLiteral("store"), QStringLiteral("init")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 0);
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                 QStringLiteral("--key-file"), dir.filePath(QStringLiteral("k")),
                 QStringLiteral("workstation"), QStringLiteral("invite")});
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("a SQLite store belongs to one PC"));
    }
};

QTEST_GUILESS_MAIN(TestWorkstations)
#include "tst_workstations.moc"
