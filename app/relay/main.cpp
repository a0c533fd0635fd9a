#include "KeyFileKeyProvider.h"
#include "KeychainKeyProvider.h"
#include "LocalStore.h"
#include "Logging.h"
#include "ServiceOptions.h"
#include "Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <memory>

using namespace clinicdesk;

namespace {

const QString kProgram = QStringLiteral("clinicdesk-relay");

// Exit codes: 0 done, 1 runtime error (store, key), 2 usage error, 3 not implemented yet.
constexpr int kRuntimeError = 1;
constexpr int kNotImplemented = 3;

int fail(int code, const QString &message)
{
    std::fputs(
        (kProgram + QStringLiteral(": ") + message + QLatin1Char('\n')).toLocal8Bit().constData(),
        stderr);
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(kProgram);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLINICDESK_VERSION));

    int exitCode = 0;
    const auto options = ServiceOptions::fromCommandLine(ServiceOptions::Program::Relay, &exitCode);
    if (!options)
        return exitCode;

    // The relay works on the console's store; it never creates one (a new store would get a new
    // data key that the console does not have).
    if (!QFileInfo::exists(LocalStore::databasePath(options->dataDir))) {
        return fail(kRuntimeError,
                    QStringLiteral("no ClinicDesk store in %1; start clinicdesk once "
                                   "or give the console's store with --data-dir")
                        .arg(options->dataDir));
    }
    QString logError;
    if (!installLogFile(QDir(options->dataDir).filePath(kProgram + QStringLiteral(".log")),
                        &logError))
        return fail(
            kRuntimeError,
            QStringLiteral("cannot open the log file in %1: %2").arg(options->dataDir, logError));

    std::unique_ptr<KeyProvider> keys;
    if (options->keyFile.isEmpty())
        keys = std::make_unique<KeychainKeyProvider>();
    else
        keys = std::make_unique<KeyFileKeyProvider>(options->keyFile);
    auto store = LocalStore::open(LocalStore::Options{options->dataDir, keys.get(), false});
    if (!store)
        return fail(kRuntimeError, store.error().message);
    qCInfo(lcService).noquote() << kProgram << CLINICDESK_VERSION << "opened store"
                                << store.value()->storeId();

    // Not faked: until the inbox protocol lands (issue 5) the relay stops here, distinctly.
    return fail(kNotImplemented, QStringLiteral("store %1 opened with %2, but polling %3 is not "
                                                "implemented yet; exiting")
                                     .arg(store.value()->storeId(), keys->description(),
                                          options->inboxUrl.toDisplayString(QUrl::RemoveUserInfo)));
}
