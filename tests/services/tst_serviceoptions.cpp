#include "service/ServiceOptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace clinicdesk;
using Program = ServiceOptions::Program;
using Outcome = ServiceOptions::Outcome;

Q_DECLARE_METATYPE(ServiceOptions::Program)

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, int mode = 0600)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

ServiceOptions::Parsed parse(Program program, const QStringList &arguments)
{
    return ServiceOptions::parse(program,
                                 QStringList{ServiceOptions::programName(program)} + arguments);
}

QStringList relayRequired(const QString &token)
{
    return {QStringLiteral("--inbox"), QStringLiteral("https://inbox.example.org:8443"),
            QStringLiteral("--token-file"), token};
}

} // namespace

class TestServiceOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_secret;   // 0600
    QString m_insecure; // 0644
    QString m_other;    // 0600

    // Errors are one line that names the option.
    static void verifyError(const ServiceOptions::Parsed &parsed, const QString &needle)
    {
        QCOMPARE(parsed.outcome, Outcome::UsageError);
        QVERIFY2(!parsed.text.contains(QLatin1Char('\n')), qPrintable(parsed.text));
        QVERIFY2(parsed.text.contains(needle), qPrintable(parsed.text + " / expected: " + needle));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_secret = m_dir.filePath(QStringLiteral("secret"));
        m_insecure = m_dir.filePath(QStringLiteral("insecure"));
        m_other = m_dir.filePath(QStringLiteral("other"));
        QVERIFY(writeFile(m_secret, "s3cret\n"));
        QVERIFY(writeFile(m_insecure, "s3cret\n", 0644));
        QVERIFY(writeFile(m_other, "other\n"));
    }

    void defaults()
    {
        auto inbox = parse(Program::Inbox, {});
        QCOMPARE(inbox.outcome, Outcome::Run);
        QCOMPARE(inbox.options.listenHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(inbox.options.listenPort, quint16(8443));
        QCOMPARE(inbox.options.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!inbox.options.plainHttp);
        QVERIFY(inbox.options.dataDir.endsWith(QStringLiteral("/clinicdesk-inbox")));
        QCOMPARE(inbox.options.dataDir, ServiceOptions::defaultDataDir(Program::Inbox));

        auto sandbox = parse(Program::Sandbox, {});
        QCOMPARE(sandbox.outcome, Outcome::Run);
        QCOMPARE(sandbox.options.listenPort, quint16(8444));
        QVERIFY(sandbox.options.dataDir.endsWith(QStringLiteral("/clinicdesk-sandbox")));
        QVERIFY(!sandbox.options.enableControl);

        auto relay = parse(Program::Relay, relayRequired(m_secret));
        QCOMPARE(relay.outcome, Outcome::Run);
        QVERIFY(relay.options.dataDir.endsWith(QStringLiteral("/clinicdesk")));
        QCOMPARE(relay.options.tokenFile, m_secret);
    }

    void helpAndVersion()
    {
        for (Program program : {Program::Relay, Program::Inbox, Program::Sandbox}) {
            auto help = parse(program, {QStringLiteral("--help")});
            QCOMPARE(help.outcome, Outcome::Help);
            QVERIFY(help.text.contains(QStringLiteral("--data-dir")));
            auto version = parse(program, {QStringLiteral("--version")});
            QCOMPARE(version.outcome, Outcome::Version);
            QVERIFY(version.text.startsWith(ServiceOptions::programName(program)));
        }
        verifyError(parse(Program::Inbox, {QStringLiteral("--bogus")}), QStringLiteral("bogus"));
        verifyError(parse(Program::Inbox, {QStringLiteral("stray")}), QStringLiteral("stray"));
        // The relay does not listen, so it has no listening options.
        verifyError(
            parse(Program::Relay, relayRequired(m_secret) << QStringLiteral("--plain-http")),
            QStringLiteral("plain-http"));
    }

    void listen_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "127.0.0.1:8443"
                              << "127.0.0.1" << 8443;
        QTest::newRow("port 0") << "127.0.0.1:0"
                                << "127.0.0.1" << 0;
        QTest::newRow("ipv6") << "[::1]:9000"
                              << "::1" << 9000;
        QTest::newRow("localhost") << "localhost:65535"
                                   << "localhost" << 65535;
        QTest::newRow("any") << "0.0.0.0:443"
                             << "0.0.0.0" << 443;
        QTest::newRow("any6") << "[::]:443"
                              << "::" << 443;
    }
    void listen()
    {
        QFETCH(QString, value);
        QFETCH(QString, host);
        QFETCH(int, port);
        auto parsed = parse(Program::Inbox, {QStringLiteral("--listen"), value});
        QCOMPARE(parsed.outcome, Outcome::Run);
        QCOMPARE(parsed.options.listenHost, host);
        QCOMPARE(int(parsed.options.listenPort), port);
        QVERIFY(!parsed.options.listenAddress.isNull());
    }

    void badListen_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *bad : {"nonsense", "127.0.0.1", ":8443", "127.0.0.1:", "127.0.0.1:65536",
                                "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1:80x", "::1:8443",
                                "[::1]8443", "[::1", "example.org:443", "300.1.1.1:80"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void badListen()
    {
        QFETCH(QString, value);
        verifyError(parse(Program::Sandbox, {QStringLiteral("--listen"), value}),
                    QStringLiteral("--listen"));
    }

    void plainHttpOnlyOnLoopback_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("127.0.0.1") << "127.0.0.1:0" << true;
        QTest::newRow("127.1.2.3") << "127.1.2.3:0" << true;
        QTest::newRow("::1") << "[::1]:0" << true;
        QTest::newRow("localhost") << "LocalHost:0" << true;
        QTest::newRow("0.0.0.0") << "0.0.0.0:0" << false;
        QTest::newRow("::") << "[::]:0" << false;
        QTest::newRow("lan") << "192.168.1.10:8443" << false;
    }
    void plainHttpOnlyOnLoopback()
    {
        QFETCH(QString, listen);
        QFETCH(bool, allowed);
        auto parsed = parse(Program::Inbox,
                            {QStringLiteral("--plain-http"), QStringLiteral("--listen"), listen});
        if (allowed) {
            QCOMPARE(parsed.outcome, Outcome::Run);
            QVERIFY(parsed.options.plainHttp);
            QVERIFY(parsed.options.listenUrl(1234).startsWith(QStringLiteral("http://")));
        } else {
            verifyError(parsed, QStringLiteral("--plain-http"));
            QVERIFY(parsed.text.contains(QStringLiteral("loopback")));
        }
    }

    void listenUrl()
    {
        auto v6 = parse(Program::Inbox, {QStringLiteral("--listen"), QStringLiteral("[::1]:0")});
        QCOMPARE(v6.options.listenUrl(4321), QStringLiteral("https://[::1]:4321"));
        auto v4 = parse(Program::Inbox, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--plain-http")});
        QCOMPARE(v4.options.listenUrl(80), QStringLiteral("http://127.0.0.1:80"));
    }

    void tlsPair()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        QVERIFY(writeFile(cert, "not checked here", 0644));
        verifyError(parse(Program::Inbox, {QStringLiteral("--tls-cert"), cert}),
                    QStringLiteral("--tls-key"));
        verifyError(parse(Program::Inbox, {QStringLiteral("--tls-key"), m_secret}),
                    QStringLiteral("--tls-cert"));
        verifyError(parse(Program::Inbox, {QStringLiteral("--tls-cert"), cert,
                                           QStringLiteral("--tls-key"), m_insecure}),
                    QStringLiteral("0600"));
        verifyError(
            parse(Program::Inbox, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                                   m_secret, QStringLiteral("--plain-http")}),
            QStringLiteral("--plain-http"));
        verifyError(parse(Program::Inbox, {QStringLiteral("--tls-cert"), m_dir.filePath("none"),
                                           QStringLiteral("--tls-key"), m_secret}),
                    QStringLiteral("does not exist"));
        auto ok = parse(Program::Inbox, {QStringLiteral("--tls-cert"), cert,
                                         QStringLiteral("--tls-key"), m_secret});
        QCOMPARE(ok.outcome, Outcome::Run);
        QCOMPARE(ok.options.tlsCert, cert);
        QCOMPARE(ok.options.tlsKey, m_secret);
    }

    void keyFile()
    {
        auto ok = parse(Program::Inbox, {QStringLiteral("--key-file"), m_secret});
        QCOMPARE(ok.outcome, Outcome::Run);
        QCOMPARE(ok.options.keyFile, m_secret);
        auto insecure = parse(Program::Inbox, {QStringLiteral("--key-file"), m_insecure});
        verifyError(insecure, QStringLiteral("--key-file"));
        QVERIFY(insecure.text.contains(QStringLiteral("0600")));
        QVERIFY(insecure.text.contains(QStringLiteral("0644")));
        verifyError(parse(Program::Inbox, {QStringLiteral("--key-file"), m_dir.filePath("none")}),
                    QStringLiteral("does not exist"));
    }

    void namedFiles()
    {
        auto ok = parse(Program::Inbox,
                        {QStringLiteral("--provider"), QStringLiteral("beluga=") + m_secret,
                         QStringLiteral("--provider"), QStringLiteral("other=") + m_other,
                         QStringLiteral("--consumer"), QStringLiteral("desk-1=") + m_other});
        QCOMPARE(ok.outcome, Outcome::Run);
        QCOMPARE(ok.options.providers,
                 (QList<ServiceOptions::NamedFile>{{QStringLiteral("beluga"), m_secret},
                                                   {QStringLiteral("other"), m_other}}));
        QCOMPARE(ok.options.consumers,
                 (QList<ServiceOptions::NamedFile>{{QStringLiteral("desk-1"), m_other}}));

        verifyError(parse(Program::Inbox, {QStringLiteral("--provider"), QStringLiteral("beluga")}),
                    QStringLiteral("NAME=FILE"));
        verifyError(
            parse(Program::Inbox, {QStringLiteral("--provider"), QStringLiteral("=") + m_secret}),
            QStringLiteral("--provider"));
        verifyError(parse(Program::Inbox,
                          {QStringLiteral("--provider"), QStringLiteral("be/luga=") + m_secret}),
                    QStringLiteral("--provider"));
        verifyError(
            parse(Program::Inbox, {QStringLiteral("--provider"), QStringLiteral("beluga=")}),
            QStringLiteral("no FILE"));
        verifyError(parse(Program::Inbox,
                          {QStringLiteral("--consumer"), QStringLiteral("desk=/nonexistent/t")}),
                    QStringLiteral("does not exist"));
        verifyError(parse(Program::Inbox,
                          {QStringLiteral("--consumer"), QStringLiteral("desk=") + m_insecure}),
                    QStringLiteral("0600"));
        verifyError(
            parse(Program::Inbox, {QStringLiteral("--provider"), QStringLiteral("a=") + m_secret,
                                   QStringLiteral("--provider"), QStringLiteral("a=") + m_other}),
            QStringLiteral("twice"));
    }

    void sandboxOptions()
    {
        auto ok = parse(Program::Sandbox, {QStringLiteral("--api-key-file"), m_secret,
                                           QStringLiteral("--webhook-url"),
                                           QStringLiteral("http://127.0.0.1:8443/webhooks/beluga"),
                                           QStringLiteral("--webhook-secret-file"), m_other,
                                           QStringLiteral("--enable-control")});
        QCOMPARE(ok.outcome, Outcome::Run);
        QCOMPARE(ok.options.apiKeyFile, m_secret);
        QCOMPARE(ok.options.webhookSecretFile, m_other);
        QCOMPARE(ok.options.webhookUrl.path(), QStringLiteral("/webhooks/beluga"));
        QVERIFY(ok.options.enableControl);
        verifyError(parse(Program::Sandbox, {QStringLiteral("--api-key-file"), m_insecure}),
                    QStringLiteral("--api-key-file"));
        verifyError(parse(Program::Sandbox, {QStringLiteral("--webhook-secret-file"), m_insecure}),
                    QStringLiteral("0600"));
    }

    void serviceUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://inbox.example.org:8443" << true;
        QTest::newRow("http loopback") << "http://127.0.0.1:8443" << true;
        QTest::newRow("http localhost") << "http://localhost:8443" << true;
        QTest::newRow("http ::1") << "http://[::1]:8443" << true;
        QTest::newRow("http remote") << "http://inbox.example.org" << false;
        QTest::newRow("http lan") << "http://192.168.1.2:8443" << false;
        QTest::newRow("ftp") << "ftp://inbox.example.org" << false;
        QTest::newRow("no host") << "https://" << false;
        QTest::newRow("garbage") << "not a url" << false;
        QTest::newRow("credentials") << "https://user:pw@inbox.example.org" << false;
    }
    void serviceUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        auto relay = parse(Program::Relay, {QStringLiteral("--inbox"), url,
                                            QStringLiteral("--token-file"), m_secret});
        auto sandbox = parse(Program::Sandbox, {QStringLiteral("--webhook-url"), url});
        if (allowed) {
            QCOMPARE(relay.outcome, Outcome::Run);
            QCOMPARE(relay.options.inboxUrl, QUrl(url));
            QCOMPARE(sandbox.outcome, Outcome::Run);
        } else {
            verifyError(relay, QStringLiteral("--inbox"));
            verifyError(sandbox, QStringLiteral("--webhook-url"));
            QVERIFY2(!relay.text.contains(QStringLiteral("pw")), qPrintable(relay.text));
        }
    }

    void relayRequirements()
    {
        verifyError(parse(Program::Relay, {}), QStringLiteral("--inbox"));
        verifyError(
            parse(Program::Relay, {QStringLiteral("--inbox"), QStringLiteral("https://x.org")}),
            QStringLiteral("--token-file"));
        verifyError(parse(Program::Relay, relayRequired(m_insecure)), QStringLiteral("0600"));
        verifyError(parse(Program::Relay, relayRequired(m_secret) << QStringLiteral("--ca-file")
                                                                  << m_dir.filePath("none")),
                    QStringLiteral("--ca-file"));
        auto ok = parse(Program::Relay, relayRequired(m_secret)
                                            << QStringLiteral("--ca-file") << m_insecure
                                            << QStringLiteral("--data-dir")
                                            << QStringLiteral("relative/dir"));
        QCOMPARE(ok.outcome, Outcome::Run);
        QCOMPARE(ok.options.caFile, m_insecure); // a CA certificate is not secret
        QCOMPARE(ok.options.dataDir,
                 QDir::current().absoluteFilePath(QStringLiteral("relative/dir")));
    }

    void repeatedSingleOption()
    {
        verifyError(
            parse(Program::Inbox, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1"),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:2")}),
            QStringLiteral("more than once"));
    }

    void configFile()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("inbox.ini"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.whsec")), "whsec_a\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b.whsec")), "whsec_b\n"));
        QVERIFY(writeFile(config,
                          "listen=127.0.0.1:9443\nplain-http=true\ndata-dir=state\n"
                          "provider=a=a.whsec, b=b.whsec\n"
                          "[consumer]\nsize=2\n1\\name=desk1\n1\\file=a.whsec\n"
                          "2\\value=desk2=b.whsec\n",
                          0644));
        auto parsed = parse(Program::Inbox, {QStringLiteral("--config"), config});
        QCOMPARE(parsed.outcome, Outcome::Run);
        QCOMPARE(parsed.options.configFile, config);
        QCOMPARE(parsed.options.listenPort, quint16(9443));
        QVERIFY(parsed.options.plainHttp);
        QCOMPARE(parsed.options.dataDir, dir.filePath(QStringLiteral("state")));
        QCOMPARE(parsed.options.providers, (QList<ServiceOptions::NamedFile>{
                                               {"a", dir.filePath(QStringLiteral("a.whsec"))},
                                               {"b", dir.filePath(QStringLiteral("b.whsec"))}}));
        QCOMPARE(
            parsed.options.consumers,
            (QList<ServiceOptions::NamedFile>{{"desk1", dir.filePath(QStringLiteral("a.whsec"))},
                                              {"desk2", dir.filePath(QStringLiteral("b.whsec"))}}));

        // The command line overrides the file, repeatable options as a whole.
        auto overridden =
            parse(Program::Inbox, {QStringLiteral("--config"), config, QStringLiteral("--listen"),
                                   QStringLiteral("[::1]:0"), QStringLiteral("--provider"),
                                   QStringLiteral("c=") + m_secret});
        QCOMPARE(overridden.outcome, Outcome::Run);
        QCOMPARE(overridden.options.listenHost, QStringLiteral("::1"));
        QVERIFY(overridden.options.plainHttp);
        QCOMPARE(overridden.options.providers,
                 (QList<ServiceOptions::NamedFile>{{QStringLiteral("c"), m_secret}}));
        QCOMPARE(overridden.options.consumers.size(), 2);

        // A flag off in the file, on on the command line.
        const QString flags = dir.filePath(QStringLiteral("flags.ini"));
        QVERIFY(writeFile(flags, "listen=127.0.0.1:0\nplain-http=false\n", 0644));
        auto off = parse(Program::Inbox, {QStringLiteral("--config"), flags});
        QCOMPARE(off.outcome, Outcome::Run);
        QVERIFY(!off.options.plainHttp);
        auto on = parse(Program::Inbox,
                        {QStringLiteral("--config"), flags, QStringLiteral("--plain-http")});
        QVERIFY(on.options.plainHttp);
    }

    void badConfigFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray("lissen=127.0.0.1:0\n") << "lissen";
        QTest::newRow("nested config") << QByteArray("config=other.ini\n") << "config";
        QTest::newRow("bad bool") << QByteArray("plain-http=maybe\n") << "plain-http";
        QTest::newRow("bad listen") << QByteArray("listen=here\n") << "listen (in ";
        QTest::newRow("option of another program")
            << QByteArray("webhook-url=https://x.org\n") << "webhook-url";
        QTest::newRow("unknown section")
            << QByteArray("[listen]\nsize=1\n1\\value=x\n") << "[listen]";
        QTest::newRow("array without size") << QByteArray("[provider]\n1\\name=a\n") << "size";
        QTest::newRow("insecure secret") << QByteArray("provider=a=insecure\n") << "0600";
    }
    void badConfigFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, expected);
        // One file per row: QSettings caches a file it has read by path (and size and time).
        const QString config = m_dir.filePath(
            QStringLiteral("bad-%1.ini")
                .arg(QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-')));
        QVERIFY(writeFile(config, contents, 0644));
        verifyError(parse(Program::Inbox, {QStringLiteral("--config"), config}), expected);
    }

    void missingConfigFile()
    {
        verifyError(
            parse(Program::Sandbox, {QStringLiteral("--config"), m_dir.filePath("none.ini")}),
            QStringLiteral("--config"));
    }

    void loopbackHosts()
    {
        QVERIFY(ServiceOptions::isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(ServiceOptions::isLoopbackHost(QStringLiteral("127.0.0.1")));
        QVERIFY(ServiceOptions::isLoopbackHost(QStringLiteral("127.255.0.9")));
        QVERIFY(ServiceOptions::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(!ServiceOptions::isLoopbackHost(QStringLiteral("0.0.0.0")));
        QVERIFY(!ServiceOptions::isLoopbackHost(QStringLiteral("128.0.0.1")));
        QVERIFY(!ServiceOptions::isLoopbackHost(QStringLiteral("localhost.example.org")));
        QVERIFY(!ServiceOptions::isLoopbackHost(QString()));
    }

    void ensureDataDirIsPrivate()
    {
        QTemporaryDir dir;
        ServiceOptions options;
        options.dataDir = dir.filePath(QStringLiteral("a/b"));
        QVERIFY(options.ensureDataDir());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(options.dataDir).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        QVERIFY(options.ensureDataDir()); // existing: fine
        options.dataDir = m_secret;       // a file
        QVERIFY(!options.ensureDataDir());
    }
};

QTEST_GUILESS_MAIN(TestServiceOptions)
#include "tst_serviceoptions.moc"
