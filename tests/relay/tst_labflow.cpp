#include "InboxTestSupport.h"
#include "RelayTestSupport.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "ServiceProcess.h"
#include "TestSupport.h"
#include "store/LabOrderRepository.h"
#include "visits/VisitRecord.h"

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;
using namespace relaytest;

// A lab order through the real path (issue 14): the sandbox's POST /_sandbox/visits/{m}/lab sends
// its six signed LAB_ORDER_* webhooks, each twice (the provider's redelivery), to the real
// clinicdesk-inbox over HTTPS; the real clinicdesk-relay applies them to the console store: one
// order, six timeline entries, the requisition sealed once, nothing of the PDF in the store's
// files or the relay's output.
class TestLabFlow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void sandboxLabOrderReachesTheStoreOnce()
    {
        QVERIFY(m_dir.isValid());
        Inbox inbox(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        SandboxProcess sandbox(m_dir.filePath(QStringLiteral("sandbox")));
        QDir().mkpath(sandbox.dataDir());
        QVERIFY(QFile::copy(TlsIdentity::generatedCertificatePath(inbox.dataDir),
                            sandbox.dataDir() + QStringLiteral("/webhook-ca.pem")));
        const QString secretFile = sandboxtest::writeSecretFile(
            m_dir.path(), "sandbox-webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QUrl webhookUrl = inbox.url;
        webhookUrl.setPath(QStringLiteral("/webhooks/beluga"));
        QVERIFY2(sandbox.start(
                     {"--webhook-url", webhookUrl.toString(), "--webhook-secret-file", secretFile}),
                 qPrintable(sandbox.failure()));
        QVERIFY(sandbox.setClinician({{"decision", "manual"}}));
        QVERIFY(sandbox.setFaults({{"duplicateRate", 1}}));
        QCOMPARE(sandbox.request("POST", "/visit/createNoPay", sandboxtest::createBody("lab-flow"))
                     .body.value("status")
                     .toInt(),
                 200);

        const QString consoleDir = m_dir.filePath(QStringLiteral("console"));
        const QString keyFile = m_dir.filePath(QStringLiteral("console.key"));
        QVERIFY(KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()));
        KeyFileKeyProvider keys(keyFile);
        auto store = test::openStore(consoleDir, keys);
        const Visit visit = addVisitKnownAs(*store, QStringLiteral("lab-flow"));

        QProcess relay;
        relay.setProcessChannelMode(QProcess::MergedChannels);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                    {QStringLiteral("--data-dir"), consoleDir, QStringLiteral("--key-file"),
                     keyFile, QStringLiteral("--inbox"), inbox.url.toString(),
                     QStringLiteral("--token-file"), inbox.tokenFile, QStringLiteral("--ca-file"),
                     TlsIdentity::generatedCertificatePath(inbox.dataDir)});
        QVERIFY(relay.waitForStarted(10000));

        const auto lab = sandbox.request("POST", "/_sandbox/visits/lab-flow/lab");
        QCOMPARE(lab.body.value("status").toInt(), 200);
        const QString orderId = lab.body.value("data").toObject().value("orderId").toString();
        QVERIFY(!orderId.isEmpty());
        const QString withPdf =
            QStringLiteral("SELECT COUNT(*) FROM lab_orders WHERE requisition IS NOT NULL");
        QTRY_COMPARE_WITH_TIMEOUT(count(*store, withPdf), 1, 60000);
        // Every delivery, duplicates included, has reached the inbox.
        QTRY_VERIFY_WITH_TIMEOUT(
            sandbox.state().value("webhooks").toObject().value("duplicates").toInt() >= 6, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            count(*store, QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE visit_id = ?"),
                  {visit.id}),
            6, 30000);
        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(30000));

        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM lab_orders")), 1);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM processed_events")), 6);
        QCOMPARE(count(*store, QStringLiteral("SELECT COUNT(*) FROM quarantined_events")), 0);
        auto pdf = LabOrderRepository(store->db(), store->cipher()).requisition(visit.id, orderId);
        QVERIFY(pdf);
        QVERIFY(pdf->startsWith("%PDF-"));
        QVERIFY(pdf->contains("Laboratory requisition"));
        auto record = VisitRecordReader(*store).read(visit.id);
        QVERIFY(record);
        QCOMPARE(record->labs.size(), 1);
        QCOMPARE(record->labs.at(0).steps.size(), 6);
        QVERIFY(record->labs.at(0).requisition);

        store->db().exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")).ok();
        const QByteArray files =
            test::readAllStartingWith(consoleDir, QStringLiteral("clinicdesk"));
        QVERIFY(!files.isEmpty());
        QVERIFY(!files.contains("%PDF"));
        QVERIFY(!files.contains("Laboratory requisition"));
        const QByteArray output = relay.readAll();
        QVERIFY(!output.contains("%PDF"));
        QVERIFY(!output.contains("McTestface"));
        QVERIFY(sandbox.stop());
        QVERIFY(inbox.process.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestLabFlow)
#include "tst_labflow.moc"
