#include "../inbox/InboxTestSupport.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

// The sandbox's webhook delivery, always to the real clinicdesk-inbox over HTTPS (the inbox's
// generated certificate trusted through the sandbox's webhook-ca.pem, never by ignoring errors),
// signed with the shared whsec_ secret: the inbox stores only what verifies, so an event in the
// inbox is one the sandbox signed correctly. Deliveries that fail (the inbox down) are retried,
// also across a sandbox restart; with duplicates and reordering switched on, the inbox ends up
// with every event exactly once.
class TestSandboxToInbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_runs = 0;

    // A sandbox delivering to `inbox` (started or not: its URL and certificate are known).
    std::unique_ptr<SandboxProcess> sandboxFor(const inboxtest::Inbox &inbox)
    {
        auto sandbox = std::make_unique<SandboxProcess>(
            m_dir.filePath(QStringLiteral("sandbox%1").arg(++m_runs)));
        QDir().mkpath(sandbox->dataDir());
        QFile::copy(clinicdesk::TlsIdentity::generatedCertificatePath(inbox.dataDir),
                    sandbox->dataDir() + "/webhook-ca.pem");
        m_secretFile = sandboxtest::writeSecretFile(m_dir.path(), "sandbox-webhook.secret",
                                                    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        return sandbox;
    }

    QStringList sandboxArguments(const inboxtest::Inbox &inbox) const
    {
        QUrl webhookUrl = inbox.url;
        webhookUrl.setPath("/webhooks/beluga");
        return {"--webhook-url", webhookUrl.toString(), "--webhook-secret-file", m_secretFile};
    }

    // The events the inbox holds for `masterId`, in cursor order (their payloads).
    static QList<QJsonObject> stored(inboxtest::Inbox &inbox, const QString &masterId)
    {
        QList<QJsonObject> out;
        const inboxtest::Reply page = inbox.getEvents("?after=0&limit=1000");
        for (const QJsonValue &e : page.json().value("events").toArray()) {
            const QJsonObject payload = e.toObject().value("payload").toObject();
            if (payload.value("masterId").toString() == masterId)
                out << payload;
        }
        return out;
    }

    static QStringList types(const QList<QJsonObject> &payloads)
    {
        QStringList out;
        for (const QJsonObject &p : payloads)
            out << p.value("event").toString();
        return out;
    }

    // Every delivery attempt so far for `masterId`'s events failed, and there were `n` or more.
    static bool failedAttempts(SandboxProcess &sandbox, const QString &masterId, int n)
    {
        int attempts = 0;
        for (const QJsonValue &w :
             sandbox.request("GET", "/_sandbox/webhooks").body.value("data").toArray()) {
            const QJsonObject hook = w.toObject();
            if (hook.value("masterId").toString() != masterId)
                continue;
            if (hook.value("delivered").toBool())
                return false;
            attempts += hook.value("attempts").toInt();
        }
        return attempts >= n;
    }

    QString m_secretFile;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void eventsReachTheInboxOnce()
    {
        inboxtest::Inbox inbox(m_dir.filePath("inbox-once"));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        QCOMPARE(inbox.url.scheme(), QStringLiteral("https"));
        auto sandbox = sandboxFor(inbox);
        QVERIFY2(sandbox->start(sandboxArguments(inbox)), qPrintable(sandbox->failure()));
        QVERIFY(sandbox->setFaults({{"duplicateRate", 1}, {"reorder", true}}));
        QVERIFY(sandbox->setClinician({{"decision", "prescribe"}, {"delayMs", 0}}));
        QCOMPARE(sandbox->request("POST", "/visit/createNoPay", sandboxtest::createBody("e2e-1"))
                     .body.value("status")
                     .toInt(),
                 200);

        QStringList expected = {"RX_WRITTEN", "CONSULT_CONCLUDED", "PHARMACY_ORDER_IN_FULFILLMENT",
                                "PHARMACY_ORDER_SHIPPED", "PHARMACY_ORDER_DELIVERED"};
        expected.sort();
        auto delivered = [&] {
            int n = 0;
            for (const QJsonValue &w :
                 sandbox->request("GET", "/_sandbox/webhooks").body.value("data").toArray())
                n += w.toObject().value("delivered").toBool();
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), 5, 30000);
        // Every duplicate went out too (and was answered 2xx by the inbox as a duplicate).
        QTRY_VERIFY_WITH_TIMEOUT(
            sandbox->state().value("webhooks").toObject().value("duplicates").toInt() >= 5, 30000);
        QStringList got = types(stored(inbox, "e2e-1"));
        got.sort();
        QCOMPARE(got, expected);
        QVERIFY(sandbox->stop());
        QVERIFY(inbox.process.signalAndWait(SIGTERM));
    }

    // The clinician asks, staff answer, the clinician prescribes and the pharmacy delivers: every
    // event reaches the inbox in order, although the first deliveries found the inbox down.
    void conversationReachesTheInboxDespiteFailedDeliveries()
    {
        inboxtest::Inbox inbox(m_dir.filePath("inbox-conversation"));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(inbox.url.port());
        QVERIFY(inbox.process.signalAndWait(SIGTERM)); // down: deliveries are refused

        auto sandbox = sandboxFor(inbox);
        QVERIFY2(sandbox->start(sandboxArguments(inbox)), qPrintable(sandbox->failure()));
        QVERIFY(sandbox->setFaults({{"webhookBackoffMs", 50}, {"webhookMaxBackoffMs", 200}}));
        QVERIFY(sandbox->setClinician(
            {{"decision", "ask"}, {"delayMs", 0}, {"afterReply", "prescribe"}}));
        QCOMPARE(sandbox->request("POST", "/visit/createNoPay", sandboxtest::createBody("m-ask"))
                     .body.value("status")
                     .toInt(),
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(failedAttempts(*sandbox, "m-ask", 2), 20000);

        ServiceProcess up(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(up.startService(inbox.arguments(listen)), qPrintable(up.failureReason()));
        QTRY_COMPARE_WITH_TIMEOUT(types(stored(inbox, "m-ask")), QStringList{"DOCTOR_CHAT"}, 20000);
        QVERIFY(!stored(inbox, "m-ask").first().value("content").toString().isEmpty());
        QCOMPARE(sandbox->request("GET", "/visit/externalFetch/m-ask")
                     .body.value("data")
                     .toObject()
                     .value("visitStatus")
                     .toString(),
                 QStringLiteral("pending"));

        QCOMPARE(sandbox
                     ->request("POST", "/external/receiveChat",
                               {{"firstName", "Front"},
                                {"lastName", "Desk"},
                                {"content", "Two weeks."},
                                {"isMedia", false},
                                {"masterId", "m-ask"}})
                     .body.value("status")
                     .toInt(),
                 200);
        const QStringList expected = {"DOCTOR_CHAT",
                                      "RX_WRITTEN",
                                      "CONSULT_CONCLUDED",
                                      "PHARMACY_ORDER_IN_FULFILLMENT",
                                      "PHARMACY_ORDER_SHIPPED",
                                      "PHARMACY_ORDER_DELIVERED"};
        QTRY_COMPARE_WITH_TIMEOUT(types(stored(inbox, "m-ask")), expected, 20000);
        const QList<QJsonObject> events = stored(inbox, "m-ask");
        QVERIFY(!events.at(1).value("medsPrescribed").toArray().isEmpty());
        QCOMPARE(events.at(2).value("visitOutcome").toString(), QStringLiteral("prescribed"));
        QVERIFY(!events.at(4).value("info").toObject().value("tracking").toString().isEmpty());
        const auto fetched =
            sandbox->request("GET", "/visit/externalFetch/m-ask").body.value("data").toObject();
        QCOMPARE(fetched.value("visitStatus").toString(), QStringLiteral("resolved"));
        QCOMPARE(fetched.value("rxHistory").toArray().size(), 1);
        QVERIFY(sandbox->stop());
        QVERIFY(up.signalAndWait(SIGTERM));
    }

    // Undelivered events are in the sandbox's database: a restart resumes their delivery.
    void deliveryResumesAfterASandboxRestart()
    {
        inboxtest::Inbox inbox(m_dir.filePath("inbox-restart"));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(inbox.url.port());
        QVERIFY(inbox.process.signalAndWait(SIGTERM));

        auto sandbox = sandboxFor(inbox);
        const QStringList args = sandboxArguments(inbox);
        QVERIFY2(sandbox->start(args), qPrintable(sandbox->failure()));
        QVERIFY(sandbox->setFaults({{"webhookBackoffMs", 50}, {"webhookMaxBackoffMs", 200}}));
        QVERIFY(sandbox->setClinician({{"decision", "cancel"}, {"delayMs", 0}}));
        sandbox->request("POST", "/visit/createNoPay",
                         sandboxtest::createBody("m-restart", "5125550179"));
        QTRY_VERIFY_WITH_TIMEOUT(failedAttempts(*sandbox, "m-restart", 2), 20000);
        QVERIFY(sandbox->stop());

        ServiceProcess up(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(up.startService(inbox.arguments(listen)), qPrintable(up.failureReason()));
        QVERIFY(stored(inbox, "m-restart").isEmpty());
        QVERIFY2(sandbox->start(args), qPrintable(sandbox->failure()));
        QTRY_COMPARE_WITH_TIMEOUT(types(stored(inbox, "m-restart")),
                                  QStringList{"CONSULT_CANCELED"}, 30000);
        QVERIFY(sandbox->stop());
        QVERIFY(up.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestSandboxToInbox)
#include "tst_sandboxtoinbox.moc"
