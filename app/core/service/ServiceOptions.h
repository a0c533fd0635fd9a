#pragma once

#include "base/Result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace clinicdesk {

// The shared command line of the headless programs (DESIGN, "Command line (contract)").
//
// Every program: --data-dir DIR, --key-file FILE, --config FILE. The two that listen (inbox,
// sandbox) also take --listen HOST:PORT, --tls-cert FILE, --tls-key FILE and --plain-http. Each
// program adds its own options. A --config INI file holds the same settings as keys without the
// dashes (`listen=127.0.0.1:8443`, `plain-http=true`); repeatable ones are comma-separated or an
// INI array; relative paths in it are relative to the file. The command line overrides the file.
//
// Parsing never reads a secret file: it only checks that the file exists and that its mode
// grants nothing to group or others (the same rule as KeyFileKeyProvider::checkPermissions).
struct ServiceOptions
{
    enum class Program
    {
        Relay,
        Inbox,
        Sandbox
    };

    // `--provider NAME=FILE`, `--consumer NAME=FILE`.
    struct NamedFile
    {
        QString name;
        QString path;
        bool operator==(const NamedFile &) const = default;
    };

    enum class Outcome
    {
        Run,
        Help,
        Version,
        UsageError
    };

    struct Parsed;

    // Exit code for a usage error: bad option, bad value, missing or insecure file.
    static constexpr int kUsageExitCode = 2;

    // `arguments` as from QCoreApplication::arguments() (the first is the program path).
    static Parsed parse(Program program, const QStringList &arguments);
    // For main(): parses the application's arguments; prints help or version on stdout, or a
    // usage error as one line on stderr. Returns the options to run with, or nothing with
    // `exitCode` set (0 after help/version, kUsageExitCode after an error).
    static std::optional<ServiceOptions> fromCommandLine(Program program, int *exitCode);

    static QString programName(Program program);
    // Per-user XDG data dir (~/.local/share/clinicdesk-inbox); the relay's is the console's store.
    static QString defaultDataDir(Program program);
    static bool listens(Program program);
    static QString defaultListen(Program program);

    // 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString &host);

    // Creates the data dir (0700 when created here). Io error when it cannot.
    Result<void> ensureDataDir() const;
    // "https://HOST:PORT" or "http://…", with the port actually bound (for --listen HOST:0).
    QString listenUrl(quint16 boundPort) const;

    Program program = Program::Inbox;
    QString dataDir;
    QString configFile;
    QString keyFile;

    // Listening programs only.
    QString listenHost; // as given, e.g. "localhost" or "::1"
    QHostAddress listenAddress;
    quint16 listenPort = 0;
    QString tlsCert;
    QString tlsKey;
    bool plainHttp = false;

    // clinicdesk-inbox
    QList<NamedFile> providers;
    QList<NamedFile> consumers;

    // clinicdesk-sandbox
    QString apiKeyFile;
    QUrl webhookUrl;
    QString webhookSecretFile;
    bool enableControl = false;
    QString smsTokenFile;

    // clinicdesk-relay
    QUrl inboxUrl;
    QString tokenFile;
    QString caFile;
};

struct ServiceOptions::Parsed
{
    Outcome outcome = Outcome::UsageError;
    // Help text, the version line, or the one-line error (naming the option and the problem).
    QString text;
    ServiceOptions options;
};

} // namespace clinicdesk
