#include "relay/ConsoleNotifier.h"

#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// The relay -> console channel: one name per store and user, one live console per name, a stale
// socket taken over, messages carrying visit ids only, and a client with no console staying quiet.
class TestConsoleNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namePerStore()
    {
        QTemporaryDir a, b;
        QCOMPARE(ConsoleNotifier::serverName(a.path()), ConsoleNotifier::serverName(a.path()));
        QVERIFY(ConsoleNotifier::serverName(a.path()) != ConsoleNotifier::serverName(b.path()));
        QVERIFY(!ConsoleNotifier::serverName(a.path()).contains(a.path()));
    }

    void clientReachesServer()
    {
        QTemporaryDir dir;
        ConsoleNotifierServer server;
        QVERIFY2(server.listen(dir.path()), qPrintable(server.errorString()));
        QSignalSpy told(&server, &ConsoleNotifierServer::visitsChanged);
        ConsoleNotifierClient client(dir.path());
        client.notifyVisitsChanged({QStringLiteral("v1"), QStringLiteral("v2")});
        QVERIFY(told.wait(5000));
        QCOMPARE(told.first().first().toStringList(),
                 (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        client.notifyVisitsChanged({QStringLiteral("v3")});
        QTRY_COMPARE(told.size(), 2);
        QCOMPARE(told.last().first().toStringList(), QStringList{QStringLiteral("v3")});
    }

    void oneLiveConsolePerStore()
    {
        QTemporaryDir dir;
        ConsoleNotifierServer first;
        QVERIFY(first.listen(dir.path()));
        ConsoleNotifierServer second;
        QVERIFY(!second.listen(dir.path()));
    }

    void staleSocketIsTakenOver()
    {
        QTemporaryDir dir;
        const QString name = ConsoleNotifier::serverName(dir.path());
        {
            // A crashed console leaves its socket file behind: simulate with a server whose
            // file is not removed.
            QLocalServer crashed;
            crashed.setSocketOptions(QLocalServer::UserAccessOption);
            QVERIFY(crashed.listen(name));
            crashed.close();
        }
        ConsoleNotifierServer server;
        QVERIFY2(server.listen(dir.path()), qPrintable(server.errorString()));
    }

    void noConsoleIsQuiet()
    {
        QTemporaryDir dir;
        ConsoleNotifierClient client(dir.path());
        client.notifyVisitsChanged({QStringLiteral("v1")});
        // Nothing to reach: the message is dropped, no error escapes, and a console started
        // later gets the next message.
        ConsoleNotifierServer server;
        QVERIFY(server.listen(dir.path()));
        QSignalSpy told(&server, &ConsoleNotifierServer::visitsChanged);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                client.notifyVisitsChanged({QStringLiteral("v9")});
                return told.wait(200);
            }(),
            5000);
        QCOMPARE(told.last().first().toStringList(), QStringList{QStringLiteral("v9")});
    }
};

QTEST_GUILESS_MAIN(TestConsoleNotifier)
#include "tst_consolenotifier.moc"
