#include "InboxStore.h"
#include "InboxTestSupport.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QJsonArray>

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;

// Retention (DESIGN: dedupe "for as long as the event is retained"): an event is purged once it
// is older than the retention AND every configured consumer has committed it. With no consumer
// nothing is purged; a consumer that is removed from the configuration stops holding events back
// (and can no longer sign in).
class TestInboxRetention : public QObject
{
    Q_OBJECT

    static constexpr qint64 kLongAgo = 1'000'000; // ms since the epoch: older than any cutoff

    static std::unique_ptr<InboxStore> openStore(const QTemporaryDir &dir, KeyProvider &keys)
    {
        QDir().mkpath(dir.filePath(QStringLiteral("inbox"))); // the program's start-up makes it
        auto store = InboxStore::open(dir.filePath(QStringLiteral("inbox")), keys);
        if (!store)
            qFatal("inbox store: %s", qPrintable(store.error().message));
        return std::move(store).value();
    }

    static void storeEvents(InboxStore &store, int count, qint64 receivedAtMs = kLongAgo)
    {
        QList<InboxStore::Incoming> batch;
        for (int i = 0; i < count; ++i)
            batch.append({QStringLiteral("beluga"),
                          QStringLiteral("ret_%1_%2").arg(store.lastCursor()).arg(i),
                          eventBody(QStringLiteral("m-%1").arg(i), QStringLiteral("CS_MESSAGE"))});
        auto stored = store.storeBatch(batch, receivedAtMs);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        for (const InboxStore::Stored &s : *stored)
            store.noteStored(s.cursor);
    }

    static QByteArray tokenHash(const char *token) { return crypto::sha256(token); }

private Q_SLOTS:
    void nothingIsPurgedWithoutAConsumer()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = openStore(dir, keys);
        storeEvents(*store, 3);
        const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        QCOMPARE(store->purge(future).value(), 0);
        QCOMPARE(store->eventCount(), qint64(3));
        // The same once every configured consumer is gone again (none configured at start).
        store->retainConsumers({});
        QCOMPARE(store->purge(future).value(), 0);
        QCOMPARE(store->eventCount(), qint64(3));
    }

    void purgedOnlyWhenOldAndCommittedByEveryConsumer()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = openStore(dir, keys);
        QVERIFY(
            store->registerConsumer(QStringLiteral("frontdesk1"), tokenHash("token-one-0123456")));
        QVERIFY(
            store->registerConsumer(QStringLiteral("frontdesk2"), tokenHash("token-two-0123456")));
        storeEvents(*store, 4);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        storeEvents(*store, 1, now); // cursor 5: young
        QCOMPARE(store->commit(QStringLiteral("frontdesk1"), 5).value(), qint64(5));
        // frontdesk2 has committed nothing: it holds every event back.
        QCOMPARE(store->purge(now - 1000).value(), 0);
        QCOMPARE(store->commit(QStringLiteral("frontdesk2"), 2).value(), qint64(2));
        QCOMPARE(store->purge(now - 1000).value(), 2); // 1 and 2
        QCOMPARE(store->commit(QStringLiteral("frontdesk2"), 5).value(), qint64(5));
        QCOMPARE(store->purge(now - 1000).value(), 2); // 3 and 4; 5 is younger than the cutoff
        QCOMPARE(store->eventCount(), qint64(1));
        auto left = store->eventsAfter(0, 10);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().cursor, qint64(5));
    }

    void removedConsumerStopsHoldingEventsBack()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        {
            auto store = openStore(dir, keys);
            QVERIFY(store->registerConsumer(QStringLiteral("frontdesk1"),
                                            tokenHash("token-one-0123456")));
            QVERIFY(
                store->registerConsumer(QStringLiteral("retired"), tokenHash("token-old-0123456")));
            storeEvents(*store, 3);
            QVERIFY(store->commit(QStringLiteral("frontdesk1"), 3));
            QCOMPARE(store->purge(QDateTime::currentMSecsSinceEpoch()).value(), 0);
            QCOMPARE(store->eventCount(), qint64(3));
        }
        // Next start: "retired" is no longer in the configuration.
        auto store = openStore(dir, keys);
        QVERIFY(store->consumerForToken("token-old-0123456")); // still known before the config
        store->retainConsumers({QStringLiteral("frontdesk1")});
        QVERIFY(!store->consumerForToken("token-old-0123456"));
        QCOMPARE(store->consumerForToken("token-one-0123456").value_or(QString()),
                 QStringLiteral("frontdesk1"));
        QCOMPARE(store->purge(QDateTime::currentMSecsSinceEpoch()).value(), 3);
        QCOMPARE(store->eventCount(), qint64(0));
        // Removing the last consumer does not start purging what nobody has read.
        storeEvents(*store, 2);
        store->retainConsumers({});
        QCOMPARE(store->purge(QDateTime::currentMSecsSinceEpoch()).value(), 0);
        QCOMPARE(store->eventCount(), qint64(2));
    }

    // The real program: restarted with one of its two consumers taken out of the command line,
    // it purges what the remaining one has committed (its retention is 1 s, purged every second).
    void inboxRestartedWithoutAConsumerPurges()
    {
        QTemporaryDir dir;
        Inbox inbox(dir.filePath(QStringLiteral("inbox")));
        const QString retiredToken = dir.filePath(QStringLiteral("inbox/retired.token"));
        QVERIFY(writePrivateFile(retiredToken, "retired-relay-token-0123456789\n"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_INBOX_RETENTION_SECONDS"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLINICDESK_INBOX_PURGE_INTERVAL_SECONDS"), QStringLiteral("1"));
        inbox.process.setEnvironment(env);
        const QStringList both = inbox.arguments() << QStringLiteral("--consumer")
                                                   << QStringLiteral("retired=") + retiredToken;
        QVERIFY2(inbox.process.startService(both), qPrintable(inbox.process.failureReason()));
        inbox.url = inbox.process.url();
        inbox.ca = QSslCertificate::fromPath(TlsIdentity::generatedCertificatePath(inbox.dataDir));
        qint64 last = 0;
        for (int i = 0; i < 3; ++i) {
            auto posted = inbox.postWebhook(
                "kept_" + QByteArray::number(i),
                eventBody(QStringLiteral("m-1"), QStringLiteral("CS_MESSAGE"), i));
            QCOMPARE(posted.status, 200);
            last = posted.json().value(QStringLiteral("cursor")).toInteger();
        }
        QCOMPARE(inbox.commit(last).status, 200);
        const auto stored = [&] {
            return inbox.getEvents(QStringLiteral("?after=0&limit=100"))
                .json()
                .value(QStringLiteral("events"))
                .toArray()
                .size();
        };
        QCOMPARE(stored(), 3);
        QVERIFY(inbox.process.signalAndWait(SIGTERM));

        // Same data dir, same port, "retired" gone: nothing holds the committed events back.
        ServiceProcess restarted(QStringLiteral("clinicdesk-inbox"));
        restarted.setEnvironment(env);
        QVERIFY2(restarted.startService(
                     inbox.arguments(QStringLiteral("127.0.0.1:%1").arg(inbox.url.port()))),
                 qPrintable(restarted.failureReason()));
        QTRY_COMPARE_WITH_TIMEOUT(stored(), 0, 20000);
        // The retired consumer's token no longer reads anything.
        QCOMPARE(
            inbox.getEvents(QStringLiteral("?after=0"), "retired-relay-token-0123456789").status,
            401);
        QVERIFY(restarted.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestInboxRetention)
#include "tst_inboxretention.moc"
