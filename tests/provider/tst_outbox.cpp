#include "ProviderTestSupport.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderStatusSync.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using providertest::visitColumn;

// The durable outbox and its sender against the real sandbox: a submission is stored before
// anything is sent, lands exactly once whatever fails when, refusals become Rejected with the
// provider's reason, messages go the same way, and status fetches reconcile silent visits.
class TestOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_keyFile;
    int m_storeCounter = 0;
    int m_phoneCounter = 0;

    OutboxSender::Options fastOptions() const
    {
        OutboxSender::Options o;
        o.baseBackoffMs = 20;
        o.maxBackoffMs = 400;
        o.pollIntervalMs = 200;
        return o;
    }
    QString nextPhone() { return QStringLiteral("51255%1").arg(10000 + ++m_phoneCounter); }
    QString newStoreDir()
    {
        return m_dir.filePath(QStringLiteral("store%1").arg(++m_storeCounter));
    }

    // How many visits the sandbox holds for `masterId` (never more than one, is the point).
    int sandboxVisits(const QString &masterId) const
    {
        int n = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray())
            n += v.toObject().value("masterId").toString() == masterId;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keyFile = test::writeKeyFile(m_dir);
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void cleanup() { QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}, {"failRate", 0}})); }

    void happyPathSubmitsOnce()
    {
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const auto visit = providertest::submitQueuedVisit(*store, nextPhone());
        const QString visitId = visit.visitId;
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        QVERIFY(sent.wait(20000));
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Submitted"));
        QVERIFY(visitColumn(*store, visitId, "provider_visit_id").startsWith("v_"));
        QCOMPARE(m_sandbox->createRequests(visit.masterId), 1);
        QCOMPARE(sandboxVisits(visit.masterId), 1);
        auto counts = sender.outbox().counts();
        QVERIFY(counts);
        QCOMPARE(counts->sent, 1);
        QCOMPARE(counts->pending, 0);
    }

    // The provider refuses a valid intake: the patient already has an open visit of that type.
    void refusalIsRejectedWithTheReasonThenResubmitted()
    {
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const QString phone = nextPhone();
        const auto open = providertest::submitQueuedVisit(*store, phone);
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        QVERIFY(sent.wait(20000));
        QCOMPARE(visitColumn(*store, open.visitId, "status"), QStringLiteral("Submitted"));

        const auto refused = providertest::submitQueuedVisit(*store, phone);
        const QString visitId = refused.visitId;
        QVERIFY(sender.outbox().enqueueVisit(visitId, "tester"));
        QVERIFY(sender.outbox().enqueueSupportMessage(visitId, "Any news?", "tester"));
        QSignalSpy rejected(&sender, &OutboxSender::entryRejected);
        sender.kick();
        QVERIFY(rejected.wait(20000));
        // The message waiting for the refused visit is refused with it.
        QTRY_COMPARE_WITH_TIMEOUT(sender.outbox().counts()->rejected, 2, 20000);
        QVERIFY(!sender.outbox().enqueueStaffChat(visitId, "A", "B", "Hello", "tester"));
        QCOMPARE(rejected.at(0).at(1).toString(),
                 QStringLiteral("Patient not eligible for new visit"));
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Rejected"));
        QCOMPARE(VisitRepository(*store).openRejectedReason(visitId).value(),
                 QStringLiteral("Patient not eligible for new visit"));
        QCOMPARE(sandboxVisits(refused.masterId), 0);

        // The open visit is concluded; staff resubmit: same masterId, one visit.
        QCOMPARE(m_sandbox
                     ->request("POST",
                               QStringLiteral("/_sandbox/visits/%1/decision").arg(open.masterId),
                               {{"decision", "cancel"}})
                     .http,
                 200);
        QVERIFY(sender.outbox().resubmit(visitId, "tester"));
        sent.clear();
        sender.kick();
        QVERIFY(sent.wait(20000));
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Submitted"));
        QCOMPARE(sandboxVisits(refused.masterId), 1);
    }

    void retriesUntilItLandsOnce_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<int>("minimumRequests"); // createNoPay requests that reached the sandbox
        QTest::newRow("5xx") << QStringList{"5xx", "5xx"} << 1;
        QTest::newRow("5xx after processing") << QStringList{"5xx-after"} << 2;
        QTest::newRow("200 with error") << QStringList{"200-error"} << 1;
        QTest::newRow("429") << QStringList{"429"} << 1;
        QTest::newRow("dropped response") << QStringList{"drop", "drop"} << 3;
        QTest::newRow("reset") << QStringList{"reset", "reset", "reset", "reset"} << 1;
        QTest::newRow("timeout") << QStringList{"delay"} << 2;
    }
    void retriesUntilItLandsOnce()
    {
        QFETCH(QStringList, faults);
        QFETCH(int, minimumRequests);
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const auto visit = providertest::submitQueuedVisit(*store, nextPhone());
        const QString masterId = visit.masterId;
        const QString visitId = visit.visitId;
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray::fromStringList(faults)},
                                      {"delayMs", 2000},
                                      {"retryAfterSeconds", 1}}));
        ProviderClient client(m_sandbox->clientConfig(800));
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        QSignalSpy retrying(&sender, &OutboxSender::entryRetrying);
        QElapsedTimer clock;
        clock.start();
        sender.start();
        QVERIFY(sent.wait(30000));
        QVERIFY(retrying.size() >= 1);
        if (QTest::currentDataTag() == QLatin1String("429"))
            QVERIFY(clock.elapsed() >= 1000); // Retry-After was honoured
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Submitted"));
        QCOMPARE(sandboxVisits(masterId), 1);
        QVERIFY(m_sandbox->createRequests(masterId) >= minimumRequests);
        auto entries = sender.outbox().entries();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->at(0).attempts, int(retrying.size()) + 1);
    }

    void messagesGoThroughTheOutbox()
    {
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const auto visit = providertest::submitQueuedVisit(*store, nextPhone());
        const QString masterId = visit.masterId;
        const QString visitId = visit.visitId;
        Outbox outbox(*store);
        QVERIFY(outbox.enqueueVisit(visitId, "tester"));
        // Queued before the visit is even sent: they wait for it.
        QVERIFY(outbox.enqueueStaffChat(visitId, "Front", "Desk", "Two weeks.", "tester"));
        QVERIFY(outbox.enqueueSupportMessage(visitId, "Billing question", "tester"));
        QVERIFY(!outbox.enqueueSupportMessage(visitId, "  ", "tester"));
        // The first createNoPay fails: the messages must not overtake it.
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx"}}}));
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy rejected(&sender, &OutboxSender::entryRejected);
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(outbox.counts()->sent, 3, 20000);
        QCOMPARE(rejected.size(), 0);
        QJsonObject mine;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray()) {
            if (v.toObject().value("masterId").toString() == masterId)
                mine = v.toObject();
        }
        QCOMPARE(mine.value("staffMessages").toInt(), 1);
        QCOMPARE(mine.value("csMessages").toInt(), 1);
        // The message bodies are sealed at rest.
        QVERIFY(!test::readAllStartingWith(store->dataDir(), "clinicdesk").contains("Two weeks."));
    }

    // The console stops (crash, power) after the provider received the visit but before the
    // reply: after the restart the same masterId is sent again, and there is still one visit.
    void restartInTheMiddleOfASend()
    {
        const QString dir = newStoreDir();
        QString masterId;
        QString visitId;
        {
            KeyFileKeyProvider keys(m_keyFile);
            auto store = test::openStore(dir, keys);
            const auto visit = providertest::submitQueuedVisit(*store, nextPhone());
            masterId = visit.masterId;
            visitId = visit.visitId;
            QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"delay"}}, {"delayMs", 5000}}));
            ProviderClient client(m_sandbox->clientConfig(20000));
            OutboxSender sender(*store, client, fastOptions());
            sender.start();
            QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->createRequests(masterId), 1, 20000);
            QCOMPARE(client.inFlight(), 1);
            // Everything goes away here, mid-request.
        }
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(dir, keys);
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Queued"));
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        QVERIFY(sent.wait(20000));
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Submitted"));
        QCOMPARE(m_sandbox->createRequests(masterId), 2);
        QCOMPARE(sandboxVisits(masterId), 1);
    }

    // The provider is unreachable for a while: the entry stays queued and retried, then lands.
    void offlineThenOnline()
    {
        SandboxProcess later(m_dir.filePath("later-sandbox"));
        QVERIFY2(later.start(), qPrintable(later.failure()));
        QVERIFY(later.setClinician({{"decision", "manual"}}));
        const ProviderClient::Config config = later.clientConfig(1000);
        QVERIFY(later.stop());

        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const auto visit = providertest::submitQueuedVisit(*store, nextPhone());
        const QString visitId = visit.visitId;
        ProviderClient client(config);
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy retrying(&sender, &OutboxSender::entryRetrying);
        QSignalSpy sent(&sender, &OutboxSender::entrySent);
        sender.start();
        QTRY_VERIFY_WITH_TIMEOUT(retrying.size() >= 3, 20000);
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Queued"));
        QVERIFY2(later.start(), qPrintable(later.failure())); // same port, same data
        QVERIFY(sent.wait(20000));
        QCOMPARE(visitColumn(*store, visitId, "status"), QStringLiteral("Submitted"));
        QCOMPARE(later.createRequests(visit.masterId), 1);
        QVERIFY(later.stop());
    }

    void statusRefreshAndReconciliation()
    {
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        const auto refresh = providertest::submitQueuedVisit(*store, nextPhone());
        const auto reconcile = providertest::submitQueuedVisit(*store, nextPhone());
        const auto fresh = providertest::submitQueuedVisit(*store, nextPhone());
        const QString a = refresh.visitId;
        const QString b = reconcile.visitId;
        const QString c = fresh.visitId;
        const auto decide = [&](const QString &masterId, const char *decision) {
            return m_sandbox
                ->request("POST", QStringLiteral("/_sandbox/visits/%1/decision").arg(masterId),
                          {{"decision", decision}})
                .http;
        };
        ProviderClient client(m_sandbox->clientConfig());
        OutboxSender sender(*store, client, fastOptions());
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(sender.outbox().counts()->sent, 3, 20000);
        sender.stop();
        QCOMPARE(decide(refresh.masterId, "prescribe"), 200);
        QCOMPARE(decide(reconcile.masterId, "cancel"), 200);
        QCOMPARE(decide(fresh.masterId, "refer"), 200);

        ProviderStatusSync sync(*store, client);
        QSignalSpy refreshed(&sync, &ProviderStatusSync::refreshed);
        sync.refresh(a); // "refresh" on one visit
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(refreshed.at(0).at(1).toString(), QStringLiteral("Prescribed"));
        QCOMPARE(visitColumn(*store, a, "status"), QStringLiteral("Prescribed"));
        QCOMPARE(visitColumn(*store, a, "rx_status"), QStringLiteral("Written"));

        // Reconciliation fetches only visits silent for longer than the limit.
        const QString old =
            QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
        QVERIFY(store->db().exec("UPDATE visits SET updated_at = ? WHERE id = ?", {old, b}));
        auto started = sync.reconcile(600);
        QVERIFY(started);
        QCOMPARE(started.value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(visitColumn(*store, b, "status"), QStringLiteral("Canceled"),
                                  20000);
        QCOMPARE(visitColumn(*store, c, "status"), QStringLiteral("Submitted"));
        QVERIFY(!visitColumn(*store, b, "provider_checked_at").isEmpty());
        // A terminal visit is not fetched again; `c` is, once it is old enough.
        QTRY_COMPARE_WITH_TIMEOUT(sync.inFlight(), 0, 20000);
        started = sync.reconcile(0);
        QVERIFY(started);
        QCOMPARE(started.value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(visitColumn(*store, c, "status"), QStringLiteral("Referred"),
                                  20000);
    }

    // 100 submissions through a sandbox failing 30% of requests in every way it can: every one
    // lands, exactly once.
    void hundredSubmissionsThroughAFlakyProvider()
    {
        KeyFileKeyProvider keys(m_keyFile);
        auto store = test::openStore(newStoreDir(), keys);
        constexpr int kCount = 100;
        QSet<QString> masterIds;
        for (int i = 0; i < kCount; ++i)
            masterIds.insert(providertest::submitQueuedVisit(*store, nextPhone()).masterId);
        QVERIFY(m_sandbox->setFaults({{"failRate", 0.3},
                                      {"modes", QJsonArray{"5xx", "5xx-after", "reset", "drop",
                                                           "200-error", "429", "delay"}},
                                      {"delayMs", 1500},
                                      {"retryAfterSeconds", 0}}));
        const int requestsBefore =
            m_sandbox->state().value("counters").toObject().value("requests").toInt();
        ProviderClient client(m_sandbox->clientConfig(1000));
        OutboxSender sender(*store, client, fastOptions());
        QSignalSpy retrying(&sender, &OutboxSender::entryRetrying);
        QSignalSpy rejected(&sender, &OutboxSender::entryRejected);
        QElapsedTimer clock;
        clock.start();
        sender.start();
        QTRY_COMPARE_WITH_TIMEOUT(sender.outbox().counts()->sent, kCount, 240000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY(m_sandbox->setFaults({{"failRate", 0}}));
        QCOMPARE(rejected.size(), 0);
        auto q = store->db().exec("SELECT COUNT(*) FROM visits WHERE status = 'Submitted'");
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), kCount);

        QMap<QString, int> seen;
        int createRequests = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray()) {
            const QString id = v.toObject().value("masterId").toString();
            if (masterIds.contains(id)) {
                ++seen[id];
                createRequests += v.toObject().value("createRequests").toInt();
            }
        }
        QCOMPARE(seen.size(), kCount);
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QCOMPARE(it.value(), 1);
        const int requests =
            m_sandbox->state().value("counters").toObject().value("requests").toInt() -
            requestsBefore;
        qInfo("100 submissions, 30%% faults: %lld ms, %d requests, %d retries, %d createNoPay "
              "reached a created visit",
              elapsed, requests, int(retrying.size()), createRequests);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
