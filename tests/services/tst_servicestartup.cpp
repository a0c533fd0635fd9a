#include "ServiceProcess.h"
#include "base/Version.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "service/TlsIdentity.h"
#include "store/LocalStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <optional>

#include <sys/stat.h>

using namespace clinicdesk;

namespace {

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    QByteArray body;
};

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool writeFile(const QString &path, const QByteArray &bytes, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

} // namespace

// Starts the real services on loopback and talks to them over HTTP(S).
class TestServiceStartup : public QObject
{
    Q_OBJECT

private:
    // A GET that never ignores TLS errors: with `ca`, that certificate is the only trusted CA.
    Response get(const QUrl &url, const std::optional<QList<QSslCertificate>> &ca = std::nullopt)
    {
        QNetworkRequest request(url);
        request.setTransferTimeout(20000);
        if (ca) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(*ca);
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            request.setSslConfiguration(tls);
        }
        // A manager per request: a cached connection must not stand in for a new handshake.
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(request);
        Response response;
        connect(reply, &QNetworkReply::sslErrors, this,
                [&response](const QList<QSslError> &errors) { response.sslErrors = errors; });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.error = reply->error();
        response.body = reply->readAll();
        delete reply;
        return response;
    }

    void addServices()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("inbox") << QStringLiteral("clinicdesk-inbox");
        QTest::newRow("sandbox") << QStringLiteral("clinicdesk-sandbox");
    }

    static QStringList loopback(const QString &dataDir)
    {
        return {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                QStringLiteral("--data-dir"), dataDir};
    }

    // A console store with its key ring in a 0600 key file, and a 0600 relay token file.
    static void makeConsoleStore(const QString &dataDir, const QString &keyFile,
                                 QString *storeId = nullptr)
    {
        KeyFileKeyProvider keys(keyFile);
        auto store = LocalStore::open(LocalStore::Options{dataDir, &keys, false});
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QCOMPARE(fileMode(keyFile), 0600);
        if (storeId)
            *storeId = store.value()->storeId();
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString relay = ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay"));
        QVERIFY2(QFileInfo(relay).isExecutable(), qPrintable(relay + QStringLiteral(" not built")));
    }

    void plainHttpHealthzAndSigterm_data() { addServices(); }
    void plainHttpHealthzAndSigterm()
    {
        QFETCH(QString, program);
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        ServiceProcess service(program);
        QVERIFY2(service.startService(loopback(dataDir) << QStringLiteral("--plain-http")),
                 qPrintable(service.failureReason()));
        QCOMPARE(service.url().scheme(), QStringLiteral("http"));
        QCOMPARE(service.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(service.url().port() > 0);
        QVERIFY(service.fingerprint().isEmpty());
        QCOMPARE(fileMode(dataDir), 0700);

        Response health = get(service.url().resolved(QUrl(QStringLiteral("/healthz"))));
        QCOMPARE(health.error, QNetworkReply::NoError);
        QCOMPARE(health.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(health.body).object();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(json.value(QStringLiteral("service")).toString(), program);
        QCOMPARE(json.value(QStringLiteral("version")).toString(),
                 QStringLiteral(CLINICDESK_VERSION));

        Response missing = get(service.url().resolved(QUrl(QStringLiteral("/v1/nothing"))));
        QCOMPARE(missing.status, 404);
        QVERIFY(QJsonDocument::fromJson(missing.body).object().contains(QStringLiteral("error")));

        QVERIFY(service.signalAndWait(SIGTERM));
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
        const QStringList out = service.stdoutLines();
        QCOMPARE(out, QStringList{QStringLiteral("listening on ") + service.url().toString()});
        const QString log = QDir(dataDir).filePath(program + QStringLiteral(".log"));
        QVERIFY(QFile::exists(log));
        QCOMPARE(fileMode(log), 0600);
    }

    void sigintQuitsCleanlyAndSighupIsIgnored()
    {
        QTemporaryDir dir;
        ServiceProcess service(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(service.startService(loopback(dir.path()) << QStringLiteral("--plain-http")),
                 qPrintable(service.failureReason()));
        service.sendSignal(SIGHUP);
        // Still serving after SIGHUP (the request is handled after the signal was read).
        QCOMPARE(get(service.url().resolved(QUrl(QStringLiteral("/healthz")))).status, 200);
        QVERIFY(service.signalAndWait(SIGINT));
        QCOMPARE(service.exitStatus(), QProcess::NormalExit);
        QCOMPARE(service.exitCode(), 0);
    }

    void generatedTlsCertificate_data() { addServices(); }
    void generatedTlsCertificate()
    {
        QFETCH(QString, program);
        QTemporaryDir dir;
        const QString certPath = TlsIdentity::generatedCertificatePath(dir.path());
        const QString keyPath = TlsIdentity::generatedKeyPath(dir.path());

        ServiceProcess first(program);
        QVERIFY2(first.startService(loopback(dir.path())), qPrintable(first.failureReason()));
        QCOMPARE(first.url().scheme(), QStringLiteral("https"));
        QVERIFY(QFile::exists(certPath));
        QVERIFY(QFile::exists(keyPath));
        QCOMPARE(fileMode(keyPath), 0600);
        const QList<QSslCertificate> certificate = QSslCertificate::fromPath(certPath);
        QCOMPARE(certificate.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                    .match(first.fingerprint())
                    .hasMatch());
        QCOMPARE(
            first.fingerprint(),
            QString::fromLatin1(
                certificate.constFirst().digest(QCryptographicHash::Sha256).toHex(':').toUpper()));

        // Full verification with the generated certificate as the only CA.
        const QUrl health = first.url().resolved(QUrl(QStringLiteral("/healthz")));
        Response verified = get(health, certificate);
        QVERIFY2(verified.error == QNetworkReply::NoError,
                 qPrintable(QString::number(verified.error)));
        QVERIFY(verified.sslErrors.isEmpty());
        QCOMPARE(verified.status, 200);
        QCOMPARE(QJsonDocument::fromJson(verified.body).object().value("service").toString(),
                 program);
        // The name in the URL is checked too: localhost is in the subjectAltName.
        QUrl byName = health;
        byName.setHost(QStringLiteral("localhost"));
        QCOMPARE(get(byName, certificate).status, 200);
        // Without it the self-signed certificate is (rightly) refused.
        Response untrusted = get(health, QList<QSslCertificate>{});
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!untrusted.sslErrors.isEmpty());

        QVERIFY(first.signalAndWait(SIGTERM));
        QCOMPARE(first.exitCode(), 0);
        const QStringList out = first.stdoutLines();
        QCOMPARE(out.size(), 2);
        QVERIFY(out.at(0).startsWith(QStringLiteral("TLS certificate SHA-256 fingerprint: ")));
        QVERIFY(out.at(1).startsWith(QStringLiteral("listening on https://127.0.0.1:")));

        // A second start reuses the same certificate.
        ServiceProcess second(program);
        QVERIFY2(second.startService(loopback(dir.path())), qPrintable(second.failureReason()));
        QCOMPARE(second.fingerprint(), first.fingerprint());
        QCOMPARE(get(second.url().resolved(QUrl(QStringLiteral("/healthz"))), certificate).status,
                 200);
        QVERIFY(second.signalAndWait(SIGTERM));
        QCOMPARE(second.exitCode(), 0);
    }

    void operatorTlsCertificate()
    {
        QTemporaryDir dir;
        const QString certPath = dir.filePath(QStringLiteral("operator-cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("operator-key.pem"));
        QVERIFY(TlsIdentity::generateSelfSigned(certPath, keyPath));
        auto identity = TlsIdentity::load(certPath, keyPath);
        QVERIFY(identity);
        const QString dataDir = dir.filePath(QStringLiteral("data"));

        ServiceProcess service(QStringLiteral("clinicdesk-sandbox"));
        QVERIFY2(service.startService(loopback(dataDir) << QStringLiteral("--tls-cert") << certPath
                                                        << QStringLiteral("--tls-key") << keyPath),
                 qPrintable(service.failureReason()));
        QCOMPARE(service.fingerprint(), identity->sha256Fingerprint());
        QVERIFY(!QFile::exists(TlsIdentity::generatedCertificatePath(dataDir)));
        QCOMPARE(get(service.url().resolved(QUrl(QStringLiteral("/healthz"))),
                     QList<QSslCertificate>{identity->certificate()})
                     .status,
                 200);
        QVERIFY(service.signalAndWait(SIGTERM));
        QCOMPARE(service.exitCode(), 0);
    }

    void plainHttpOnAnyAddressRefused_data() { addServices(); }
    void plainHttpOnAnyAddressRefused()
    {
        QFETCH(QString, program);
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        ServiceProcess service(program);
        QVERIFY(service.run({QStringLiteral("--plain-http"), QStringLiteral("--listen"),
                             QStringLiteral("0.0.0.0:0"), QStringLiteral("--data-dir"), dataDir}));
        QCOMPARE(service.exitCode(), 2);
        const QStringList err = service.stderrLines();
        QCOMPARE(err.size(), 1);
        QVERIFY2(err.constFirst().contains(QStringLiteral("--plain-http")) &&
                     err.constFirst().contains(QStringLiteral("loopback")),
                 qPrintable(err.constFirst()));
        QVERIFY(service.stdoutLines().isEmpty());
        QVERIFY(!QFile::exists(dataDir));
    }

    void portInUseIsOneClearError()
    {
        QTemporaryDir dir;
        ServiceProcess first(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(first.startService(loopback(dir.filePath(QStringLiteral("a")))
                                    << QStringLiteral("--plain-http")),
                 qPrintable(first.failureReason()));
        ServiceProcess second(QStringLiteral("clinicdesk-inbox"));
        const QString taken = QStringLiteral("127.0.0.1:%1").arg(first.url().port());
        QVERIFY(second.run({QStringLiteral("--plain-http"), QStringLiteral("--listen"), taken,
                            QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("b"))}));
        QCOMPARE(second.exitCode(), 1);
        const QStringList err = second.stderrLines();
        QVERIFY2(err.constLast().contains(QStringLiteral("cannot listen")),
                 qPrintable(err.join(QLatin1Char('\n'))));
        QVERIFY(second.stdoutLines().isEmpty());
        QVERIFY(first.signalAndWait(SIGTERM));
    }

    void configFileHonouredAndOverridden()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("inbox.ini"));
        const QString secret = dir.filePath(QStringLiteral("beluga.whsec"));
        const QByteArray canary = "whsec_Q0FOQVJZLXNlY3JldC1tdXN0LW5vdC1iZS1sb2dnZWQ=";
        QVERIFY(writeFile(secret, canary + '\n', 0600));
        // Relative paths in the file are relative to the file.
        QVERIFY(writeFile(config,
                          "listen=127.0.0.1:0\nplain-http=true\ndata-dir=state\n"
                          "provider=beluga=beluga.whsec\n",
                          0644));
        ServiceProcess fromFile(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(fromFile.startService({QStringLiteral("--config"), config}),
                 qPrintable(fromFile.failureReason()));
        QCOMPARE(fromFile.url().scheme(), QStringLiteral("http"));
        QCOMPARE(get(fromFile.url().resolved(QUrl(QStringLiteral("/healthz")))).status, 200);
        QVERIFY(fromFile.signalAndWait(SIGTERM));
        QCOMPARE(fromFile.exitCode(), 0);
        const QString log = dir.filePath(QStringLiteral("state/clinicdesk-inbox.log"));
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        QVERIFY(!logFile.readAll().contains("Q0FOQVJZ"));

        // The file asks for 0.0.0.0 (refused with plain HTTP); the command line overrides it.
        QVERIFY(writeFile(config, "listen=0.0.0.0:0\nplain-http=true\ndata-dir=state\n", 0644));
        ServiceProcess refused(QStringLiteral("clinicdesk-inbox"));
        QVERIFY(refused.run({QStringLiteral("--config"), config}));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY(refused.stderrLines().constFirst().contains(QStringLiteral("--plain-http")));

        ServiceProcess overridden(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(
            overridden.startService({QStringLiteral("--config"), config, QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:0")}),
            qPrintable(overridden.failureReason()));
        QCOMPARE(overridden.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(overridden.signalAndWait(SIGTERM));
        QCOMPARE(overridden.exitCode(), 0);
    }

    void relayRefusesInsecureKeyFile()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("store.key"));
        const QString token = dir.filePath(QStringLiteral("relay.token"));
        makeConsoleStore(dir.path(), keyFile);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(writeFile(token, "token-value\n", 0600));
        QVERIFY(::chmod(QFile::encodeName(keyFile).constData(), 0644) == 0);
        const QStringList arguments = {
            QStringLiteral("--data-dir"),   dir.path(),
            QStringLiteral("--key-file"),   keyFile,
            QStringLiteral("--inbox"),      QStringLiteral("https://127.0.0.1:8443"),
            QStringLiteral("--token-file"), token};

        ServiceProcess insecure(QStringLiteral("clinicdesk-relay"));
        QVERIFY(insecure.run(arguments));
        QCOMPARE(insecure.exitCode(), 2);
        QStringList err = insecure.stderrLines();
        QCOMPARE(err.size(), 1);
        QVERIFY2(err.constFirst().contains(QStringLiteral("0600")) &&
                     err.constFirst().contains(QStringLiteral("--key-file")),
                 qPrintable(err.constFirst()));

        // With 0600 the store opens and the relay starts polling (the inbox is absent: it backs
        // off and keeps trying) until SIGTERM stops it cleanly.
        QVERIFY(::chmod(QFile::encodeName(keyFile).constData(), 0600) == 0);
        QProcess secure;
        secure.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")), arguments);
        QVERIFY(secure.waitForStarted(10000));
        QVERIFY(secure.waitForReadyRead(30000));
        QVERIFY(secure.readAllStandardOutput().startsWith("polling "));
        ::kill(pid_t(secure.processId()), SIGTERM);
        QVERIFY(secure.waitForFinished(15000));
        QCOMPARE(secure.exitStatus(), QProcess::NormalExit);
        QCOMPARE(secure.exitCode(), 0);
    }

    void relayKeyErrors()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("store.key"));
        const QString otherKey = dir.filePath(QStringLiteral("other.key"));
        const QString token = dir.filePath(QStringLiteral("relay.token"));
        QString storeId;
        makeConsoleStore(dir.path(), keyFile, &storeId);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(writeFile(token, "token-value\n", 0600));
        QVERIFY(writeFile(otherKey, KeyRing::generate().serialize(), 0600));
        auto relay = [&](const QStringList &extra, const QString &dataDir) {
            auto process = std::make_unique<ServiceProcess>(QStringLiteral("clinicdesk-relay"));
            process->run(QStringList{QStringLiteral("--data-dir"), dataDir,
                                     QStringLiteral("--inbox"),
                                     QStringLiteral("https://127.0.0.1:8443"),
                                     QStringLiteral("--token-file"), token} +
                         extra);
            return process;
        };

        auto wrong = relay({QStringLiteral("--key-file"), otherKey}, dir.path());
        QCOMPARE(wrong->exitCode(), 1);
        QVERIFY2(wrong->stderrLines().constLast().contains(QStringLiteral("does not open")),
                 qPrintable(wrong->stderrLines().join(QLatin1Char('\n'))));

        // No key in the keychain for this store: a specific error, and no new key made: the
        // keychain still has no entry for the store, the key file is untouched, and the store
        // still opens with its own key (its key check was not replaced).
        const QByteArray keyFileBefore = contents(keyFile);
        auto keychain = relay({}, dir.path());
        QVERIFY(keychain->exitCode() != 0 && keychain->exitCode() != 3);
        const QString refusal = keychain->stderrLines().constLast();
        QVERIFY2(refusal.startsWith(QStringLiteral("clinicdesk-relay: ")) &&
                     refusal.contains(QStringLiteral("none was created")),
                 qPrintable(refusal));
        auto inKeychain = KeychainKeyProvider().load(storeId);
        QVERIFY2(!inKeychain, "the relay put a new data key in the keychain");
        QCOMPARE(inKeychain.error().code, ErrorCode::KeyNotFound);
        QCOMPARE(contents(keyFile), keyFileBefore);
        {
            KeyFileKeyProvider own(keyFile);
            auto reopened = LocalStore::open(LocalStore::Options{dir.path(), &own, false});
            QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        }

        // Never creates a console store of its own.
        const QString empty = dir.filePath(QStringLiteral("empty"));
        auto none = relay({QStringLiteral("--key-file"), keyFile}, empty);
        QCOMPARE(none->exitCode(), 1);
        QCOMPARE(none->stderrLines().size(), 1);
        QVERIFY(none->stderrLines().constFirst().contains(QStringLiteral("no ClinicDesk store")));
        QVERIFY(!QFile::exists(LocalStore::databasePath(empty)));
    }
};

QTEST_GUILESS_MAIN(TestServiceStartup)
#include "tst_servicestartup.moc"
