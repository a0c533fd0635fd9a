#include "SandboxServer.h"
#include "SandboxStore.h"
#include "base/Logging.h"
#include "base/ProcessHardening.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "service/ServiceOptions.h"
#include "service/ServiceStartup.h"
#include "service/TlsIdentity.h"
#include "service/UnixSignalWatcher.h"
#include "webhooks/WebhookVerifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

#include <optional>

using namespace clinicdesk;

namespace {

const QString kProgram = QStringLiteral("clinicdesk-sandbox");

int fail(const QString &message)
{
    return serviceStartup::fail(kProgram, message);
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
    disableCoreDumps();                                // before anything secret is in memory
    const crypto::ThreadStateGuard openSslThreadState; // destroyed last
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(kProgram);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLINICDESK_VERSION));

    int exitCode = 0;
    const auto options =
        ServiceOptions::fromCommandLine(ServiceOptions::Program::Sandbox, &exitCode);
    if (!options)
        return exitCode;

    UnixSignalWatcher signalWatcher;
    serviceStartup::quitOnSignals(signalWatcher);
    if (auto r = serviceStartup::prepare(*options, kProgram); !r)
        return fail(r.error().message);
    qCInfo(lcSandbox).noquote() << kProgram << CLINICDESK_VERSION << "starting, data dir"
                                << options->dataDir << "api key file"
                                << (options->apiKeyFile.isEmpty() ? "no" : "yes") << "webhook url"
                                << (options->webhookUrl.isEmpty() ? "no" : "yes")
                                << "control routes" << (options->enableControl ? "on" : "off")
                                << "sms gateway"
                                << (options->smsTokenFile.isEmpty() ? "off" : "on");

    auto tls = serviceStartup::tls(*options);
    if (!tls)
        return fail(tls.error().message);
    const std::optional<TlsIdentity> identity = tls.value();

    const std::unique_ptr<KeyProvider> keys = serviceStartup::keyProvider(*options);
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
        qCWarning(lcSandbox) << "no --api-key-file: every provider API request is refused";
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
    if (!options->smsTokenFile.isEmpty()) {
        // "TOKEN", or "ACCOUNTSID:TOKEN" to accept that account only.
        auto line = firstLine(options->smsTokenFile);
        if (!line)
            return fail(line.error().message);
        const qsizetype colon = line->indexOf(QLatin1Char(':'));
        config.smsAccountSid = colon > 0 ? line->left(colon) : QString();
        config.smsAuthToken = (colon > 0 ? line->mid(colon + 1) : line.value()).toUtf8();
        if (config.smsAuthToken.isEmpty())
            return fail(QStringLiteral("--sms-token-file: no token after the account SID"));
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
    qCInfo(lcSandbox).noquote() << "listening on" << url;
    serviceStartup::announce(QStringLiteral("listening on %1").arg(url));

    const int code = app.exec();
    qCInfo(lcSandbox).noquote() << kProgram << "stopped";
    return code;
}
