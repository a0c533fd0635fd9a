#include "base/Logging.h"
#include "base/ProcessHardening.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "notify/NotificationSettings.h"
#include "notify/NotificationWorker.h"
#include "relay/ConsoleNotifier.h"
#include "relay/RelayClient.h"
#include "service/ServiceOptions.h"
#include "service/ServiceStartup.h"
#include "service/UnixSignalWatcher.h"
#include "store/Database.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSslCertificate>

#include <csignal>
#include <memory>

using namespace clinicdesk;

namespace {

const QString kProgram = QStringLiteral("clinicdesk-relay");

// Exit codes: 0 stopped by a signal, 1 runtime error (store, key, token), 2 usage error.
constexpr int kRuntimeError = 1;

int fail(int code, const QString &message)
{
    return serviceStartup::fail(kProgram, message, code);
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
    const auto options = ServiceOptions::fromCommandLine(ServiceOptions::Program::Relay, &exitCode);
    if (!options)
        return exitCode;

    // Installed first: a SIGTERM while the store opens (the keychain runs a local event loop)
    // stops the relay before it polls.
    RelayClient *relayPtr = nullptr;
    bool stopRequested = false;
    UnixSignalWatcher signalWatcher;
    for (int signalNumber : {SIGTERM, SIGINT})
        signalWatcher.watch(signalNumber);
    QObject::connect(&signalWatcher, &UnixSignalWatcher::unixSignal, &app, [&](int signalNumber) {
        qCInfo(lcRelay) << "signal" << signalNumber << "received, stopping";
        stopRequested = true;
        if (relayPtr)
            relayPtr->stop();
        QCoreApplication::quit();
    });

    // The relay works on the console's store; it never creates one (a new store would get a new
    // data key that the console does not have).
    auto location = StoreLocation::fromOptions(options->databaseUri, options->databasePasswordFile);
    if (!location)
        return fail(kRuntimeError, location.error().message);
    if (!location->isPostgres() && !QFileInfo::exists(LocalStore::databasePath(options->dataDir))) {
        return fail(kRuntimeError,
                    QStringLiteral("no ClinicDesk store in %1; start clinicdesk once "
                                   "or give the console's store with --data-dir")
                        .arg(options->dataDir));
    }
    if (auto prepared = serviceStartup::prepare(*options, kProgram); !prepared)
        return fail(kRuntimeError, prepared.error().message);
    const std::unique_ptr<KeyProvider> keys = serviceStartup::keyProvider(*options);
    auto store = LocalStore::open(
        LocalStore::Options{options->dataDir, keys.get(), false, location.value(), false});
    if (!store)
        return fail(kRuntimeError, store.error().message);
    qCInfo(lcRelay).noquote() << kProgram << CLINICDESK_VERSION << "opened store"
                              << store.value()->storeId();
    if (!location->isPostgres()) {
        // A batch updates hundreds of visits and their indexes: with SQLite's default 2 MB page
        // cache most of its time went to re-reading pages (pread) and to checkpoints inside the
        // commit copying the same visit pages again every ~2 batches. This connection keeps up
        // to 64 MB of pages and checkpoints every ~40 MB of WAL. Durability is unchanged: each
        // batch still commits with synchronous=FULL (VisitEventApplier), and a checkpoint only
        // moves what is already durable in the WAL.
        for (const QString &pragma : {QStringLiteral("PRAGMA cache_size=-65536"),
                                      QStringLiteral("PRAGMA wal_autocheckpoint=10000")}) {
            if (auto r = store.value()->db().execRaw(pragma); !r)
                qCWarning(lcRelay) << "could not tune the store connection:" << r.error().message;
        }
    }

    auto loaded =
        RelayClient::Options::load(options->inboxUrl, options->tokenFile, options->caFile);
    if (!loaded)
        return fail(kRuntimeError, loaded.error().message);
    RelayClient::Options relayOptions = std::move(loaded).value();

    ConsoleNotifierClient console(options->dataDir);
    RelayClient relay(*store.value(), relayOptions);
    QObject::connect(&relay, &RelayClient::visitsChanged, &console,
                     &ConsoleNotifierClient::notifyVisitsChanged);

    // Patient messages: the relay writes them in its transactions, and sends them here, on a
    // thread of their own (docs/notifications.md). The settings are read again here when
    // clinicdesk.ini changes, so `notifications configure` needs no restart; while nothing is
    // configured the rows stay queued.
    const auto notifySettings = NotificationWorker::settingsFile(options->dataDir);
    auto initial = notifySettings();
    if (!initial)
        return fail(kRuntimeError, initial.error().message);
    if (!initial->emailConfigured() && !initial->smsConfigured())
        qCInfo(lcRelay) << "patient notifications not configured: rows stay queued until they are";
    const int intervalMs = qEnvironmentVariableIntValue("CLINICDESK_NOTIFY_INTERVAL_MS") > 0
                               ? qEnvironmentVariableIntValue("CLINICDESK_NOTIFY_INTERVAL_MS")
                               : 5000;
    auto notifications = std::make_unique<NotificationWorker>(
        store.value()->connectionOpener(), store.value()->cipher(), initial.value(),
        QStringLiteral("relay:%1:%2")
            .arg(QHostInfo::localHostName())
            .arg(QCoreApplication::applicationPid()),
        intervalMs);

    relayPtr = &relay;
    if (stopRequested)
        return 0;
    notifications->followSettings(notifySettings); // on this thread: the keychain is read here
    notifications->start();
    const QString shownInbox =
        options->inboxUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    qCInfo(lcRelay).noquote() << "polling" << shownInbox;
    relay.start();
    // One line for scripts and tests, like the services' "listening on": SIGTERM is handled now.
    serviceStartup::announce(QStringLiteral("polling ") + shownInbox);
    const int code = app.exec();
    notifications->stop();
    crypto::wipe(relayOptions.token);
    qCInfo(lcRelay) << "stopped after applying" << relay.appliedCount() << "events";
    return code;
}
