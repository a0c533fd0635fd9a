#include "../inbox/InboxTestSupport.h"
#include "../provider/ProviderTestSupport.h"
#include "../sandbox/SandboxPayloads.h"
#include "../sandbox/SandboxProcess.h"
#include "TestSupport.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace clinicdesk;

// The whole product path the demo shows, with every real part on loopback: a queued visit in an
// encrypted console store -> the outbox sends it to clinicdesk-sandbox over verified HTTPS -> the
// sandbox's clinician prescribes and the pharmacy ships -> signed webhooks reach clinicdesk-inbox
// (duplicated and reordered on purpose) -> clinicdesk-relay applies them to the console store ->
// the visit reads Prescribed with its prescription Delivered, and every event is on its timeline
// exactly once.
class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void visitGoesFromQueuedToPrescribed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        inboxtest::Inbox inbox(dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));

        SandboxProcess sandbox(dir.filePath(QStringLiteral("sandbox")));
        QVERIFY(QFile::copy(TlsIdentity::generatedCertificatePath(inbox.dataDir),
                            sandbox.dataDir() + QStringLiteral("/webhook-ca.pem")));
        const QString secret = sandboxtest::writeSecretFile(
            dir.path(), QStringLiteral("webhook.secret"), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QUrl webhookUrl = inbox.url;
        webhookUrl.setPath(QStringLiteral("/webhooks/beluga"));
        QVERIFY2(sandbox.start({QStringLiteral("--webhook-url"), webhookUrl.toString(),
                                QStringLiteral("--webhook-secret-file"), secret}),
                 qPrintable(sandbox.failure()));
        QVERIFY(sandbox.setFaults(
            {{QStringLiteral("duplicateRate"), 1}, {QStringLiteral("reorder"), true}}));
        QVERIFY(sandbox.setClinician({{QStringLiteral("decision"), QStringLiteral("prescribe")},
                                      {QStringLiteral("delayMs"), 0}}));

        // The console's store, with one intake submitted as the intake wizard submits it.
        const QString consoleDir = dir.filePath(QStringLiteral("console"));
        const QString keyFile = dir.filePath(QStringLiteral("console.key"));
        KeyFileKeyProvider keys(keyFile);
        auto store = test::openStore(consoleDir, keys);
        const auto submitted =
            providertest::submitQueuedVisit(*store, QStringLiteral("5125550100"));
        const QString masterId = submitted.masterId;
        const QString visitId = submitted.visitId;

        // The relay, between inbox and console store.
        QProcess relay;
        relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                    {QStringLiteral("--data-dir"), consoleDir, QStringLiteral("--key-file"),
                     keyFile, QStringLiteral("--inbox"), inbox.url.toString(),
                     QStringLiteral("--token-file"), inbox.tokenFile, QStringLiteral("--ca-file"),
                     TlsIdentity::generatedCertificatePath(inbox.dataDir)});
        QVERIFY(relay.waitForStarted(10000));

        // The console's outbox sends the visit.
        ProviderClient client(sandbox.clientConfig());
        OutboxSender sender(*store, client, OutboxSender::Options{200, 2000, 200, 2});
        sender.start();
        sender.kick();

        auto status = [&] {
            return providertest::visitColumn(*store, visitId, QStringLiteral("status"));
        };
        auto rx = [&] {
            return providertest::visitColumn(*store, visitId, QStringLiteral("rx_status"));
        };
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Prescribed"), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(rx(), QStringLiteral("Delivered"), 60000);
        QCOMPARE(sandbox.createRequests(masterId), 1);
        QCOMPARE(sandbox.visitCount(), 1);

        // Every webhook went out, each twice (the duplicate fault), and the inbox took them all.
        auto delivered = [&] {
            int n = 0;
            const QJsonArray hooks = sandbox.request("GET", QStringLiteral("/_sandbox/webhooks"))
                                         .body.value(QStringLiteral("data"))
                                         .toArray();
            for (const QJsonValue &w : hooks)
                n += w.toObject().value(QStringLiteral("delivered")).toBool();
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), 5, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.state()
                                         .value(QStringLiteral("webhooks"))
                                         .toObject()
                                         .value(QStringLiteral("duplicates"))
                                         .toInt() >= 5,
                                 60000);
        // On the console, each of the five events exactly once on the timeline.
        auto timeline = [&](const char *what) {
            auto q =
                store->db().exec(QStringLiteral("SELECT %1 FROM visit_events WHERE visit_id = ?")
                                     .arg(QLatin1String(what)),
                                 {visitId});
            return q && q->next() ? q->value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(timeline("COUNT(*)"), 5, 60000);
        QCOMPARE(timeline("COUNT(DISTINCT event_type)"), 5);
        auto processed = store->db().exec(QStringLiteral("SELECT COUNT(*) FROM processed_events"));
        QVERIFY(processed && processed->next());
        QCOMPARE(processed->value(0).toInt(), 5);

        sender.stop();
        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(15000));
        QCOMPARE(relay.exitCode(), 0);
        QVERIFY(sandbox.stop());
        QVERIFY(inbox.process.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
