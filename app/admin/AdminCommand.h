#pragma once

#include "base/Result.h"

#include <QJsonObject>
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
    const QCommandLineParser &options; // subcommand options are declared in main.cpp
    AuditLog *audit;                   // null for commands without needsStore
    QString operatorName;              // "os:<login>": who ran the command, for the audit log
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
    bool needsStore = true; // false: runs without opening a store (no --data-dir needed)
};

// Every subcommand of clinicdesk-admin, in the order --help lists them.
QList<AdminCommand> adminCommands();

} // namespace clinicdesk
