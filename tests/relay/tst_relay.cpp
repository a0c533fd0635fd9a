#include "InboxTestSupport.h"
#include "RelayTestSupport.h"
#include "TestSupport.h"
#include "relay/ConsoleNotifier.h"

#include <QJsonArray>

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;
using namespace relaytest;

// The real clinicdesk-relay between the real clinicdesk-inbox (HTTPS, its generated certificate
// as the only CA) and a console store: events reach the visits, the console is told over the
// local socket, unknown visits wait, malformed events are quarantined, SIGTERM stops it, and a
// relay SIGKILLed mid-batch applies every event exactly once after its restart.
class TestRelay : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inbox> m_inbox;
    QString m_consoleDir;
    QString m_keyFile;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    QStringList relayArguments() const
    {
        return {QStringLiteral("--data-dir"),
                m_consoleDir,
                QStringLiteral("--key-file"),
                m_keyFile,
                QStringLiteral("--inbox"),
                m_inbox->url.toString(),
                QStringLiteral("--token-file"),
                m_inbox->tokenFile,
                QStringLiteral("--ca-file"),
                TlsIdentity::generatedCertificatePath(m_inbox->dataDir)};
    }

    // Starts the relay and waits for its "polling URL" line (its SIGTERM handler is in place).
    static bool startRelay(QProcess &relay, const QStringList &arguments)
    {
        relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")), arguments);
        if (!relay.waitForStarted(10000))
            return false;
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!out.contains("polling ") && !deadline.hasExpired() &&
               relay.state() == QProcess::Running) {
            if (relay.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                out += relay.readAllStandardOutput();
        }
        return out.contains("polling ");
    }

    qint64 stored(const QString &sql, const QVariantList &values = {})
    {
        return count(*m_store, sql, values);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inbox = std::make_unique<Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(m_inbox->start(), qPrintable(m_inbox->process.failureReason()));
        m_consoleDir = m_dir.filePath(QStringLiteral("console"));
        m_keyFile = m_dir.filePath(QStringLiteral("console.key"));
        QVERIFY(KeyFileKeyProvider(m_keyFile).save({}, KeyRing::generate()));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_keyFile);
        m_store = test::openStore(m_consoleDir, *m_keys);
    }

    void eventsReachTheConsole()
    {
        addVisit(*m_store, QStringLiteral("visit-a"), QStringLiteral("MA"));
        addVisit(*m_store, QStringLiteral("visit-b"), QStringLiteral("MB"));
        ConsoleNotifierServer console;
        QVERIFY2(console.listen(m_consoleDir), qPrintable(console.errorString()));
        QSignalSpy told(&console, &ConsoleNotifierServer::visitsChanged);

        QProcess relay;
        QVERIFY(startRelay(relay, relayArguments()));
        const auto post = [&](const QByteArray &id, const QJsonObject &payload) {
            return m_inbox->postWebhook(id, QJsonDocument(payload).toJson(QJsonDocument::Compact))
                .status;
        };
        QCOMPARE(post("w1", payload(QStringLiteral("MA"), QStringLiteral("DOCTOR_CHAT"),
                                    {{QStringLiteral("content"), QStringLiteral("hello")}})),
                 200);
        // The notice may arrive while post() still spins its own event loop (a loaded machine):
        // count it, rather than wait for a signal that has already come.
        QTRY_VERIFY_WITH_TIMEOUT(told.count() >= 1, 15000);
        QCOMPARE(told.first().first().toStringList(), QStringList{QStringLiteral("visit-a")});
        QCOMPARE(visitState(*m_store, QStringLiteral("visit-a")).first,
                 QStringLiteral("NeedsInfo"));

        QCOMPARE(
            post("w2", payload(QStringLiteral("MB"), QStringLiteral("CONSULT_CONCLUDED"),
                               {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})),
            200);
        QCOMPARE(post("w3", payload(QStringLiteral("MB"), QStringLiteral("PHARMACY_ORDER_SHIPPED"),
                                    {{QStringLiteral("orderId"), QStringLiteral("o1")}})),
                 200);
        QCOMPARE(post("w4", payload(QStringLiteral("MB"), QStringLiteral("DOCTOR_CHAT"),
                                    {{QStringLiteral("content"), QStringLiteral("late")}})),
                 200);
        QCOMPARE(
            post("w5", payload(QStringLiteral("M-NOT-YET"), QStringLiteral("CONSULT_CANCELED"))),
            200);
        QCOMPARE(post("w6", QJsonObject{{QStringLiteral("event"), QStringLiteral("RX_WRITTEN")}}),
                 200);

        QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT COUNT(*) FROM processed_events")),
                                  6, 20000);
        QCOMPARE(visitState(*m_store, QStringLiteral("visit-b")),
                 qMakePair(QStringLiteral("Prescribed"), QStringLiteral("Shipped")));
        QCOMPARE(
            stored(QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE visit_id = 'visit-b'")),
            3);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM pending_events")), 1);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM quarantined_events")), 1);

        // The visit appears later (the outbox learned its masterId): the waiting event applies.
        addVisit(*m_store, QStringLiteral("visit-c"), QStringLiteral("M-NOT-YET"),
                 QStringLiteral("Queued"));
        QTRY_COMPARE_WITH_TIMEOUT(visitState(*m_store, QStringLiteral("visit-c")).first,
                                  QStringLiteral("Canceled"), 20000);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM pending_events")), 0);

        // The relay committed its cursor at the inbox: lag 0.
        QTRY_VERIFY_WITH_TIMEOUT(
            Inbox::finish(m_inbox->network.get(m_inbox->request(QStringLiteral("/metrics"))))
                .body.contains("clinicdesk_inbox_consumer_lag{consumer=\"relay\"} 0"),
            20000);

        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(15000));
        QCOMPARE(relay.exitStatus(), QProcess::NormalExit);
        QCOMPARE(relay.exitCode(), 0);
    }

    void killedMidBatchAppliesEveryEventExactlyOnce()
    {
        constexpr int kVisits = 20;
        constexpr int kEvents = 3000;
        for (int v = 0; v < kVisits; ++v)
            addVisit(*m_store, QStringLiteral("kill-%1").arg(v), QStringLiteral("KM%1").arg(v));
        const qint64 before = stored(QStringLiteral("SELECT COUNT(*) FROM visit_events"));
        for (int i = 0; i < kEvents; ++i) {
            const QJsonObject p =
                payload(QStringLiteral("KM%1").arg(i % kVisits), QStringLiteral("CS_MESSAGE"),
                        {{QStringLiteral("content"), QStringLiteral("n%1").arg(i)}});
            QNetworkReply *reply = m_inbox->network.post(
                m_inbox->webhookRequest("kill_" + QByteArray::number(i),
                                        QJsonDocument(p).toJson(QJsonDocument::Compact)),
                QJsonDocument(p).toJson(QJsonDocument::Compact));
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            m_inbox->getEvents(QStringLiteral("?after=0&limit=1000")).status == 200 &&
                Inbox::finish(m_inbox->network.get(m_inbox->request(QStringLiteral("/metrics"))))
                    .body.contains("clinicdesk_inbox_consumer_lag{consumer=\"relay\"} 3000"),
            60000);

        // Kill it three times, each time once it has applied more of the stream.
        qint64 previous = before;
        for (int round = 0; round < 3; ++round) {
            QProcess relay;
            QVERIFY(startRelay(relay, relayArguments()));
            QTRY_VERIFY_WITH_TIMEOUT(
                stored(QStringLiteral("SELECT COUNT(*) FROM visit_events")) > previous, 30000);
            ::kill(pid_t(relay.processId()), SIGKILL);
            QVERIFY(relay.waitForFinished(10000));
            previous = stored(QStringLiteral("SELECT COUNT(*) FROM visit_events"));
            qInfo("applied before SIGKILL %d: %lld of %d", round + 1, qlonglong(previous - before),
                  kEvents);
            if (previous - before == kEvents)
                break;
        }

        QProcess again;
        QVERIFY(startRelay(again, relayArguments()));
        QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT COUNT(*) FROM visit_events")) -
                                      before,
                                  qint64(kEvents), 60000);
        // Exactly once: one timeline entry and one processed record per event id.
        QCOMPARE(stored(QStringLiteral(
                     "SELECT COUNT(*) FROM processed_events WHERE id LIKE 'beluga:kill_%'")),
                 qint64(kEvents));
        QCOMPARE(stored(QStringLiteral(
                     "SELECT COUNT(DISTINCT id) FROM visit_events WHERE id LIKE 'beluga:kill_%'")),
                 qint64(kEvents));
        ::kill(pid_t(again.processId()), SIGTERM);
        QVERIFY(again.waitForFinished(15000));
        QCOMPARE(again.exitCode(), 0);
    }

    void cleanupTestCase()
    {
        m_store.reset();
        if (m_inbox)
            m_inbox->process.signalAndWait(SIGTERM);
    }
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
