#pragma once

#include "base/Result.h"

#include <QList>
#include <QString>

#include <utility>

namespace clinicdesk {

// Where a clinic's PostgreSQL store is, parsed from the `--database` URI (DESIGN, "Database
// backends"): postgresql://USER@HOST[:PORT]/DBNAME[?libpq keywords]. Everything that reaches libpq
// comes from here, so nothing outside our settings can change the connection:
//  - a password in the URI (user:secret@, ?password=, ?passfile=) is refused: it would end up in
//    argv, shell history and INI files. It comes from --database-password-file or the keychain;
//  - only the libpq keywords listed in the .cpp are accepted (TLS files, timeouts, keepalives,
//    application_name, and `options` limited to `-c search_path=SCHEMA`);
//  - a plain connection is allowed only to loopback or a Unix socket; any other host needs
//    sslmode=verify-full (verify-ca and require do not check whom you are talking to);
//  - values may not contain `;` or `'`: Qt 6.4's QPSQL turns every `;` of the connect options into
//    a space, even inside quotes, and a quote would end the value early.
// The session is pinned to TimeZone=UTC (Qt 6.4.2 does not set it) and to one search_path.
struct PostgresSettings
{
    QString user;
    QString host; // a name, an IP address, or an absolute Unix socket directory
    int port = 5432;
    QString database;
    QString searchPath = QStringLiteral("public");
    // Accepted libpq keywords as given (sslmode defaulted), in order; never a password.
    QList<std::pair<QString, QString>> keywords;

    static Result<PostgresSettings> parse(const QString &uri);

    bool isUnixSocket() const { return host.startsWith(QLatin1Char('/')); }
    QString sslMode() const;
    // The URI again, without anything secret; for messages, logs and `store info`.
    QString displayUri() const;
    // QSqlDatabase::setConnectOptions() text: every keyword explicit, values single-quoted.
    QString connectOptions(const QString &applicationName) const;
    // The keychain entry that may hold this login's password: "USER@HOST:PORT/DBNAME".
    QString keychainEntry() const;
    // A same-server URI for another schema (tests put each store in its own schema).
    PostgresSettings withSearchPath(const QString &schema) const;

    static bool isValidSchemaName(const QString &name);
};

} // namespace clinicdesk
