#include "Logging.h"
#include "SandboxServer.h"
#include "ServiceOptions.h"
#include "TlsIdentity.h"
#include "UnixSignalWatcher.h"
#include "Version.h"

#include <QCoreApplication>
#include <QDir>

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

    SandboxServer server;
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
