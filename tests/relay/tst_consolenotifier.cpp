#include "relay/ConsoleNotifier.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

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
        // What a console killed with SIGKILL leaves behind: a socket file bound at the name with
        // nobody listening on it (QLocalServer::close() would have removed the file).
        const QByteArray path =
            QFile::encodeName(QDir::cleanPath(QDir::tempPath()) + QLatin1Char('/') + name);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        struct stat info
        {
        };
        QCOMPARE(::stat(path.constData(), &info), 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QLocalSocket nobody;
        nobody.connectToServer(name);
        QVERIFY(!nobody.waitForConnected(2000));

        // The console takes the name over, and a relay's message reaches it there.
        ConsoleNotifierServer server;
        QVERIFY2(server.listen(dir.path()), qPrintable(server.errorString()));
        QSignalSpy told(&server, &ConsoleNotifierServer::visitsChanged);
        ConsoleNotifierClient client(dir.path());
        client.notifyVisitsChanged({QStringLiteral("v7")});
        QVERIFY(told.wait(5000));
        QCOMPARE(told.first().first().toStringList(), QStringList{QStringLiteral("v7")});
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
