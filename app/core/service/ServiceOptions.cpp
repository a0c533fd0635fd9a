#include "service/ServiceOptions.h"

#include "base/EndpointUrl.h"
#include "base/Version.h"
#include "keys/KeyFileKeyProvider.h"
#include "service/ServiceSettings.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

namespace clinicdesk {
namespace {

using Program = ServiceOptions::Program;
using namespace servicesettings;

QList<OptionSpec> specsFor(Program program)
{
    QList<OptionSpec> specs = {
        {QStringLiteral("data-dir"), QStringLiteral("DIR"),
         program == Program::Relay
             ? QStringLiteral("The console's store directory (default: %1).")
                   .arg(ServiceOptions::defaultDataDir(program))
             : QStringLiteral("State, generated TLS certificate and log (default: %1).")
                   .arg(ServiceOptions::defaultDataDir(program))},
        {QStringLiteral("key-file"), QStringLiteral("FILE"),
         QStringLiteral("Data key file (mode 0600) instead of the OS keychain.")},
        {QStringLiteral("config"), QStringLiteral("FILE"),
         QStringLiteral("INI file with the same settings as keys without the dashes "
                        "(listen=127.0.0.1:8443, plain-http=true); repeatable settings are "
                        "comma-separated or an INI array. The command line overrides it.")},
    };
    if (ServiceOptions::listens(program)) {
        specs += {
            {QStringLiteral("listen"), QStringLiteral("HOST:PORT"),
             QStringLiteral("Address to listen on; [::1]:PORT for IPv6, port 0 picks a free one "
                            "(default: %1).")
                 .arg(ServiceOptions::defaultListen(program))},
            {QStringLiteral("tls-cert"), QStringLiteral("FILE"),
             QStringLiteral("PEM certificate (chain). Without --tls-cert/--tls-key a self-signed "
                            "pair is generated in the data dir.")},
            {QStringLiteral("tls-key"), QStringLiteral("FILE"),
             QStringLiteral("PEM private key of --tls-cert (mode 0600).")},
            {QStringLiteral("plain-http"), QString(),
             QStringLiteral("Serve plain HTTP instead of HTTPS; only on a %1 address, for tests.")
                 .arg(loopbackRule())},
        };
    }
    switch (program) {
    case Program::Inbox:
        specs += {
            {QStringLiteral("provider"), QStringLiteral("NAME=SECRETFILE"),
             QStringLiteral("A provider allowed to post webhooks; the file (mode 0600) holds its "
                            "whsec_ secrets, one per line. Repeatable."),
             true},
            {QStringLiteral("consumer"), QStringLiteral("NAME=TOKENFILE"),
             QStringLiteral("A relay allowed to read events; the file (mode 0600) holds its bearer "
                            "token. Repeatable."),
             true},
        };
        break;
    case Program::Sandbox:
        specs += {
            {QStringLiteral("api-key-file"), QStringLiteral("FILE"),
             QStringLiteral("File (mode 0600) with the API key clients must send as Bearer.")},
            {QStringLiteral("webhook-url"), QStringLiteral("URL"),
             QStringLiteral("Where to deliver signed webhooks (https, or http to a loopback "
                            "host).")},
            {QStringLiteral("webhook-secret-file"), QStringLiteral("FILE"),
             QStringLiteral("File (mode 0600) with the whsec_ secret that signs webhooks.")},
            {QStringLiteral("enable-control"), QString(),
             QStringLiteral("Enable the /_sandbox/ control routes.")},
            {QStringLiteral("sms-token-file"), QStringLiteral("FILE"),
             QStringLiteral("File (mode 0600) with the SMS gateway stand-in's auth token, or "
                            "ACCOUNTSID:TOKEN.")},
        };
        break;
    case Program::Relay:
        specs += {
            {QStringLiteral("inbox"), QStringLiteral("URL"),
             QStringLiteral("URL of clinicdesk-inbox (https, or http to a loopback host). "
                            "Required.")},
            {QStringLiteral("token-file"), QStringLiteral("FILE"),
             QStringLiteral("File (mode 0600) with this relay's bearer token. Required.")},
            {QStringLiteral("ca-file"), QStringLiteral("FILE"),
             QStringLiteral("PEM CA certificate(s) to trust for the inbox, e.g. its generated "
                            "certificate.")},
        };
        break;
    }
    return specs;
}

QString description(Program program)
{
    switch (program) {
    case Program::Relay:
        return QStringLiteral(
            "ClinicDesk relay: long-polls clinicdesk-inbox and applies the provider's events to "
            "the console's local store, exactly once, and tells a running console.");
    case Program::Inbox:
        return QStringLiteral("ClinicDesk webhook inbox: receives the provider's signed webhooks "
                              "verifies and stores them durably, and serves them to relays.");
    case Program::Sandbox:
        return QStringLiteral("ClinicDesk provider sandbox: a stand-in for the telehealth provider "
                              "API with a simulated clinician, fault injection and signed "
                              "webhook delivery.");
    }
    return {};
}

Result<void> buildListening(const RawSettings &raw, ServiceOptions *o)
{
    const RawSetting listenRaw =
        raw.value(QStringLiteral("listen"), RawSetting{{ServiceOptions::defaultListen(o->program)},
                                                       QStringLiteral("--listen"),
                                                       QString()});
    auto listen = parseListen(listenRaw.source, listenRaw.values.value(0).trimmed());
    if (!listen)
        return listen.error();
    o->listenHost = listen->host;
    o->listenAddress = listen->address;
    o->listenPort = listen->port;

    auto plain = flag(raw, QStringLiteral("plain-http"));
    if (!plain)
        return plain.error();
    o->plainHttp = plain.value();
    const bool hasCert = raw.contains(QStringLiteral("tls-cert"));
    const bool hasKey = raw.contains(QStringLiteral("tls-key"));
    if (hasCert != hasKey) {
        return usage(hasCert ? QStringLiteral("--tls-cert") : QStringLiteral("--tls-key"),
                     QStringLiteral("--tls-cert and --tls-key must be given together"));
    }
    if (o->plainHttp && hasCert)
        return usage(QStringLiteral("--plain-http"),
                     QStringLiteral("cannot be combined with --tls-cert/--tls-key"));
    if (o->plainHttp && !ServiceOptions::isLoopbackHost(o->listenHost)) {
        return usage(QStringLiteral("--plain-http"),
                     QStringLiteral("refused on %1: plain HTTP is only allowed on a %2 address")
                         .arg(o->listenHost, loopbackRule()));
    }
    auto cert = readablePath(raw, QStringLiteral("tls-cert"));
    if (!cert)
        return cert.error();
    o->tlsCert = cert.value();
    auto key = secretPath(raw, QStringLiteral("tls-key"));
    if (!key)
        return key.error();
    o->tlsKey = key.value();
    return {};
}

Result<void> buildInbox(const RawSettings &raw, ServiceOptions *o)
{
    for (const QString &key : {QStringLiteral("provider"), QStringLiteral("consumer")}) {
        if (!raw.contains(key))
            continue;
        auto files = parseNamedFiles(raw.value(key));
        if (!files)
            return files.error();
        (key == QLatin1String("provider") ? o->providers : o->consumers) = files.value();
    }
    return {};
}

Result<void> buildSandbox(const RawSettings &raw, ServiceOptions *o)
{
    auto apiKey = secretPath(raw, QStringLiteral("api-key-file"));
    if (!apiKey)
        return apiKey.error();
    o->apiKeyFile = apiKey.value();
    auto secret = secretPath(raw, QStringLiteral("webhook-secret-file"));
    if (!secret)
        return secret.error();
    o->webhookSecretFile = secret.value();
    if (raw.contains(QStringLiteral("webhook-url"))) {
        const RawSetting &setting = raw[QStringLiteral("webhook-url")];
        auto url = parseServiceUrl(setting.source, setting.values.value(0));
        if (!url)
            return url.error();
        o->webhookUrl = url.value();
    }
    auto control = flag(raw, QStringLiteral("enable-control"));
    if (!control)
        return control.error();
    o->enableControl = control.value();
    auto sms = secretPath(raw, QStringLiteral("sms-token-file"));
    if (!sms)
        return sms.error();
    o->smsTokenFile = sms.value();
    return {};
}

Result<void> buildRelay(const RawSettings &raw, ServiceOptions *o)
{
    if (!raw.contains(QStringLiteral("inbox")))
        return usage(QStringLiteral("--inbox"),
                     QStringLiteral("required: the URL of clinicdesk-inbox (for example "
                                    "https://inbox.example.org:8443)"));
    const RawSetting &setting = raw[QStringLiteral("inbox")];
    auto url = parseServiceUrl(setting.source, setting.values.value(0));
    if (!url)
        return url.error();
    o->inboxUrl = url.value();
    if (!raw.contains(QStringLiteral("token-file")))
        return usage(
            QStringLiteral("--token-file"),
            QStringLiteral("required: the file (mode 0600) with this relay's bearer token"));
    auto token = secretPath(raw, QStringLiteral("token-file"));
    if (!token)
        return token.error();
    o->tokenFile = token.value();
    auto ca = readablePath(raw, QStringLiteral("ca-file"));
    if (!ca)
        return ca.error();
    o->caFile = ca.value();
    return {};
}

Result<ServiceOptions> build(Program program, const RawSettings &raw)
{
    ServiceOptions o;
    o.program = program;
    o.dataDir = raw.contains(QStringLiteral("data-dir"))
                    ? absolutePath(raw[QStringLiteral("data-dir")].values.value(0),
                                   raw[QStringLiteral("data-dir")].baseDir)
                    : ServiceOptions::defaultDataDir(program);
    if (raw.contains(QStringLiteral("key-file"))) {
        const RawSetting &setting = raw[QStringLiteral("key-file")];
        o.keyFile = absolutePath(setting.values.value(0), setting.baseDir);
        if (auto check = KeyFileKeyProvider::checkPermissions(o.keyFile); !check)
            return usage(setting.source, check.error().message);
    }
    if (ServiceOptions::listens(program)) {
        if (auto r = buildListening(raw, &o); !r)
            return r.error();
    }
    Result<void> own;
    switch (program) {
    case Program::Inbox:
        own = buildInbox(raw, &o);
        break;
    case Program::Sandbox:
        own = buildSandbox(raw, &o);
        break;
    case Program::Relay:
        own = buildRelay(raw, &o);
        break;
    }
    if (!own)
        return own.error();
    return o;
}

} // namespace

QString ServiceOptions::programName(Program program)
{
    switch (program) {
    case Program::Relay:
        return QStringLiteral("clinicdesk-relay");
    case Program::Inbox:
        return QStringLiteral("clinicdesk-inbox");
    case Program::Sandbox:
        return QStringLiteral("clinicdesk-sandbox");
    }
    return {};
}

QString ServiceOptions::defaultDataDir(Program program)
{
    if (program == Program::Relay)
        return LocalStore::defaultDataDir();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(programName(program));
}

bool ServiceOptions::listens(Program program)
{
    return program != Program::Relay;
}

QString ServiceOptions::defaultListen(Program program)
{
    switch (program) {
    case Program::Inbox:
        return QStringLiteral("127.0.0.1:8443");
    case Program::Sandbox:
        return QStringLiteral("127.0.0.1:8444");
    case Program::Relay:
        break;
    }
    return {};
}

bool ServiceOptions::isLoopbackHost(const QString &host)
{
    return endpointUrl::isLoopbackHost(host);
}

ServiceOptions::Parsed ServiceOptions::parse(Program program, const QStringList &arguments)
{
    Parsed parsed;
    QCommandLineParser parser;
    parser.setApplicationDescription(description(program));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QList<OptionSpec> specs = specsFor(program);
    for (const auto &spec : specs) {
        parser.addOption(spec.valueName.isEmpty()
                             ? QCommandLineOption(spec.name, spec.description)
                             : QCommandLineOption(spec.name, spec.description, spec.valueName));
    }
    if (!parser.parse(arguments)) {
        parsed.text = parser.errorText().simplified();
        return parsed;
    }
    if (parser.isSet(help) || parser.optionNames().contains(QLatin1String("help-all"))) {
        parsed.outcome = Outcome::Help;
        parsed.text = parser.helpText();
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.outcome = Outcome::Version;
        parsed.text = programName(program) + QLatin1Char(' ') + QLatin1String(CLINICDESK_VERSION) +
                      QLatin1Char('\n');
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.text = QStringLiteral("unexpected argument %1")
                          .arg(quoted(parser.positionalArguments().constFirst()));
        return parsed;
    }

    RawSettings raw;
    const QString cwd = QDir::currentPath();
    if (parser.isSet(QStringLiteral("config"))) {
        const QStringList configs = parser.values(QStringLiteral("config"));
        if (configs.size() > 1) {
            parsed.text = QStringLiteral("--config: given more than once");
            return parsed;
        }
        parsed.options.configFile = absolutePath(configs.constFirst(), cwd);
        if (auto r = readConfig(parsed.options.configFile, specs, &raw); !r) {
            parsed.text = r.error().message;
            return parsed;
        }
    }
    for (const auto &spec : specs) {
        if (spec.name == QLatin1String("config") || !parser.isSet(spec.name))
            continue;
        const QString source = QStringLiteral("--") + spec.name;
        QStringList values = spec.valueName.isEmpty() ? QStringList{QStringLiteral("true")}
                                                      : parser.values(spec.name);
        if (!spec.repeatable && values.size() > 1) {
            parsed.text = source + QStringLiteral(": given more than once");
            return parsed;
        }
        raw[spec.name] = RawSetting{values, source, cwd};
    }

    const QString configFile = parsed.options.configFile;
    auto options = build(program, raw);
    if (!options) {
        parsed.text = options.error().message.simplified();
        return parsed;
    }
    parsed.options = options.value();
    parsed.options.configFile = configFile;
    parsed.outcome = Outcome::Run;
    return parsed;
}

std::optional<ServiceOptions> ServiceOptions::fromCommandLine(Program program, int *exitCode)
{
    Parsed parsed = parse(program, QCoreApplication::arguments());
    switch (parsed.outcome) {
    case Outcome::Run:
        *exitCode = 0;
        return parsed.options;
    case Outcome::Help:
    case Outcome::Version:
        std::fputs(parsed.text.toLocal8Bit().constData(), stdout);
        std::fflush(stdout);
        *exitCode = 0;
        return std::nullopt;
    case Outcome::UsageError:
        break;
    }
    const QString line = programName(program) + QStringLiteral(": ") + parsed.text +
                         QStringLiteral(" (see --help)\n");
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    *exitCode = kUsageExitCode;
    return std::nullopt;
}

Result<void> ServiceOptions::ensureDataDir() const
{
    const QFileInfo info(dataDir);
    if (info.exists()) {
        if (!info.isDir())
            return makeError(ErrorCode::Io,
                             QStringLiteral("data dir %1 is not a directory").arg(dataDir));
        return {};
    }
    if (!QDir().mkpath(dataDir))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create data dir %1").arg(dataDir));
    if (!QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot make data dir %1 private (0700)").arg(dataDir));
    return {};
}

QString ServiceOptions::listenUrl(quint16 boundPort) const
{
    const QString host = listenHost.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + listenHost + QLatin1Char(']')
                             : listenHost;
    return QStringLiteral("%1://%2:%3")
        .arg(plainHttp ? QStringLiteral("http") : QStringLiteral("https"), host)
        .arg(boundPort);
}

} // namespace clinicdesk
