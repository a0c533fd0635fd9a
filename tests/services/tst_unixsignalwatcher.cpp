#include "service/UnixSignalWatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace clinicdesk;

class TestUnixSignalWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversSignalsInTheEventLoop()
    {
        UnixSignalWatcher watcher;
        QVERIFY(watcher.isValid());
        QVERIFY(watcher.watch(SIGUSR1));
        QVERIFY(watcher.watch(SIGUSR2));
        QSignalSpy spy(&watcher, &UnixSignalWatcher::unixSignal);
        QCOMPARE(::raise(SIGUSR1), 0);
        QCOMPARE(::raise(SIGUSR2), 0);
        QCOMPARE(::raise(SIGUSR1), 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 10000);
        QCOMPARE(spy.at(0).at(0).toInt(), SIGUSR1);
        QCOMPARE(spy.at(1).at(0).toInt(), SIGUSR2);
        QCOMPARE(spy.at(2).at(0).toInt(), SIGUSR1);
    }

    void onlyOneWatcherPerProcess()
    {
        UnixSignalWatcher first;
        QVERIFY(first.isValid());
        UnixSignalWatcher second;
        QVERIFY(!second.isValid());
        QVERIFY(!second.watch(SIGUSR1));
    }

    void previousHandlerRestored()
    {
        struct sigaction before
        {
        };
        QCOMPARE(::sigaction(SIGUSR1, nullptr, &before), 0);
        {
            UnixSignalWatcher watcher;
            QVERIFY(watcher.watch(SIGUSR1));
            struct sigaction during
            {
            };
            QCOMPARE(::sigaction(SIGUSR1, nullptr, &during), 0);
            QVERIFY(during.sa_handler != before.sa_handler);
        }
        struct sigaction after
        {
        };
        QCOMPARE(::sigaction(SIGUSR1, nullptr, &after), 0);
        QVERIFY(after.sa_handler == before.sa_handler);
        // A new watcher works again after the first is gone.
        UnixSignalWatcher again;
        QVERIFY(again.isValid());
    }
};

QTEST_GUILESS_MAIN(TestUnixSignalWatcher)
#include "tst_unixsignalwatcher.moc"
