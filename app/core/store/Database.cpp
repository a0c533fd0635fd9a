#include "store/Database.h"

#include "base/Logging.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

#include <sqlite3.h>

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
    database->m_synchronousFull = options.synchronousFull;
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

Result<void> Database::prepare(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("preparing %1").arg(statementLabel(sql)), query.lastError());
    return {};
}

Result<void> Database::run(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec())
        return sqlError(statementLabel(query.lastQuery()), query.lastError());
    return {};
}

Result<void> Database::scan(const QString &sql, const QVariantList &values, const RowVisitor &visit)
{
    const QVariant driverHandle = handle().driver()->handle();
    if (handle().driverName() != QLatin1String("QSQLITE") || !driverHandle.isValid() ||
        qstrcmp(driverHandle.typeName(), "sqlite3*") != 0) {
        auto rows = exec(sql, values);
        if (!rows)
            return rows.error();
        QList<QByteArray> bytes;
        QList<QByteArrayView> columns;
        while (rows->next()) {
            const int count = rows->record().count();
            bytes.resize(count);
            columns.resize(count);
            for (int i = 0; i < count; ++i) {
                const QVariant value = rows->value(i);
                bytes[i] = value.isNull()                            ? QByteArray()
                           : value.typeId() == QMetaType::QByteArray ? value.toByteArray()
                                                                     : value.toString().toUtf8();
                columns[i] = value.isNull() ? QByteArrayView() : QByteArrayView(bytes[i]);
            }
            if (!visit(columns))
                break;
        }
        return {};
    }

    sqlite3 *connection = *static_cast<sqlite3 *const *>(driverHandle.constData());
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    auto failure = [&](const QString &what) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_finalize(statement);
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1 %2: %3").arg(what, statementLabel(sql), message));
    };
    if (sqlite3_prepare_v2(connection, utf8.constData(), int(utf8.size()), &statement, nullptr) !=
        SQLITE_OK)
        return failure(QStringLiteral("preparing"));
    QList<QByteArray> keep; // bound text and blobs outlive the statement's steps
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        int rc = SQLITE_OK;
        if (value.isNull()) {
            rc = sqlite3_bind_null(statement, i + 1);
        } else if (value.typeId() == QMetaType::QByteArray) {
            keep << value.toByteArray();
            rc = sqlite3_bind_blob(statement, i + 1, keep.last().constData(),
                                   int(keep.last().size()), SQLITE_STATIC);
        } else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong ||
                   value.typeId() == QMetaType::Bool) {
            rc = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        } else {
            keep << value.toString().toUtf8();
            rc = sqlite3_bind_text(statement, i + 1, keep.last().constData(),
                                   int(keep.last().size()), SQLITE_STATIC);
        }
        if (rc != SQLITE_OK)
            return failure(QStringLiteral("binding"));
    }
    const int count = sqlite3_column_count(statement);
    QList<QByteArrayView> columns(count);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < count; ++i) {
            const void *data = sqlite3_column_blob(statement, i);
            columns[i] = data ? QByteArrayView(static_cast<const char *>(data),
                                               sqlite3_column_bytes(statement, i))
                         : sqlite3_column_type(statement, i) == SQLITE_NULL
                             ? QByteArrayView()
                             : QByteArrayView("", 0); // an empty text or blob, not NULL
        }
        if (!visit(columns))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return failure(QStringLiteral("reading"));
    sqlite3_finalize(statement);
    return {};
}

Result<void> Database::transaction(const std::function<Result<void>()> &body, Durability durability)
{
    const bool synced = durability == Durability::Synced;
    if (m_transactionDepth > 0) {
        if (synced && !m_syncedTransaction && !m_synchronousFull)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("a durable transaction cannot join an open one"));
        ++m_transactionDepth;
        Result<void> result = body();
        --m_transactionDepth;
        return result;
    }
    const bool sqlite = handle().driverName() == QLatin1String("QSQLITE");
    // SQLite takes the safety level per connection, outside transactions: FULL makes this
    // commit fsync the WAL before it returns.
    const bool raise = synced && sqlite && !m_synchronousFull;
    if (raise) {
        if (auto r = execRaw(QStringLiteral("PRAGMA synchronous=FULL")); !r)
            return r.error();
    }
    struct Lower
    {
        Database *db;
        bool active;
        ~Lower()
        {
            if (active && !db->execRaw(QStringLiteral("PRAGMA synchronous=NORMAL")))
                qCWarning(lcStore) << "could not return the connection to synchronous=NORMAL";
        }
    } lower{this, raise};
    if (auto r = execRaw(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN")); !r)
        return r.error();
    m_transactionDepth = 1;
    m_syncedTransaction = synced;
    Result<void> result = body();
    m_transactionDepth = 0;
    m_syncedTransaction = false;
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
    // A newer program wrote this schema: reading or writing it with this one could lose data.
    if (!migrations.isEmpty() && current > migrations.last().version)
        return makeError(ErrorCode::Migration,
                         QStringLiteral("this store has schema version %1, newer than this "
                                        "program knows (%2); use the ClinicDesk version that "
                                        "wrote it, or a later one")
                             .arg(current)
                             .arg(migrations.last().version));
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
