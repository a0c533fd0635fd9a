#pragma once

#include "base/Result.h"

#include <QCommandLineOption>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

class QCommandLineParser;

namespace clinicdesk {

class AuditLog;
class KeyProvider;
class LocalStore;

// What every admin subcommand gets: an open store and the key provider that opened it.
struct AdminContext
{
    LocalStore *store;                 // null for commands without needsStore
    KeyProvider *keys;                 // null for commands without needsStore
    const QCommandLineParser &options; // the global options and this command's own, nothing else
    AuditLog *audit;                   // null for commands without needsStore
    QString operatorName;              // "os:<login>": who ran the command, for the audit log

    // One successful admin action by this operator in the audit log (entity type and id, never
    // PHI).
    Result<void> recordAdmin(const QString &entityType, const QString &entityId,
                             const QString &detail) const;
};

// A subcommand's output: human text for the terminal and the same facts as JSON for --json.
struct AdminOutput
{
    QString text;
    QJsonObject json;
    // A command may succeed in running yet report a failed check (audit verify): non-zero exit
    // with this one line on stderr, after the output.
    QString failure;
};

using AdminHandler = std::function<Result<AdminOutput>(AdminContext &, const QStringList &args)>;

struct AdminCommand
{
    QString group; // "keys"
    QString name;  // "rotate"
    QString summary;
    AdminHandler run;
    // The options this command takes besides the global ones (--data-dir, --key-file, --json,
    // --verbose). It owns them: main.cpp refuses any other as a usage error (exit 2), so a
    // misplaced `keys rotate --role admin` is never silently ignored.
    QList<QCommandLineOption> options = {};
    bool needsStore = true; // false: runs without opening a store (no --data-dir needed)
};

// Every subcommand of clinicdesk-admin, in the order --help lists them. Each group lives in its
// own file (KeysCommands.cpp...) with the options its commands own.
QList<AdminCommand> adminCommands();
QList<AdminCommand> keysCommands();
QList<AdminCommand> usersCommands();
QList<AdminCommand> auditCommands();
QList<AdminCommand> providerCommands();
QList<AdminCommand> relayCommands();
QList<AdminCommand> visitsCommands();
QList<AdminCommand> inboxCommands();
QList<AdminCommand> storeCommands();
QList<AdminCommand> demoCommands();
QList<AdminCommand> notificationsCommands();
QList<AdminCommand> notificationsStateCommands();
QList<AdminCommand> workstationCommands();

// One line from stdin (a password, token or one-time code: never on the command line); the
// caller wipes it (crypto::wipe) when done.
Result<QByteArray> secretFromStdin(const QString &what);

} // namespace clinicdesk
