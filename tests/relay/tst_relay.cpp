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
// relay SIGKILLed inside a page's transaction, then again between storing a page and committing
// its cursor (stopped there through base/TestSeam.h), applies every event exactly once after its
// restart.
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
        QStringList arguments = {QStringLiteral("--data-dir"),
                                 m_consoleDir,
                                 QStringLiteral("--key-file"),
                                 m_keyFile,
                                 QStringLiteral("--inbox"),
                                 m_inbox->url.toString(),
                                 QStringLiteral("--token-file"),
                                 m_inbox->tokenFile,
                                 QStringLiteral("--ca-file"),
                                 TlsIdentity::generatedCertificatePath(m_inbox->dataDir)};
        // The console's store on the PostgreSQL run: --database and its password file.
        return arguments + test::storeArguments(m_consoleDir);
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

    // Starts the relay with the test seam CLINICDESK_TEST_PAUSE_AT=<point> (base/TestSeam.h),
    // waits until it has stopped itself there, and SIGKILLs it: a crash at exactly that step.
    void killRelayAt(const char *point)
    {
        QProcess relay;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_TEST_PAUSE_AT"), QString::fromLatin1(point));
        relay.setProcessEnvironment(env);
        QVERIFY(startRelay(relay, relayArguments()));
        QTRY_VERIFY2_WITH_TIMEOUT(test::processState(relay.processId()) == 'T', point, 30000);
        ::kill(pid_t(relay.processId()), SIGKILL);
        QVERIFY(relay.waitForFinished(10000));
        QCOMPARE(relay.exitStatus(), QProcess::CrashExit);
    }

    qint64 lag()
    {
        const QByteArray metrics =
            Inbox::finish(m_inbox->network.get(m_inbox->request(QStringLiteral("/metrics")))).body;
        const QByteArray key = "clinicdesk_inbox_consumer_lag{consumer=\"relay\"} ";
        const qsizetype at = metrics.indexOf(key);
        if (at < 0)
            return -1;
        return metrics.mid(at + key.size(), metrics.indexOf('\n', at) - at - key.size())
            .toLongLong();
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
        const Visit a = addVisit(*m_store);
        const Visit b = addVisit(*m_store);
        ConsoleNotifierServer console;
        QVERIFY2(console.listen(m_consoleDir), qPrintable(console.errorString()));
        QSignalSpy told(&console, &ConsoleNotifierServer::visitsChanged);

        QProcess relay;
        QVERIFY(startRelay(relay, relayArguments()));
        const auto post = [&](const QByteArray &id, const QJsonObject &payload) {
            return m_inbox->postWebhook(id, QJsonDocument(payload).toJson(QJsonDocument::Compact))
                .status;
        };
        QCOMPARE(post("w1", payload(a.masterId, QStringLiteral("DOCTOR_CHAT"),
                                    {{QStringLiteral("content"), QStringLiteral("hello")}})),
                 200);
        // The notice may arrive while post() still spins its own event loop (a loaded machine):
        // count it, rather than wait for a signal that has already come.
        QTRY_VERIFY_WITH_TIMEOUT(told.count() >= 1, 15000);
        QCOMPARE(told.first().first().toStringList(), QStringList{a.id});
        QCOMPARE(visitState(*m_store, a.id).first, QStringLiteral("NeedsInfo"));

        QCOMPARE(
            post("w2", payload(b.masterId, QStringLiteral("CONSULT_CONCLUDED"),
                               {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})),
            200);
        QCOMPARE(post("w3", payload(b.masterId, QStringLiteral("PHARMACY_ORDER_SHIPPED"),
                                    {{QStringLiteral("orderId"), QStringLiteral("o1")}})),
                 200);
        QCOMPARE(post("w4", payload(b.masterId, QStringLiteral("DOCTOR_CHAT"),
                                    {{QStringLiteral("content"), QStringLiteral("late")}})),
                 200);
        QCOMPARE(
            post("w5", payload(QStringLiteral("M-NOT-YET"), QStringLiteral("CONSULT_CANCELED"))),
            200);
        QCOMPARE(post("w6", QJsonObject{{QStringLiteral("event"), QStringLiteral("RX_WRITTEN")}}),
                 200);

        QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("SELECT COUNT(*) FROM processed_events")),
                                  6, 20000);
        QCOMPARE(visitState(*m_store, b.id),
                 qMakePair(QStringLiteral("Prescribed"), QStringLiteral("Shipped")));
        QCOMPARE(
            stored(QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE visit_id = ?"), {b.id}),
            3);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM pending_events")), 1);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM quarantined_events")), 1);

        // The visit appears later (the outbox learned its masterId): the waiting event applies.
        const Visit c = addVisitKnownAs(*m_store, QStringLiteral("M-NOT-YET"));
        QTRY_COMPARE_WITH_TIMEOUT(visitState(*m_store, c.id).first, QStringLiteral("Canceled"),
                                  20000);
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
        QList<Visit> visits;
        for (int v = 0; v < kVisits; ++v)
            visits << addVisit(*m_store);
        const qint64 before = stored(QStringLiteral("SELECT COUNT(*) FROM visit_events"));
        const auto applied = [&] {
            return stored(QStringLiteral(
                "SELECT COUNT(*) FROM processed_events WHERE id LIKE 'beluga:kill_%'"));
        };
        for (int i = 0; i < kEvents; ++i) {
            const QJsonObject p =
                payload(visits.at(i % kVisits).masterId, QStringLiteral("CS_MESSAGE"),
                        {{QStringLiteral("content"), QStringLiteral("n%1").arg(i)}});
            QNetworkReply *reply = m_inbox->network.post(
                m_inbox->webhookRequest("kill_" + QByteArray::number(i),
                                        QJsonDocument(p).toJson(QJsonDocument::Compact)),
                QJsonDocument(p).toJson(QJsonDocument::Compact));
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        }
        QTRY_COMPARE_WITH_TIMEOUT(lag(), qint64(kEvents), 60000);

        // 1. Killed inside a page's transaction, half of it applied: none of it is stored.
        killRelayAt("relay-mid-batch");
        QCOMPARE(applied(), 0);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM visit_events")), before);
        QCOMPARE(lag(), qint64(kEvents));

        // 2. Killed after a page was committed to the store, before its cursor reached the
        //    inbox: the store holds that page, the inbox will serve it again.
        killRelayAt("relay-batch-applied");
        const qint64 firstPage = applied();
        qInfo("applied before the second SIGKILL: %lld of %d", qlonglong(firstPage), kEvents);
        QVERIFY(firstPage > 0 && firstPage < kEvents);
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM visit_events")) - before, firstPage);
        QCOMPARE(lag(), qint64(kEvents));

        // 3. A plain restart gets the first page again and everything after it.
        QProcess again;
        QVERIFY(startRelay(again, relayArguments()));
        QTRY_COMPARE_WITH_TIMEOUT(lag(), qint64(0), 60000);
        // Exactly once: one timeline entry and one processed record per event id, although the
        // first page was delivered twice.
        QCOMPARE(applied(), qint64(kEvents));
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM visit_events")) - before,
                 qint64(kEvents));
        QCOMPARE(stored(QStringLiteral(
                     "SELECT COUNT(DISTINCT id) FROM visit_events WHERE id LIKE 'beluga:kill_%'")),
                 qint64(kEvents));
        ::kill(pid_t(again.processId()), SIGTERM);
        QVERIFY(again.waitForFinished(15000));
        QCOMPARE(again.exitCode(), 0);
    }

    // The relay fetches the next page while it applies one. When a page fails to apply, the page
    // fetched ahead must be dropped, not applied: applying it and committing its cursor would
    // skip the failed page for good. A trigger refuses one event of the first page; the relay
    // fails and retries from the applied cursor (nothing of the later page lands meanwhile), and
    // once the trigger is gone everything applies exactly once.
    void aPageThatFailsToApplyIsFetchedAgainAndNothingAfterItLands()
    {
        constexpr int kEvents = 1500; // more than one page (the relay asks for at most 1,000)
        const Visit visit = addVisit(*m_store);
        const bool postgres = m_store->db().isPostgres();
        if (postgres) {
            QVERIFY(m_store->db().exec(QStringLiteral(
                "CREATE FUNCTION refuse_drop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION 'refused by the test'; END $$")));
            QVERIFY(m_store->db().exec(QStringLiteral(
                "CREATE TRIGGER refuse_drop BEFORE INSERT ON processed_events FOR EACH ROW "
                "WHEN (NEW.id = 'beluga:drop_0') EXECUTE FUNCTION refuse_drop()")));
        } else {
            QVERIFY(m_store->db().exec(QStringLiteral(
                "CREATE TRIGGER refuse_drop BEFORE INSERT ON processed_events "
                "WHEN NEW.id = 'beluga:drop_0' BEGIN SELECT RAISE(ABORT, 'refused by the "
                "test'); END")));
        }
        const auto applied = [&] {
            return stored(QStringLiteral(
                "SELECT COUNT(*) FROM processed_events WHERE id LIKE 'beluga:drop_%'"));
        };
        for (int i = 0; i < kEvents; ++i) {
            const QByteArray body =
                QJsonDocument(payload(visit.masterId, QStringLiteral("CS_MESSAGE"),
                                      {{QStringLiteral("content"), QStringLiteral("d%1").arg(i)}}))
                    .toJson(QJsonDocument::Compact);
            QNetworkReply *reply = m_inbox->network.post(
                m_inbox->webhookRequest("drop_" + QByteArray::number(i), body), body);
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        }
        QTRY_COMPARE_WITH_TIMEOUT(lag(), qint64(kEvents), 60000);

        QProcess relay;
        relay.setProcessChannelMode(QProcess::MergedChannels);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                    relayArguments());
        QVERIFY(relay.waitForStarted(10000));
        QByteArray out;
        // Two failures of the first page (between them the page fetched ahead had every chance
        // to arrive), or events of a later page stored: the bug.
        const auto failures = [&] {
            out += relay.readAllStandardOutput();
            return out.count("applying a batch failed");
        };
        QTRY_VERIFY_WITH_TIMEOUT(failures() >= 2 || applied() > 0, 30000);
        QCOMPARE(applied(), 0);
        QVERIFY(failures() >= 2);
        QCOMPARE(lag(), qint64(kEvents));

        QVERIFY(
            m_store->db().exec(QStringLiteral("DROP TRIGGER refuse_drop") +
                               (postgres ? QStringLiteral(" ON processed_events") : QString())));
        QTRY_COMPARE_WITH_TIMEOUT(lag(), qint64(0), 60000);
        QCOMPARE(applied(), qint64(kEvents));
        QCOMPARE(stored(QStringLiteral(
                     "SELECT COUNT(DISTINCT id) FROM visit_events WHERE id LIKE 'beluga:drop_%'")),
                 qint64(kEvents));
        QCOMPARE(stored(QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE id LIKE "
                                       "'beluga:drop_%'")),
                 qint64(kEvents));
        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(15000));
        QCOMPARE(relay.exitCode(), 0);
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
