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

// Each option once, for the first pass and --help, described as each command that takes it
// describes it: "--output FILE  audit export, inbox token: the file to write (owner-only)."
QList<QCommandLineOption> everyCommandsOptions(const QList<AdminCommand> &commands)
{
    QList<QCommandLineOption> all;
    QList<QList<QPair<QString, QString>>> usedBy; // per option: command, its description
    for (const AdminCommand &c : commands) {
        for (const QCommandLineOption &option : c.options) {
            qsizetype at = 0;
            while (at < all.size() && all[at].names() != option.names())
                ++at;
            if (at == all.size()) {
                all << option;
                usedBy << QList<QPair<QString, QString>>();
            }
            usedBy[at] << qMakePair(c.group + QLatin1Char(' ') + c.name, option.description());
        }
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        // Commands that say the same are listed together: "a, b: what"; "a: this; b: that".
        QStringList parts;
        QList<QPair<QStringList, QString>> byText;
        for (const auto &[command, text] : std::as_const(usedBy[i])) {
            auto same = std::find_if(byText.begin(), byText.end(),
                                     [&](const auto &entry) { return entry.second == text; });
            if (same == byText.end())
                byText << qMakePair(QStringList{command}, text);
            else
                same->first << command;
        }
        for (auto &[names, text] : byText) {
            if (text.endsWith(QLatin1Char('.')))
                text.chop(1);
            parts << names.join(QStringLiteral(", ")) + QStringLiteral(": ") + text;
        }
        all[i].setDescription(parts.join(QStringLiteral("; ")) + QLatin1Char('.'));
    }
    return all;
}

// What a command accepts, for its usage error: "--output and the global options".
QString optionList(const QList<QCommandLineOption> &options)
{
    QStringList names;
    for (const QCommandLineOption &option : options)
        names << QStringLiteral("--") + option.names().constFirst();
    const QString global = QStringLiteral("--data-dir, --key-file, --json, --verbose");
    return names.isEmpty() ? QStringLiteral("It takes only %1.").arg(global)
                           : QStringLiteral("It takes %1 and %2.")
                                 .arg(names.join(QStringLiteral(", ")), global);
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
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("The clinic's PostgreSQL store (postgresql://USER@HOST/DBNAME?"
                       "sslmode=verify-full&sslrootcert=CA; never with a password) instead of "
                       "the SQLite file in the data dir."),
        QStringLiteral("URI"));
    const QCommandLineOption databasePasswordOption(
        QStringLiteral("database-password-file"),
        QStringLiteral("File (mode 0600) with the database login's password (default: the "
                       "keychain)."),
        QStringLiteral("FILE"));
    const QList<QCommandLineOption> global = {dataDirOption,          keyFileOption, databaseOption,
                                              databasePasswordOption, jsonOption,    verboseOption};
    parser.addOptions(global);
    // First pass: every command's options, so that the command can be found whatever options
    // come before it (an option's value is not mistaken for the command).
    const QList<AdminCommand> commands = adminCommands();
    for (const QCommandLineOption &option : everyCommandsOptions(commands))
        parser.addOption(option);
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("audit, demo, inbox, keys, notifications, provider, relay, store, users, "
                       "visits, workstation"));
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
    const auto command =
        std::find_if(commands.cbegin(), commands.cend(), [&](const AdminCommand &c) {
            return c.group == args[0] && c.name == args[1];
        });
    if (command == commands.cend())
        return fail(UsageError,
                    QStringLiteral("unknown command '%1 %2'; try --help").arg(args[0], args[1]));

    // Second pass: the global options and the command's own, nothing else. An option of another
    // command is a usage error, never silently ignored.
    QCommandLineParser options;
    options.addOptions(global);
    options.addOptions(command->options);
    if (!options.parse(app.arguments()))
        return fail(UsageError, QStringLiteral("%1 %2: %3 %4")
                                    .arg(command->group, command->name, options.errorText(),
                                         optionList(command->options)));

    // Prints what a command made of its work; exit code as documented.
    const auto finish = [&](const Result<AdminOutput> &output) {
        if (!output)
            return fail(Failure, output.error().message);
        if (options.isSet(jsonOption))
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
        AdminContext context{nullptr, nullptr, options, nullptr, operatorName()};
        return finish(command->run(context, args.mid(2)));
    }
    // Only `store init` may create a store (and its key); every other command needs one.
    const QString dataDir = options.value(dataDirOption);
    const bool creating =
        command->group == QLatin1String("store") && command->name == QLatin1String("init");
    auto location = StoreLocation::fromOptions(options.value(databaseOption),
                                               options.value(databasePasswordOption));
    if (!location)
        return fail(Failure, location.error().message);
    if (!location->isPostgres() && !creating && !QFile::exists(LocalStore::databasePath(dataDir)))
        return fail(Failure,
                    QStringLiteral("no ClinicDesk store in %1 (pass --data-dir, or create one "
                                   "with 'store init')")
                        .arg(dataDir));
    std::unique_ptr<KeyProvider> keys;
    if (options.isSet(keyFileOption)) {
        const QString keyFile = options.value(keyFileOption);
        if (QFile::exists(keyFile) || !creating) {
            if (auto check = KeyFileKeyProvider::checkPermissions(keyFile); !check)
                return fail(Failure, check.error().message);
        }
        keys = std::make_unique<KeyFileKeyProvider>(keyFile);
    } else {
        keys = std::make_unique<KeychainKeyProvider>();
    }
    auto store = LocalStore::open({dataDir, keys.get(), false, location.value(), creating});
    if (!store)
        return fail(Failure, store.error().message);

    AuditLog audit(*store.value(), keys.get());
    // The head goes off the machine after the command's entries (the console's inbox).
    audit.setWitness(AuditWitness::fromConsoleSettings(dataDir, store.value()->storeId()));
    AdminContext context{store.value().get(), keys.get(), options, &audit, operatorName()};
    const auto output = command->run(context, args.mid(2));
    if (!audit.flushWitness(15000))
        std::fputs("clinicdesk-admin: warning: the audit head was not witnessed by the inbox "
                   "(it will be with the next entry)\n",
                   stderr);
    return finish(output);
}
