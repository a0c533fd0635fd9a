#include "InboxServer.h"
#include "InboxStore.h"
#include "base/Logging.h"
#include "base/ProcessHardening.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"
#include "service/ServiceOptions.h"
#include "service/ServiceStartup.h"
#include "service/TlsIdentity.h"
#include "service/UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <optional>

using namespace clinicdesk;

namespace {

const QString kProgram = QStringLiteral("clinicdesk-inbox");

int fail(const QString &message)
{
    return serviceStartup::fail(kProgram, message);
}

QByteArray readSecretFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

// Operator tunables beyond the contract's command line, from the environment (systemd
// Environment=; docs/guide/it.md lists them): CLINICDESK_INBOX_RETENTION_SECONDS (default 30
// days), CLINICDESK_INBOX_PURGE_INTERVAL_SECONDS (1 hour), CLINICDESK_INBOX_MAX_BODY_BYTES
// (1 MiB), CLINICDESK_INBOX_MAX_CONNECTIONS (512), CLINICDESK_INBOX_MAX_CONNECTIONS_PER_ADDRESS
// (128), CLINICDESK_INBOX_MAX_QUEUED (4096), CLINICDESK_INBOX_HEAD_TIMEOUT_SECONDS and
// CLINICDESK_INBOX_BODY_TIMEOUT_SECONDS (10), CLINICDESK_INBOX_THREADS (one per core),
// CLINICDESK_INBOX_METRICS_TOKEN_FILE (none: /metrics answers loopback peers only).
qint64 tunable(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

// Builds the provider verifiers and registers the consumers' token hashes. Secrets and tokens
// are wiped from memory as soon as they are turned into keys and hashes.
bool configure(const ServiceOptions &options, InboxStore &store, InboxServer::Config *config,
               QString *error)
{
    for (const auto &provider : options.providers) {
        QByteArray contents = readSecretFile(provider.path, error);
        if (!error->isEmpty())
            return false;
        auto verifier = WebhookVerifier::fromSecretFile(contents);
        crypto::wipe(contents);
        if (!verifier) {
            *error = QStringLiteral("--provider %1: %2: %3")
                         .arg(provider.name, provider.path, verifier.error().message);
            return false;
        }
        config->providers.insert(provider.name, verifier.value());
    }
    for (const auto &consumer : options.consumers) {
        QByteArray token = readSecretFile(consumer.path, error).trimmed();
        if (!error->isEmpty())
            return false;
        if (token.size() < 16) {
            *error = QStringLiteral("--consumer %1: the token in %2 must be at least 16 characters")
                         .arg(consumer.name, consumer.path);
            return false;
        }
        auto registered = store.registerConsumer(consumer.name, crypto::sha256(token));
        crypto::wipe(token);
        if (!registered) {
            *error = registered.error().message;
            return false;
        }
    }
    QStringList names;
    for (const auto &consumer : options.consumers)
        names << consumer.name;
    store.retainConsumers(names);
    config->retentionMs = tunable("CLINICDESK_INBOX_RETENTION_SECONDS", 30LL * 24 * 3600) * 1000;
    config->purgeIntervalMs =
        int(qMin<qint64>(tunable("CLINICDESK_INBOX_PURGE_INTERVAL_SECONDS", 3600), 86400) * 1000);
    HttpLimits &limits = config->limits;
    limits.maxBodyBytes = tunable("CLINICDESK_INBOX_MAX_BODY_BYTES", limits.maxBodyBytes);
    limits.maxConnections = int(
        qMin<qint64>(tunable("CLINICDESK_INBOX_MAX_CONNECTIONS", limits.maxConnections), 100000));
    limits.maxPerAddress = int(qMin<qint64>(
        tunable("CLINICDESK_INBOX_MAX_CONNECTIONS_PER_ADDRESS", limits.maxPerAddress), 100000));
    limits.headTimeoutMs =
        int(qMin<qint64>(tunable("CLINICDESK_INBOX_HEAD_TIMEOUT_SECONDS", 10), 3600) * 1000);
    limits.bodyTimeoutMs =
        int(qMin<qint64>(tunable("CLINICDESK_INBOX_BODY_TIMEOUT_SECONDS", 10), 3600) * 1000);
    config->ioThreads = int(qMin<qint64>(tunable("CLINICDESK_INBOX_THREADS", 0), 64));
    config->maxQueued = int(qMin<qint64>(tunable("CLINICDESK_INBOX_MAX_QUEUED", 4096), 1000000));
    const QString metricsTokenFile = qEnvironmentVariable("CLINICDESK_INBOX_METRICS_TOKEN_FILE");
    if (!metricsTokenFile.isEmpty()) {
        if (auto secure = KeyFileKeyProvider::checkPermissions(metricsTokenFile); !secure) {
            *error = QStringLiteral("CLINICDESK_INBOX_METRICS_TOKEN_FILE: %1")
                         .arg(secure.error().message);
            return false;
        }
        QByteArray token = readSecretFile(metricsTokenFile, error).trimmed();
        if (!error->isEmpty())
            return false;
        if (token.size() < 16) {
            *error = QStringLiteral("the metrics token in %1 must be at least 16 characters")
                         .arg(metricsTokenFile);
            return false;
        }
        config->metricsTokenHash = crypto::sha256(token);
        crypto::wipe(token);
    }
    return true;
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
    const auto options = ServiceOptions::fromCommandLine(ServiceOptions::Program::Inbox, &exitCode);
    if (!options)
        return exitCode;

    UnixSignalWatcher signalWatcher;
    serviceStartup::quitOnSignals(signalWatcher);
    if (auto r = serviceStartup::prepare(*options, kProgram); !r)
        return fail(r.error().message);
    qCInfo(lcInbox).noquote() << kProgram << CLINICDESK_VERSION << "starting, data dir"
                              << options->dataDir << "providers" << options->providers.size()
                              << "consumers" << options->consumers.size();

    auto tls = serviceStartup::tls(*options);
    if (!tls)
        return fail(tls.error().message);
    const std::optional<TlsIdentity> identity = tls.value();

    const std::unique_ptr<KeyProvider> keys = serviceStartup::keyProvider(*options);
    auto store = InboxStore::open(options->dataDir, *keys);
    if (!store)
        return fail(store.error().message);
    InboxServer::Config config;
    QString configError;
    if (!configure(*options, *store.value(), &config, &configError))
        return fail(configError);
    qCInfo(lcInbox) << "configured providers" << config.providers.size() << "consumers"
                    << options->consumers.size() << "retention seconds"
                    << config.retentionMs / 1000;

    InboxServer server(std::move(store).value(), std::move(config));
    auto port =
        server.listen(options->listenAddress, options->listenPort, identity ? &*identity : nullptr);
    if (!port)
        return fail(port.error().message);
    const QString url = options->listenUrl(port.value());
    qCInfo(lcInbox).noquote() << "listening on" << url;
    serviceStartup::announce(QStringLiteral("listening on %1").arg(url));

    const int code = app.exec();
    qCInfo(lcInbox).noquote() << kProgram << "stopped";
    return code;
}
