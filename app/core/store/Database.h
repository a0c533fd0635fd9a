#pragma once

#include "base/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace clinicdesk {

// One schema step. Statements are portable SQL; the type token {BLOB} becomes BLOB on SQLite
// and BYTEA on PostgreSQL.
struct Migration
{
    int version;
    QString name;
    QStringList statements;
};

// One named Qt Sql connection (use it from the thread that opened it), SQLite in WAL mode.
// Every statement is prepared with bound values; there is no API that splices values into SQL.
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
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase handle() const;
    QString path() const { return m_path; }

    // Prepares, binds positional `?` values, executes; the result is forward-only. The error names
    // the statement's first words only (never bound values).
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
    // at 100,000s of rows); other drivers go through exec().
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
    // appending to the same chain serialise instead of failing on upgrade); rolls back if it
    // returns an error or the commit fails. Nested calls join the outer transaction; a Synced
    // one cannot join a Default one (InvalidInput).
    Result<void> transaction(const std::function<Result<void>()> &body,
                             Durability durability = Durability::Default);
    bool inTransaction() const { return m_transactionDepth > 0; }

    // Applies every migration newer than the current version, each in its own transaction with
    // its schema_version row; stops at the first failure, which is rolled back.
    Result<void> migrate(const QList<Migration> &migrations);
    int schemaVersion();

    QString dialectSql(QString sql) const;

private:
    Database(QString connectionName, QString path);
    Result<void> execRaw(const QString &sql);

    QString m_connectionName;
    QString m_path;
    int m_transactionDepth = 0;
    bool m_synchronousFull = false;
    bool m_syncedTransaction = false;
};

} // namespace clinicdesk
