#include "../inbox/InboxTestSupport.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "base/InboxEndpoint.h"

#include <QJsonArray>
#include <QProcess>

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;

// The audit head witnessed off the machine (issue 13, point 1), end to end: the real
// clinicdesk-inbox on loopback, the console's store driven through the real clinicdesk-admin as
// an operator (or an attacker with sqlite3) would. Appends send the head to the inbox; `audit
// verify` compares against it, so a truncation together with the deletion of the local anchor is
// caught; the attacks found in the issue (truncate then append, a blanked anchor) stay broken;
// `audit acknowledge` records a restart that verify then reports beside the break.
class TestAuditWitness : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inbox> m_inbox;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    struct Console
    {
        QString data;
        QString key;
        QStringList base() const
        {
            return {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"), key};
        }
    };

    static Run admin(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-admin")), args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("clinicdesk-admin did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    Console newConsole(const QString &name, bool witnessed)
    {
        Console c{m_dir.filePath(name), m_dir.filePath(name + QStringLiteral(".key"))};
        const Run init =
            admin(c.base() + QStringList{QStringLiteral("store"), QStringLiteral("init")});
        if (init.exitCode != 0)
            qWarning("store init: %s", init.err.constData());
        if (witnessed) {
            const Run relay = admin(
                c.base() + QStringList{QStringLiteral("relay"), QStringLiteral("configure"),
                                       QStringLiteral("--inbox"), m_inbox->url.toString(),
                                       QStringLiteral("--token-file"), m_inbox->tokenFile,
                                       QStringLiteral("--ca-file"),
                                       TlsIdentity::generatedCertificatePath(m_inbox->dataDir)});
            if (relay.exitCode != 0)
                qWarning("relay configure: %s", relay.err.constData());
        }
        return c;
    }

    static Run addUser(const Console &c, const QString &name)
    {
        return admin(c.base() + QStringList{QStringLiteral("users"), QStringLiteral("add"), name,
                                            QStringLiteral("--generate-password")});
    }

    static Run verify(const Console &c)
    {
        return admin(c.base() + QStringList{QStringLiteral("--json"), QStringLiteral("audit"),
                                            QStringLiteral("verify")});
    }

    // Runs SQL on the console's store as an attacker with sqlite3 would (no key needed).
    static void tamper(const Console &c, const QString &sql)
    {
        auto db = Database::openSqlite(LocalStore::databasePath(c.data));
        QVERIFY(db);
        QVERIFY(db.value()->exec(sql));
    }

    static QString storeId(const Console &c)
    {
        auto db = Database::openSqlite(LocalStore::databasePath(c.data));
        auto row = db ? db.value()->exec(QStringLiteral("SELECT value FROM meta WHERE key = "
                                                        "'store_id'"))
                      : Result<QSqlQuery>(db.error());
        return row && row->next() ? row->value(0).toString() : QString();
    }

    QJsonObject witnessed(const QString &store)
    {
        QNetworkRequest req = m_inbox->request(QStringLiteral("/v1/witness?store=%1").arg(store));
        req.setRawHeader("Authorization", "Bearer " + m_inbox->token);
        auto reply = Inbox::finish(m_inbox->network.get(req));
        return reply.status == 200 ? reply.json() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inbox = std::make_unique<Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(m_inbox->start(), qPrintable(m_inbox->process.failureReason()));
    }

    void theHeadIsWitnessedAfterAppends()
    {
        // In-process, as the console does it: appends, one batched post per burst.
        const QString dir = m_dir.filePath(QStringLiteral("inprocess"));
        KeyFileKeyProvider keys(dir + QStringLiteral(".key"));
        auto store = test::openStore(dir, keys);
        AuditLog log(*store, &keys);
        auto endpoint =
            InboxEndpoint::load(m_inbox->url, m_inbox->tokenFile,
                                TlsIdentity::generatedCertificatePath(m_inbox->dataDir));
        QVERIFY(endpoint);
        log.setWitness(std::make_unique<AuditWitness>(endpoint.value(), store->storeId()));
        for (int i = 0; i < 20; ++i)
            QVERIFY(log.append({AuditAction::PhiView,
                                QStringLiteral("maria"),
                                QStringLiteral("patient"),
                                QString::number(i),
                                AuditOutcome::Success,
                                {}}));
        QVERIFY(log.flushWitness(30000));
        const QJsonObject head = witnessed(store->storeId());
        QCOMPARE(head.value(QStringLiteral("seq")).toInteger(), 20);
        QCOMPARE(head.value(QStringLiteral("head")).toString().toLatin1(),
                 log.head()->hash.toHex());
        auto fetched = log.witness()->fetch(30000);
        QVERIFY(fetched && fetched.value());
        QCOMPARE(fetched.value()->seq, 20);
        QVERIFY(log.verify({}, *fetched.value())->intact);
    }

    void adminCommandsAreWitnessed()
    {
        const Console c = newConsole(QStringLiteral("witnessed"), true);
        QCOMPARE(addUser(c, QStringLiteral("ana")).exitCode, 0);
        const QJsonObject head = witnessed(storeId(c));
        QVERIFY2(head.value(QStringLiteral("seq")).toInteger() >= 2, "the head was not witnessed");
        const Run v = verify(c);
        QCOMPARE(v.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(v.out).object();
        QCOMPARE(report.value(QStringLiteral("witness")).toString(), QStringLiteral("witnessed"));
        QCOMPARE(report.value(QStringLiteral("witnessSeq")).toInteger(),
                 report.value(QStringLiteral("headSeq")).toInteger());
    }

    void truncationThenAppendStaysBroken()
    {
        // Found in issue 13: delete the newest rows, then any audited action re-anchored and
        // verify said intact again.
        const Console c = newConsole(QStringLiteral("truncated"), false);
        for (const char *name : {"ana", "ben", "cyra", "dee"})
            QCOMPARE(addUser(c, QLatin1String(name)).exitCode, 0);
        tamper(c, QStringLiteral("DELETE FROM audit_log WHERE seq > 2"));
        QCOMPARE(verify(c).exitCode, 1);
        QCOMPARE(addUser(c, QStringLiteral("eve")).exitCode, 0);
        const Run v = verify(c);
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.err.contains("audit log broken"), v.err.constData());
    }

    void blankedAnchorIsBroken()
    {
        const Console c = newConsole(QStringLiteral("blanked"), false);
        QCOMPARE(addUser(c, QStringLiteral("ana")).exitCode, 0);
        QFile anchor(c.key + QStringLiteral(".audit-anchor"));
        QVERIFY(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchor.write("{}");
        anchor.close();
        const Run v = verify(c);
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.err.contains("malformed"), v.err.constData());
        QCOMPARE(addUser(c, QStringLiteral("ben")).exitCode, 0);
        QCOMPARE(verify(c).exitCode, 1);
    }

    void truncationWithTheAnchorDeletedIsCaughtByTheWitness()
    {
        const Console c = newConsole(QStringLiteral("erased"), true);
        for (const char *name : {"ana", "ben", "cyra", "dee"})
            QCOMPARE(addUser(c, QLatin1String(name)).exitCode, 0);
        const qint64 witnessedSeq = witnessed(storeId(c)).value(QStringLiteral("seq")).toInteger();
        QVERIFY(witnessedSeq >= 5);
        // Everything the machine keeps about the newest entries goes.
        tamper(c, QStringLiteral("DELETE FROM audit_log WHERE seq > 2"));
        tamper(c, QStringLiteral("DELETE FROM meta WHERE key LIKE 'audit_anchor_saved%'"));
        QVERIFY(QFile::remove(c.key + QStringLiteral(".audit-anchor")));
        const Run add = addUser(c, QStringLiteral("eve")); // anchors the truncated log afresh...
        QCOMPARE(add.exitCode, 0);
        // ...which the inbox refuses to witness (it holds a later entry)...
        QCOMPARE(witnessed(storeId(c)).value(QStringLiteral("seq")).toInteger(), witnessedSeq);
        // ...and verify names it.
        const Run v = verify(c);
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(
            v.err.contains(QByteArray("inbox witnessed entry ") + QByteArray::number(witnessedSeq)),
            v.err.constData());
    }

    void anAcknowledgedRestartIsReportedBesideTheBreak()
    {
        const Console c = newConsole(QStringLiteral("restarted"), true);
        for (const char *name : {"ana", "ben", "cyra"})
            QCOMPARE(addUser(c, QLatin1String(name)).exitCode, 0);
        tamper(c, QStringLiteral("DELETE FROM audit_log WHERE seq > 2"));
        QCOMPARE(verify(c).exitCode, 1);
        const Run ack =
            admin(c.base() + QStringList{QStringLiteral("audit"), QStringLiteral("acknowledge")});
        QVERIFY2(ack.exitCode == 0, ack.err.constData());
        QCOMPARE(addUser(c, QStringLiteral("dee")).exitCode, 0);
        const Run v = verify(c);
        QVERIFY2(v.exitCode == 0, v.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(v.out).object();
        QVERIFY(report.value(QStringLiteral("intact")).toBool());
        QVERIFY(report.value(QStringLiteral("everBroken")).toBool());
        QCOMPARE(report.value(QStringLiteral("restarts")).toArray().size(), 1);
        QVERIFY(!report.value(QStringLiteral("breaks")).toArray().isEmpty());
        const Run text =
            admin(c.base() + QStringList{QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(text.out.contains("NOT since it began"), text.out.constData());
        QVERIFY(text.out.contains("acknowledged by entry"));
    }

    void cleanupTestCase()
    {
        if (m_inbox)
            QVERIFY(m_inbox->process.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestAuditWitness)
#include "tst_auditwitness.moc"
