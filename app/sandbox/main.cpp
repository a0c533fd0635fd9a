#include "KeyFileKeyProvider.h"
#include "KeychainKeyProvider.h"
#include "Logging.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "ServiceOptions.h"
#include "TlsIdentity.h"
#include "UnixSignalWatcher.h"
#include "Version.h"
#include "WebhookVerifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace clinicdesk;

namespace {

const QString kProgram = QStringLiteral("clinicdesk-sandbox");

// One line on stdout, flushed at once: scripts wait for these.
void announce(const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fputs(
        (kProgram + QStringLiteral(": ") + message + QLatin1Char('\n')).toLocal8Bit().constData(),
        stderr);
    return 1;
}

// The first non-empty line of a secret file (ServiceOptions checked that it is 0600).
Result<QString> firstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            return QString::fromUtf8(line.trimmed());
    }
    return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is empty").arg(path));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(kProgram);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLINICDESK_VERSION));

    int exitCode = 0;
    const auto options =
        ServiceOptions::fromCommandLine(ServiceOptions::Program::Sandbox, &exitCode);
    if (!options)
        return exitCode;

    UnixSignalWatcher signalWatcher;
    for (int signalNumber : {SIGTERM, SIGINT, SIGHUP})
        signalWatcher.watch(signalNumber);
    QObject::connect(&signalWatcher, &UnixSignalWatcher::unixSignal, &app, [](int signalNumber) {
        if (signalNumber == SIGHUP) {
            qCInfo(lcService).noquote()
                << "SIGHUP received; reloading is not supported yet, ignored";
            return;
        }
        qCInfo(lcService).noquote() << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });

    if (auto r = options->ensureDataDir(); !r)
        return fail(r.error().message);
    QString logError;
    if (!installLogFile(QDir(options->dataDir).filePath(kProgram + QStringLiteral(".log")),
                        &logError))
        return fail(
            QStringLiteral("cannot open the log file in %1: %2").arg(options->dataDir, logError));
    qCInfo(lcService).noquote() << kProgram << CLINICDESK_VERSION << "starting, data dir"
                                << options->dataDir << "api key file"
                                << (options->apiKeyFile.isEmpty() ? "no" : "yes") << "webhook url"
                                << (options->webhookUrl.isEmpty() ? "no" : "yes")
                                << "control routes" << (options->enableControl ? "on" : "off");

    std::optional<TlsIdentity> identity;
    if (!options->plainHttp) {
        auto loaded = options->tlsCert.isEmpty()
                          ? TlsIdentity::loadOrGenerate(options->dataDir)
                          : TlsIdentity::load(options->tlsCert, options->tlsKey);
        if (!loaded)
            return fail(loaded.error().message);
        identity = loaded.value();
        announce(QStringLiteral("TLS certificate SHA-256 fingerprint: %1")
                     .arg(identity->sha256Fingerprint()));
    }

    std::unique_ptr<KeyProvider> keys;
    if (options->keyFile.isEmpty())
        keys = std::make_unique<KeychainKeyProvider>();
    else
        keys = std::make_unique<KeyFileKeyProvider>(options->keyFile);
    auto store = SandboxStore::open(options->dataDir, *keys);
    if (!store)
        return fail(store.error().message);
    SandboxServer::Config config;
    config.enableControl = options->enableControl;
    config.webhookUrl = options->webhookUrl;
    if (!options->apiKeyFile.isEmpty()) {
        auto key = firstLine(options->apiKeyFile);
        if (!key)
            return fail(key.error().message);
        config.apiKey = key->toUtf8();
    } else {
        qCWarning(lcService) << "no --api-key-file: every provider API request is refused";
    }
    if (!options->webhookSecretFile.isEmpty()) {
        auto secret = firstLine(options->webhookSecretFile);
        if (!secret)
            return fail(secret.error().message);
        auto key = WebhookVerifier::decodeSecret(secret->toLatin1());
        if (!key)
            return fail(QStringLiteral("--webhook-secret-file: the first line is not a whsec_ "
                                       "secret"));
        config.webhookKey = key.value();
    } else if (!options->webhookUrl.isEmpty()) {
        return fail(QStringLiteral("--webhook-url needs --webhook-secret-file"));
    }
    // The inbox's generated certificate, when the operator copies it here, is trusted for the
    // webhook URL besides the system's CAs.
    const QString webhookCa = QDir(options->dataDir).filePath(QStringLiteral("webhook-ca.pem"));
    if (QFile::exists(webhookCa)) {
        config.webhookCas = QSslCertificate::fromPath(webhookCa);
        if (config.webhookCas.isEmpty())
            return fail(QStringLiteral("%1 holds no PEM certificate").arg(webhookCa));
    }

    SandboxServer server(std::move(store).value(), config);
    // Optional startup rules for the clinician and faults (the control routes change them later).
    QFile settingsFile(QDir(options->dataDir).filePath(QStringLiteral("sandbox.json")));
    if (settingsFile.exists()) {
        if (!settingsFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1").arg(settingsFile.fileName()));
        const QJsonDocument doc = QJsonDocument::fromJson(settingsFile.readAll());
        if (!doc.isObject())
            return fail(QStringLiteral("%1 is not a JSON object").arg(settingsFile.fileName()));
        if (auto r = server.configure(doc.object()); !r)
            return fail(QStringLiteral("%1: %2").arg(settingsFile.fileName(), r.error().message));
    }
    auto port =
        server.listen(options->listenAddress, options->listenPort, identity ? &*identity : nullptr);
    if (!port)
        return fail(port.error().message);
    const QString url = options->listenUrl(port.value());
    qCInfo(lcService).noquote() << "listening on" << url;
    announce(QStringLiteral("listening on %1").arg(url));

    const int code = app.exec();
    qCInfo(lcService).noquote() << kProgram << "stopped";
    return code;
}
