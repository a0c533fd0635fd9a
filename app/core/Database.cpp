#include "Database.h"

#include "Logging.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>

namespace clinicdesk {
namespace {

QAtomicInt s_connectionCounter;

// The first two words of a statement: enough to say which one failed, never any value.
QString statementLabel(const QString &sql)
{
    return sql.simplified().section(QLatin1Char(' '), 0, 2);
}

Error sqlError(const QString &what, const QSqlError &error)
{
    return makeError(ErrorCode::Database, QStringLiteral("%1: %2").arg(what, error.text()));
}

} // namespace

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path, Options options)
{
    const QString name =
        QStringLiteral("clinicdesk-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, path));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return makeError(ErrorCode::Database,
                         QStringLiteral("the Qt SQLite driver is not installed"));
    db.setDatabaseName(path);
    // Wait for a writer in another process (console and relay share the store) instead of failing.
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions);
    if (!db.open())
        return sqlError(QStringLiteral("cannot open database %1").arg(path), db.lastError());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        options.synchronousFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                : QStringLiteral("PRAGMA synchronous=NORMAL"),
        // Deleted PHI is overwritten, not left in free pages.
        QStringLiteral("PRAGMA secure_delete=ON"),
    };
    for (const QString &pragma : pragmas) {
        if (options.readOnly && pragma.contains(QLatin1String("journal_mode")))
            continue;
        if (auto r = database->execRaw(pragma); !r)
            return r.error();
    }
    qCDebug(lcStore) << "opened database connection" << name;
    return database;
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::dialectSql(QString sql) const
{
    const bool postgres = handle().driverName() == QLatin1String("QPSQL");
    sql.replace(QLatin1String("{BLOB}"), postgres ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    return sql;
}

Result<void> Database::execRaw(const QString &sql)
{
    QSqlQuery query(handle());
    if (!query.exec(sql))
        return sqlError(statementLabel(sql), query.lastError());
    return {};
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(handle());
    // Results are read front to back: no client-side row cache, so scanning a million audit
    // entries costs constant memory.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("preparing %1").arg(statementLabel(sql)), query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(statementLabel(sql), query.lastError());
    return query;
}

Result<void> Database::transaction(const std::function<Result<void>()> &body)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Result<void> result = body();
        --m_transactionDepth;
        return result;
    }
    const bool sqlite = handle().driverName() == QLatin1String("QSQLITE");
    if (auto r = execRaw(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")); !r)
        return r.error();
    m_transactionDepth = 1;
    Result<void> result = body();
    m_transactionDepth = 0;
    if (result) {
        if (auto r = execRaw(QStringLiteral("COMMIT")); r)
            return {};
        else
            result = r.error();
    }
    if (auto r = execRaw(QStringLiteral("ROLLBACK")); !r)
        qCWarning(lcStore) << "rollback failed:" << r.error().message;
    return result;
}

int Database::schemaVersion()
{
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query || !query->next())
        return 0;
    return query->value(0).toInt();
}

Result<void> Database::migrate(const QList<Migration> &migrations)
{
    if (auto r = execRaw(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                        "applied_at TEXT NOT NULL)"));
        !r)
        return r.error();
    const int current = schemaVersion();
    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        auto result = transaction([&]() -> Result<void> {
            for (const QString &statement : migration.statements) {
                if (auto r = execRaw(dialectSql(statement)); !r)
                    return r.error();
            }
            auto r = exec(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                                         "VALUES (?, ?, ?)"),
                          {migration.version, migration.name,
                           QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
            if (!r)
                return r.error();
            return {};
        });
        if (!result) {
            return makeError(ErrorCode::Migration,
                             QStringLiteral("migration %1 (%2) failed and was rolled back: %3")
                                 .arg(migration.version)
                                 .arg(migration.name, result.error().message));
        }
        qCInfo(lcStore) << "applied migration" << migration.version << migration.name;
    }
    return {};
}

} // namespace clinicdesk
