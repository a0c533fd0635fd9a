#pragma once

#include "base/Result.h"
#include "store/PostgresSettings.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace clinicdesk {

// One schema step. Statements are portable SQL with dialect tokens (Database::dialectSql):
// {BLOB} is BLOB on SQLite and BYTEA on PostgreSQL, {INT64} INTEGER and BIGINT (PostgreSQL's
// INTEGER is 32 bits: Unix milliseconds and cursors overflow it). `postgresOnly` statements run
// after the portable ones on PostgreSQL only (what SQLite has no form for, such as the triggers
// that announce changes to other workstations).
struct Migration
{
    int version;
    QString name;
    QStringList statements;
    QStringList postgresOnly = {};
};

// One named Qt Sql connection (use it from the thread that opened it): SQLite in WAL mode, or
// PostgreSQL through Qt's QPSQL driver (a clinic with several workstations; docs/postgresql.md).
// Every statement is prepared with bound values; there is no API that splices values into SQL.
//
// On PostgreSQL the connection is QPSQL's, but statements go through libpq on it
// (store/PostgresSession): protocol-level parameters, buffered results, checked COMMITs. Every
// PG* environment variable is removed before connecting, so only our settings apply.
class Database
{
public:
    struct Options
    {
        // FULL makes every commit durable against power loss (the inbox's 2xx promise);
        // NORMAL in WAL mode is durable against process crashes, and faster.
        bool synchronousFull = false;
        bool readOnly = false;
    };

    static Result<std::unique_ptr<Database>> openSqlite(const QString &path, Options options);
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path)
    {
        return openSqlite(path, Options{});
    }
    // `password` may be empty for a Unix socket with peer or trust authentication.
    static Result<std::unique_ptr<Database>> openPostgres(const PostgresSettings &settings,
                                                          const QString &password, Options options);
    // A second connection to the same database, for another thread (Qt Sql connections belong
    // to the thread that opened them).
    Result<std::unique_ptr<Database>> openAnother(Options options) const;
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase handle() const;
    // The SQLite file, or the PostgreSQL URI without anything secret.
    QString path() const { return m_path; }
    bool isPostgres() const { return m_postgres.has_value(); }
    const std::optional<PostgresSettings> &postgres() const { return m_postgres; }

    // Prepares, binds positional `?` values, executes. On SQLite the result is forward-only; on
    // PostgreSQL it is buffered, so statements run while reading it are safe on both. The error
    // names the statement's first words only (never bound values). On PostgreSQL a connection
    // lost outside a transaction (a server restart) is opened again before the statement.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});

    // For a batch that runs one statement many times (hundreds of events in one transaction):
    // prepare() it once on a QSqlQuery made from handle() (forward-only), then run() it with each
    // row's positional values. Errors name the statement's first words only.
    static Result<void> prepare(QSqlQuery &query, const QString &sql);
    static Result<void> run(QSqlQuery &query, const QVariantList &values);

    // Reads a large result fast. Each row's columns arrive as raw bytes (text as UTF-8, blobs
    // as stored, integers as their decimal text; SQL NULL as a null view), valid only during the
    // callback, which returns false to stop. On SQLite this steps the driver's own connection
    // with the C API, skipping Qt Sql's per-value QVariant and UTF-16 conversions (they dominate
    // at 100,000s of rows); on PostgreSQL it streams the rows with libpq in binary format. The
    // callback must not run statements on this Database.
    using RowVisitor = std::function<bool(const QList<QByteArrayView> &columns)>;
    Result<void> scan(const QString &sql, const QVariantList &values, const RowVisitor &visit);

    enum class Durability
    {
        // The connection's setting: on a NORMAL connection in WAL mode a commit survives a crash
        // of the process but may be lost to a power cut.
        Default,
        // On disk (fsync) before transaction() returns, whatever the connection's setting: for
        // a commit that something outside the process relies on next (DESIGN, "Durable before
        // relied on": the relay's cursor commit at the inbox, a retired key).
        Synced,
    };

    // Runs `body` inside a write transaction (BEGIN IMMEDIATE on SQLite, so two processes
    // appending to the same chain serialise instead of failing on upgrade; on PostgreSQL BEGIN
    // and a transaction-scoped advisory lock of this store, the same one-writer-at-a-time model
    // across every workstation); rolls back if it returns an error or the commit fails (a
    // PostgreSQL COMMIT that the server answered with ROLLBACK is a failure). Nested calls join
    // the outer transaction; a Synced one cannot join a Default one (InvalidInput). On
    // PostgreSQL every commit is durable (synchronous_commit), so Synced changes nothing there.
    Result<void> transaction(const std::function<Result<void>()> &body,
                             Durability durability = Durability::Default);
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Applies every migration newer than the current version, each in its own transaction with
    // its schema_version row (the version re-read inside it, so two programs migrating at once
    // apply each step once); stops at the first failure, which is rolled back.
    Result<void> migrate(const QList<Migration> &migrations);
    int schemaVersion();

    QString dialectSql(QString sql) const;

    // Runs a statement without parameters (DDL, SET, LISTEN); never for values.
    Result<void> execRaw(const QString &sql);

private:
    Database(QString connectionName, QString path);
    Result<void> setUpPostgresSession();
    Result<void> reconnectIfLost();
    bool mayRetryAfterReconnect(const QString &sql) const;

    QString m_connectionName;
    QString m_path;
    int m_transactionDepth = 0;
    bool m_synchronousFull = false;
    bool m_syncedTransaction = false;
    Options m_options;
    std::optional<PostgresSettings> m_postgres;
    QString m_password;   // PostgreSQL: kept for reconnecting and openAnother()
    qint64 m_lockKey = 0; // PostgreSQL: this store's advisory lock (one per schema)
};

} // namespace clinicdesk
