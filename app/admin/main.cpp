#include "AdminCommand.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "base/ProcessHardening.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

#include <pwd.h>
#include <unistd.h>

using namespace clinicdesk;

namespace {

enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "clinicdesk-admin: %s\n", qPrintable(message.simplified()));
    return code;
}

// Whoever can open the store with its key acts as an operator; the audit log names the OS account.
QString operatorName()
{
    const passwd *pw = ::getpwuid(::geteuid());
    return QStringLiteral("os:%1").arg(pw ? QString::fromLocal8Bit(pw->pw_name)
                                          : QString::number(::geteuid()));
}

QString commandList()
{
    QString text = QStringLiteral("\nCommands:\n");
    for (const AdminCommand &c : adminCommands())
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c.group, c.name, c.summary);
    text +=
        QStringLiteral("\nExit codes: 0 success, 1 the command failed, 2 usage error. Errors are "
                       "one line on stderr.");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps();                                // before anything secret is in memory
    const crypto::ThreadStateGuard openSslThreadState; // destroyed last
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clinicdesk-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLINICDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ClinicDesk administration: data keys, store maintenance.") + commandList());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QStringLiteral("The console's store (default %1).").arg(LocalStore::defaultDataDir()),
        QStringLiteral("DIR"), LocalStore::defaultDataDir());
    const QCommandLineOption keyFileOption(QStringLiteral("key-file"),
                                           QStringLiteral("Read the data key from this 0600 file "
                                                          "instead of the OS keychain."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print results as JSON."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log progress to stderr."));
    parser.addOptions({dataDirOption, keyFileOption, jsonOption, verboseOption});
    // Options of the `users` subcommands.
    parser.addOptions({
        {QStringLiteral("display-name"),
         QStringLiteral("users add: the name shown in the console."), QStringLiteral("NAME")},
        {QStringLiteral("role"), QStringLiteral("users add: staff (default) or admin."),
         QStringLiteral("ROLE"), QStringLiteral("staff")},
        {QStringLiteral("password-stdin"),
         QStringLiteral("users add: read the password from stdin.")},
        {QStringLiteral("generate-password"),
         QStringLiteral("users add: generate a strong password and print it once.")},
        {QStringLiteral("format"), QStringLiteral("audit export: csv, jsonl or fhir."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("output"), QStringLiteral("audit export: the file to write."),
         QStringLiteral("FILE")},
        {QStringLiteral("from"), QStringLiteral("audit export: first date/time (ISO 8601, UTC)."),
         QStringLiteral("WHEN")},
        {QStringLiteral("to"), QStringLiteral("audit export: end date/time, exclusive."),
         QStringLiteral("WHEN")},
        {QStringLiteral("user"), QStringLiteral("audit export: only this user's entries."),
         QStringLiteral("NAME")},
        {QStringLiteral("url"), QStringLiteral("provider configure: the provider's base URL."),
         QStringLiteral("URL")},
        {QStringLiteral("ca-file"),
         QStringLiteral("provider/relay configure: extra CA certificates (PEM) to trust."),
         QStringLiteral("FILE")},
        {QStringLiteral("inbox"), QStringLiteral("relay configure: the webhook inbox's URL."),
         QStringLiteral("URL")},
        {QStringLiteral("token-file"),
         QStringLiteral("relay configure: the owner-only file with the inbox consumer token."),
         QStringLiteral("FILE")},
        {QStringLiteral("patients"), QStringLiteral("demo seed: how many fake patients."),
         QStringLiteral("N")},
        {QStringLiteral("visits"), QStringLiteral("demo seed: how many queued visits."),
         QStringLiteral("N")},
        {QStringLiteral("force"),
         QStringLiteral("demo seed: add demo data even though the store has patients.")},
    });
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("audit, demo, inbox, keys, provider, relay, store, users, visits"));
    parser.addPositionalArgument(QStringLiteral("subcommand"),
                                 QStringLiteral("see Commands below"));
    if (!parser.parse(app.arguments()))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Success;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("clinicdesk-admin %s\n", CLINICDESK_VERSION);
        return Success;
    }
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*=false"));

    const QStringList args = parser.positionalArguments();
    if (args.size() < 2)
        return fail(UsageError, QStringLiteral("missing command; try --help"));
    const QList<AdminCommand> commands = adminCommands();
    const auto command =
        std::find_if(commands.cbegin(), commands.cend(), [&](const AdminCommand &c) {
            return c.group == args[0] && c.name == args[1];
        });
    if (command == commands.cend())
        return fail(UsageError,
                    QStringLiteral("unknown command '%1 %2'; try --help").arg(args[0], args[1]));

    // Prints what a command made of its work; exit code as documented.
    const auto finish = [&](const Result<AdminOutput> &output) {
        if (!output)
            return fail(Failure, output.error().message);
        if (parser.isSet(jsonOption))
            std::printf("%s\n",
                        QJsonDocument(output->json).toJson(QJsonDocument::Compact).constData());
        else
            std::printf("%s\n", qPrintable(output->text));
        std::fflush(stdout);
        if (!output->failure.isEmpty())
            return fail(Failure, output->failure);
        return int(Success);
    };
    if (!command->needsStore) {
        AdminContext context{nullptr, nullptr, parser, nullptr, operatorName()};
        return finish(command->run(context, args.mid(2)));
    }
    // Only `store init` may create a store (and its key); every other command needs one.
    const QString dataDir = parser.value(dataDirOption);
    const bool creating =
        command->group == QLatin1String("store") && command->name == QLatin1String("init");
    if (!creating && !QFile::exists(LocalStore::databasePath(dataDir)))
        return fail(Failure,
                    QStringLiteral("no ClinicDesk store in %1 (pass --data-dir, or create one "
                                   "with 'store init')")
                        .arg(dataDir));
    std::unique_ptr<KeyProvider> keys;
    if (parser.isSet(keyFileOption)) {
        const QString keyFile = parser.value(keyFileOption);
        if (QFile::exists(keyFile) || !creating) {
            if (auto check = KeyFileKeyProvider::checkPermissions(keyFile); !check)
                return fail(Failure, check.error().message);
        }
        keys = std::make_unique<KeyFileKeyProvider>(keyFile);
    } else {
        keys = std::make_unique<KeychainKeyProvider>();
    }
    auto store = LocalStore::open({dataDir, keys.get(), false});
    if (!store)
        return fail(Failure, store.error().message);

    AuditLog audit(*store.value(), keys.get());
    // The head goes off the machine after the command's entries (the console's inbox).
    audit.setWitness(AuditWitness::fromConsoleSettings(dataDir, store.value()->storeId()));
    AdminContext context{store.value().get(), keys.get(), parser, &audit, operatorName()};
    const auto output = command->run(context, args.mid(2));
    if (!audit.flushWitness(15000))
        std::fputs("clinicdesk-admin: warning: the audit head was not witnessed by the inbox "
                   "(it will be with the next entry)\n",
                   stderr);
    return finish(output);
}
