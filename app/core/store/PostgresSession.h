#pragma once

#include "base/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

// libpq calls on the connection QPSQL opened (QSqlDriver::handle(), a PGconn*), for what QPSQL
// in Qt 6.4.2 does badly or not at all (docs/postgresql.md): one-round-trip statements with
// protocol-level parameters, streaming reads in binary format, and a COMMIT whose outcome is
// checked (QPSQL reports success for a COMMIT the server turned into a ROLLBACK). QPSQL keeps
// the connection, its session set-up and LISTEN/NOTIFY. Only Database calls these.
namespace clinicdesk::postgres {

// Removes every PG* variable from the environment (PGSSLMODE, PGOPTIONS, PGPASSWORD, PGSERVICE…),
// which libpq would otherwise read at each connect and use where our settings are silent.
// Returns the names removed (never their values).
QStringList scrubEnvironment();

// `sql` with positional `?` placeholders (outside quotes) turned into $1, $2…; -1 in `count`
// of placeholders when the text cannot be converted (an unterminated quote).
QString numberPlaceholders(const QString &sql, int *count);

// One statement, values bound as protocol parameters, the whole result buffered.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values);

// One statement without parameters (DDL, SET, BEGIN…); returns the command tag ("COMMIT").
Result<QByteArray> command(const QSqlDatabase &db, const QString &sql);

using RowVisitor = std::function<bool(const QList<QByteArrayView> &columns)>;
// Streams the rows (single-row mode, binary format): integers and booleans arrive as decimal
// text, text and bytea as their bytes. The visitor must not use the connection.
Result<void> scan(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                  const RowVisitor &visit);

// True when libpq says the connection is gone (server restart, network loss).
bool connectionLost(const QSqlDatabase &db);

} // namespace clinicdesk::postgres
