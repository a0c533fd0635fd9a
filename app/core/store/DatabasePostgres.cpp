#include "store/Database.h"

#include "base/Logging.h"
#include "store/PostgresSession.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QtEndian>

// Database's PostgreSQL connection: opening it (every libpq setting from PostgresSettings), the
// session it needs, and getting it back after a server restart. The statements themselves go
// through store/PostgresSession.
namespace clinicdesk {
namespace {

// Qt Sql connection names are process-wide: a prefix of their own beside Database.cpp's.
QAtomicInt s_postgresConnectionCounter;

QString nextConnectionName()
{
    return QStringLiteral("clinicdesk-pg-%1")
        .arg(s_postgresConnectionCounter.fetchAndAddRelaxed(1));
}

// One advisory lock key per store (schema): transactions of every workstation on the same
// store serialise on it, stores in other schemas of the same database do not.
qint64 storeLockKey(const PostgresSettings &settings)
{
    const QByteArray digest = QCryptographicHash::hash(QByteArrayLiteral("clinicdesk.store/") +
                                                           settings.searchPath.toUtf8(),
                                                       QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

} // namespace

Result<std::unique_ptr<Database>> Database::openPostgres(const PostgresSettings &settings,
                                                         const QString &password, Options options)
{
    for (const QString &name : postgres::scrubEnvironment())
        qCInfo(lcStore) << "ignoring environment variable" << name
                        << "(only ClinicDesk's settings choose the database)";
    const QString name = nextConnectionName();
    std::unique_ptr<Database> database(new Database(name, settings.displayUri()));
    database->m_options = options;
    database->m_postgres = settings;
    database->m_password = password;
    database->m_lockKey = storeLockKey(settings);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid())
        return makeError(ErrorCode::Database,
                         QStringLiteral("the Qt PostgreSQL driver is not installed (Debian: "
                                        "libqt6sql6-psql)"));
    db.setHostName(settings.host);
    db.setPort(settings.port);
    db.setDatabaseName(settings.database);
    db.setUserName(settings.user);
    db.setPassword(password);
    const QString application = QCoreApplication::applicationName().isEmpty()
                                    ? QStringLiteral("clinicdesk")
                                    : QCoreApplication::applicationName();
    db.setConnectOptions(settings.connectOptions(application));
    if (!db.open())
        return makeError(ErrorCode::Database,
                         QStringLiteral("cannot connect to %1: %2")
                             .arg(settings.displayUri(), db.lastError().text().simplified()));
    if (auto r = database->setUpPostgresSession(); !r)
        return r.error();
    qCDebug(lcStore) << "opened PostgreSQL connection" << name;
    return database;
}

Result<void> Database::setUpPostgresSession()
{
    // QPSQL asks for bytea in escape format (up to 4 bytes per byte); hex is half the size and
    // libpq decodes both.
    // Notices ("… already exists, skipping") would go to stderr through libpq's default.
    QStringList settings = {QStringLiteral("SET bytea_output TO hex"),
                            QStringLiteral("SET client_min_messages TO warning")};
    if (m_options.readOnly)
        settings << QStringLiteral("SET default_transaction_read_only TO on");
    for (const QString &statement : settings) {
        if (auto r = postgres::command(handle(), statement); !r)
            return r.error();
    }
    return {};
}

Result<void> Database::reconnectIfLost()
{
    if (!m_postgres || m_transactionDepth > 0 || !postgres::connectionLost(handle()))
        return {};
    qCWarning(lcStore) << "PostgreSQL connection" << m_connectionName << "lost; reconnecting";
    QSqlDatabase db = handle();
    db.close();
    if (!db.open())
        return makeError(ErrorCode::Database,
                         QStringLiteral("the connection to %1 was lost and cannot be opened "
                                        "again: %2")
                             .arg(m_path, db.lastError().text().simplified()));
    return setUpPostgresSession();
}

bool Database::mayRetryAfterReconnect(const QString &sql) const
{
    // libpq notices a server restart only at the next statement, which then fails. Outside a
    // transaction it is sent again on a new connection when that cannot apply anything twice:
    // a read, or BEGIN (a write transaction starts afresh). A lone write's outcome is unknown:
    // its error goes to the caller, and the next statement connects again.
    if (!m_postgres || m_transactionDepth > 0 || !postgres::connectionLost(handle()))
        return false;
    const QString first = sql.trimmed().section(QLatin1Char(' '), 0, 0).toUpper();
    return first == QLatin1String("SELECT") || first == QLatin1String("BEGIN") ||
           first == QLatin1String("SHOW");
}

} // namespace clinicdesk
