#include "service/ServiceStartup.h"

#include "base/Logging.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "service/ServiceOptions.h"
#include "service/UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QDir>

#include <csignal>
#include <cstdio>

namespace clinicdesk::serviceStartup {

void announce(const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

int fail(const QString &program, const QString &message, int exitCode)
{
    std::fputs(
        (program + QStringLiteral(": ") + message + QLatin1Char('\n')).toLocal8Bit().constData(),
        stderr);
    return exitCode;
}

void quitOnSignals(UnixSignalWatcher &watcher)
{
    for (int signalNumber : {SIGTERM, SIGINT, SIGHUP})
        watcher.watch(signalNumber);
    QObject::connect(&watcher, &UnixSignalWatcher::unixSignal, QCoreApplication::instance(),
                     [](int signalNumber) {
                         if (signalNumber == SIGHUP) {
                             qCInfo(lcService).noquote()
                                 << "SIGHUP received; reloading is not supported yet, ignored";
                             return;
                         }
                         qCInfo(lcService).noquote()
                             << "signal" << signalNumber << "received, shutting down";
                         QCoreApplication::quit();
                     });
}

Result<void> prepare(const ServiceOptions &options, const QString &program)
{
    if (auto r = options.ensureDataDir(); !r)
        return r;
    QString logError;
    if (!installLogFile(QDir(options.dataDir).filePath(program + QStringLiteral(".log")),
                        &logError))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot open the log file in %1: %2").arg(options.dataDir, logError));
    return {};
}

Result<std::optional<TlsIdentity>> tls(const ServiceOptions &options)
{
    if (options.plainHttp)
        return std::optional<TlsIdentity>();
    auto loaded = options.tlsCert.isEmpty() ? TlsIdentity::loadOrGenerate(options.dataDir)
                                            : TlsIdentity::load(options.tlsCert, options.tlsKey);
    if (!loaded)
        return loaded.error();
    announce(
        QStringLiteral("TLS certificate SHA-256 fingerprint: %1").arg(loaded->sha256Fingerprint()));
    return std::optional<TlsIdentity>(loaded.value());
}

std::unique_ptr<KeyProvider> keyProvider(const ServiceOptions &options)
{
    if (options.keyFile.isEmpty())
        return std::make_unique<KeychainKeyProvider>();
    return std::make_unique<KeyFileKeyProvider>(options.keyFile);
}

} // namespace clinicdesk::serviceStartup
