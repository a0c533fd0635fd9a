#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

class QCommandLineParser;

namespace clinicdesk {

class KeyProvider;
class LocalStore;

// What every admin subcommand gets: an open store and the key provider that opened it.
struct AdminContext
{
    LocalStore &store;
    KeyProvider &keys;
    const QCommandLineParser &options; // subcommand options are declared in main.cpp
};

// A subcommand's output: human text for the terminal and the same facts as JSON for --json.
struct AdminOutput
{
    QString text;
    QJsonObject json;
};

using AdminHandler = std::function<Result<AdminOutput>(AdminContext &, const QStringList &args)>;

struct AdminCommand
{
    QString group; // "keys"
    QString name;  // "rotate"
    QString summary;
    AdminHandler run;
};

// Every subcommand of clinicdesk-admin, in the order --help lists them.
QList<AdminCommand> adminCommands();

} // namespace clinicdesk
