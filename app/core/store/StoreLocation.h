#pragma once

#include "base/Result.h"
#include "store/PostgresSettings.h"

#include <QString>

#include <optional>

namespace clinicdesk {

class Database;

// Where a program's clinic store lives (DESIGN, "Database backends"): the SQLite file in the
// data dir (the default, one PC), or a PostgreSQL database named by `--database postgresql://…`
// (several PCs). Every program that opens the store takes the same two options:
//   --database URI                 postgresql://USER@HOST[:PORT]/DBNAME?sslmode=verify-full&…
//   --database-password-file FILE  the login's password, in a file only its owner can read
// A password is never taken from the URI or the command line. Without a password file it is
// read from the keychain entry "<user>@<host>:<port>/<dbname>" of service
// "clinicdesk-database" (clinicdesk-admin can write it); a loopback or Unix-socket login may
// have none. The data dir still holds the lock, the log and (with --key-file) the key.
struct StoreLocation
{
    std::optional<PostgresSettings> postgres;
    QString password; // PostgreSQL only; kept in memory for reconnects

    // `uri` empty: SQLite. Reads and checks the password file (owner-only, regular file).
    static Result<StoreLocation> fromOptions(const QString &uri, const QString &passwordFile);
    static Result<QString> readPasswordFile(const QString &path);

    bool isPostgres() const { return postgres.has_value(); }
    // For messages: the data dir's SQLite file or the URI without secrets.
    QString describe(const QString &dataDir) const;
    static QString keychainService() { return QStringLiteral("clinicdesk-database"); }
};

} // namespace clinicdesk
