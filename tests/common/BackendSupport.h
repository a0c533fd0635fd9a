#pragma once

#include "store/Database.h"
#include "store/StoreLocation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

// Which database backend a test runs against (DESIGN, "Database backends"). ctest runs the
// store, repository, audit and relay tests twice: as they are (SQLite), and as NAME_pg
// with CLINICDESK_TEST_BACKEND=postgresql and CLINICDESK_TEST_PG_ENV naming the env file of the
// one throwaway cluster the `pg_cluster` fixture started (scripts/pg-cluster). Each data dir a
// test uses maps to its own schema of that cluster's database, so reopening a data dir reopens
// the same store, as on SQLite.
//
// A PostgreSQL variant without a cluster fails when CI=true (a missing server must never pass
// as a silent skip) and skips otherwise (a developer running one test program by hand).
namespace clinicdesk::test {

inline bool usePostgres()
{
    return qEnvironmentVariable("CLINICDESK_TEST_BACKEND") == QLatin1String("postgresql");
}

// The cluster's settings (CLINICDESK_TEST_PG_URI, ..._PASSWORD_FILE, ..._WRONG_CA, ..._DIR,
// ..._SOCKET_DIR, ..._PORT); empty when there is none.
inline QHash<QString, QString> postgresEnv()
{
    QHash<QString, QString> env;
    QFile file(qEnvironmentVariable("CLINICDESK_TEST_PG_ENV"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return env;
    static const QRegularExpression line(QStringLiteral("^export (\\w+)='(.*)'$"));
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const auto match = line.match(QString::fromUtf8(raw));
        if (match.hasMatch())
            env.insert(match.captured(1), match.captured(2));
    }
    return env;
}

// Fails (CI=true) or skips the calling test function when no cluster is available.
#define CLINICDESK_REQUIRE_POSTGRES()                                                              \
    do {                                                                                           \
        if (clinicdesk::test::postgresEnv().isEmpty()) {                                           \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                               \
                QFAIL("no PostgreSQL test cluster (CLINICDESK_TEST_PG_ENV): is postgresql-15 "     \
                      "installed and did the pg_cluster fixture start?");                          \
            QSKIP("no PostgreSQL test cluster (run through ctest, which starts one)");             \
        }                                                                                          \
    } while (false)

// The test cluster's app login: URI settings and password.
inline StoreLocation postgresLocation()
{
    const auto env = postgresEnv();
    if (env.isEmpty()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true"))
            qFatal("no PostgreSQL test cluster (CLINICDESK_TEST_PG_ENV) although "
                   "CLINICDESK_TEST_BACKEND=postgresql: is postgresql-15 installed?");
        qFatal("CLINICDESK_TEST_BACKEND=postgresql needs CLINICDESK_TEST_PG_ENV (run it through "
               "ctest, whose pg_cluster fixture starts the server)");
    }
    auto location =
        StoreLocation::fromOptions(env.value(QStringLiteral("CLINICDESK_TEST_PG_URI")),
                                   env.value(QStringLiteral("CLINICDESK_TEST_PG_PASSWORD_FILE")));
    if (!location)
        qFatal("test cluster settings: %s", qPrintable(location.error().message));
    return location.value();
}

// A schema name for a data dir: the same dir, the same store.
inline QString schemaFor(const QString &dataDir)
{
    const QByteArray digest =
        QCryptographicHash::hash(QDir(dataDir).absolutePath().toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("t_") + QString::fromLatin1(digest.toHex().left(24));
}

// Creates `schema` in the test database if needed (the app login owns the database).
inline void ensureSchema(const StoreLocation &base, const QString &schema)
{
    auto db = Database::openPostgres(*base.postgres, base.password, {});
    if (!db)
        qFatal("cannot reach the test cluster: %s", qPrintable(db.error().message));
    if (auto r = db.value()->execRaw(QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + schema); !r)
        qFatal("cannot create schema %s: %s", qPrintable(schema), qPrintable(r.error().message));
}

// Where the store of `dataDir` lives for this test run: SQLite in it, or its own schema of the
// test cluster.
inline StoreLocation storeLocation(const QString &dataDir)
{
    if (!usePostgres())
        return {};
    StoreLocation location = postgresLocation();
    const QString schema = schemaFor(dataDir);
    ensureSchema(location, schema);
    location.postgres = location.postgres->withSearchPath(schema);
    return location;
}

// The command-line options a program (clinicdesk-admin, clinicdesk-relay) needs to open the
// store of `dataDir` in this test run; empty on SQLite.
inline QStringList storeArguments(const QString &dataDir)
{
    if (!usePostgres())
        return {};
    const StoreLocation location = storeLocation(dataDir);
    return {QStringLiteral("--database"), location.postgres->displayUri(),
            QStringLiteral("--database-password-file"),
            postgresEnv().value(QStringLiteral("CLINICDESK_TEST_PG_PASSWORD_FILE"))};
}

} // namespace clinicdesk::test
