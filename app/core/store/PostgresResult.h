#pragma once

#include <QList>
#include <QSqlRecord>
#include <QSqlResult>

typedef struct pg_result PGresult;

namespace clinicdesk {

// A whole PostgreSQL result (libpq's PGresult, read in text format) behind Qt Sql's QSqlResult,
// so Database::exec() on PostgreSQL returns an ordinary QSqlQuery to its callers.
//
// Why not QPSQL's own queries: Qt 6.4.2 runs every prepared statement as SQL-level PREPARE /
// EXECUTE / DEALLOCATE (three round trips) with the values pasted into the EXECUTE text (and so
// into the server log when a statement fails), and its forward-only results stream on the
// connection, so a second statement issued while reading silently ends the first one's rows
// (docs/postgresql.md). Here the values travel as protocol parameters in one round trip, and the
// rows are buffered: statements nested inside a loop over rows are safe.
//
// Values come back as Qt types a SQLite caller expects: int2/int4 as int, int8 as qlonglong (never
// QPSQL's qulonglong), bool as bool, float/numeric as double, bytea as QByteArray, SQL NULL as a
// null QVariant of the column's type, everything else as QString.
class PostgresResult final : public QSqlResult
{
public:
    // Takes ownership of `result` (PGRES_TUPLES_OK or PGRES_COMMAND_OK).
    PostgresResult(const QSqlDriver *driver, PGresult *result, const QString &sql);
    ~PostgresResult() override;

protected:
    QVariant data(int i) override;
    bool isNull(int i) override;
    bool reset(const QString &sql) override;
    bool fetch(int i) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    PGresult *m_result;
    int m_rows = 0;
    int m_affected = 0;
    QList<QMetaType> m_types;
    QSqlRecord m_record;
};

} // namespace clinicdesk
