#include "base/InboxEndpoint.h"
#include "relay/RelayClient.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// Where the relay may send its bearer token (issue 13, point 5): https anywhere, plain http only
// to a loopback host, never a user name or password in the URL. The same rule for the service
// (--inbox) and the relay inside the console ([relay] in clinicdesk.ini), which used to take
// http:// to any host and credentials in the URL.
class TestRelayOptions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_tokenFile;

    QString settingsWith(const QString &inbox)
    {
        const QString path = m_dir.filePath(QStringLiteral("clinicdesk.ini"));
        QFile::remove(path);
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("relay/inbox"), inbox);
        settings.setValue(QStringLiteral("relay/tokenFile"), m_tokenFile);
        settings.sync();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokenFile = m_dir.filePath(QStringLiteral("relay.token"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("relay-token-0123456789\n");
        token.close();
        QVERIFY(token.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    void urlRule_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https anywhere") << QStringLiteral("https://inbox.example.org:8443") << true;
        QTest::newRow("http to 127.0.0.1") << QStringLiteral("http://127.0.0.1:8443") << true;
        QTest::newRow("http to 127.0.0.2") << QStringLiteral("http://127.0.0.2:8443") << true;
        QTest::newRow("http to ::1") << QStringLiteral("http://[::1]:8443") << true;
        QTest::newRow("http to localhost") << QStringLiteral("http://localhost:8443") << true;
        QTest::newRow("http to a host") << QStringLiteral("http://inbox.example.org:8443") << false;
        QTest::newRow("http to an address") << QStringLiteral("http://192.0.2.10:8443") << false;
        QTest::newRow("http to a look-alike")
            << QStringLiteral("http://127.0.0.1.example.org") << false;
        QTest::newRow("https with a password")
            << QStringLiteral("https://relay:secret@inbox.example.org") << false;
        QTest::newRow("https with a user")
            << QStringLiteral("https://relay@inbox.example.org") << false;
        QTest::newRow("http loopback with a password")
            << QStringLiteral("http://relay:secret@127.0.0.1:8443") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://inbox.example.org") << false;
        QTest::newRow("no host") << QStringLiteral("https:///v1") << false;
    }

    void urlRule()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        // The service's --inbox.
        auto service = RelayClient::Options::load(QUrl(url), m_tokenFile, {});
        QCOMPARE(bool(service), accepted);
        // The relay inside the console.
        auto console = RelayClient::fromSettings(settingsWith(url));
        QCOMPARE(bool(console), accepted);
        if (accepted) {
            QVERIFY(console.value().has_value());
        } else {
            QVERIFY(!console.error().message.contains(QLatin1String("secret")));
            QCOMPARE(console.error().code, ErrorCode::InvalidInput);
        }
    }

    void noSettingsNoRelay()
    {
        auto none = RelayClient::fromSettings(m_dir.filePath(QStringLiteral("missing.ini")));
        QVERIFY(none);
        QVERIFY(!none.value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestRelayOptions)
#include "tst_relayoptions.moc"
