#include "../inbox/InboxTestSupport.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The two halves of the webhook contract together: clinicdesk-sandbox delivers to the real
// clinicdesk-inbox over HTTPS (the inbox's generated certificate trusted through the sandbox's
// webhook-ca.pem, never by ignoring errors), signed with the shared whsec_ secret. With
// duplicates and reordering switched on, the inbox ends up with every event exactly once.
class TestSandboxToInbox : public QObject
{
    Q_OBJECT

private slots:
    void eventsReachTheInboxOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        inboxtest::Inbox inbox(dir.filePath("inbox"));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        QCOMPARE(inbox.url.scheme(), QStringLiteral("https"));

        SandboxProcess sandbox(dir.filePath("sandbox"));
        QVERIFY(QFile::copy(clinicdesk::TlsIdentity::generatedCertificatePath(inbox.dataDir),
                            sandbox.dataDir() + "/webhook-ca.pem"));
        const QString secretFile = sandboxtest::writeSecretFile(
            dir.path(), "sandbox-webhook.secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QUrl webhookUrl = inbox.url;
        webhookUrl.setPath("/webhooks/beluga");
        QVERIFY2(sandbox.start(
                     {"--webhook-url", webhookUrl.toString(), "--webhook-secret-file", secretFile}),
                 qPrintable(sandbox.failure()));
        QVERIFY(sandbox.setFaults({{"duplicateRate", 1}, {"reorder", true}}));
        QVERIFY(sandbox.setClinician({{"decision", "prescribe"}, {"delayMs", 0}}));
        QCOMPARE(sandbox.request("POST", "/visit/createNoPay", sandboxtest::createBody("e2e-1"))
                     .body.value("status")
                     .toInt(),
                 200);

        QStringList expected = {"RX_WRITTEN", "CONSULT_CONCLUDED", "PHARMACY_ORDER_IN_FULFILLMENT",
                                "PHARMACY_ORDER_SHIPPED", "PHARMACY_ORDER_DELIVERED"};
        expected.sort();
        auto delivered = [&] {
            int n = 0;
            for (const QJsonValue &w :
                 sandbox.request("GET", "/_sandbox/webhooks").body.value("data").toArray())
                n += w.toObject().value("delivered").toBool();
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), 5, 30000);
        // Every duplicate went out too (and was answered 2xx by the inbox as a duplicate).
        QTRY_VERIFY_WITH_TIMEOUT(
            sandbox.state().value("webhooks").toObject().value("duplicates").toInt() >= 5, 30000);
        const inboxtest::Reply events = inbox.getEvents("?after=0&limit=100");
        QCOMPARE(events.status, 200);
        QStringList types;
        for (const QJsonValue &e : events.json().value("events").toArray()) {
            const QJsonObject payload = e.toObject().value("payload").toObject();
            QCOMPARE(payload.value("masterId").toString(), QStringLiteral("e2e-1"));
            types << payload.value("event").toString();
        }
        types.sort();
        QCOMPARE(types, expected);
        QVERIFY(sandbox.stop());
        QVERIFY(inbox.process.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestSandboxToInbox)
#include "tst_sandboxtoinbox.moc"
