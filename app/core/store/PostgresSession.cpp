#include "store/PostgresSession.h"

#include "store/PostgresResult.h"

#include <QDateTime>
#include <QSqlDriver>

#include "store/PostgresTypes.h"

#include <libpq-fe.h>

#include <cstring>

extern char **environ;

namespace clinicdesk::postgres {
namespace {

using namespace pgtype;

PGconn *connectionOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt 6 names the type as the compiler spells it: the struct behind libpq's typedef.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

QString statementLabel(const QString &sql)
{
    return sql.simplified().section(QLatin1Char(' '), 0, 2);
}

// The server's primary message and SQLSTATE: never its DETAIL line, which quotes key values.
Error resultError(PGconn *conn, const PGresult *result, const QString &what)
{
    if (PQstatus(conn) == CONNECTION_BAD)
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1: the connection to the database server was lost (%2)")
                             .arg(what, QString::fromUtf8(PQerrorMessage(conn)).simplified()));
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString message =
        primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn)).simplified();
    return makeError(
        state && qstrcmp(state, "23505") == 0 ? ErrorCode::Conflict : ErrorCode::Database,
        QStringLiteral("%1: %2 (%3)")
            .arg(what, message, state ? QString::fromLatin1(state) : QStringLiteral("?")));
}

// Parameters as libpq wants them: text for everything but bytes, which go binary so no
// escaping or doubling happens on the way.
struct Parameters
{
    QList<QByteArray> storage;
    QList<const char *> values;
    QList<int> lengths;
    QList<int> formats;
    QList<Oid> types;

    explicit Parameters(const QVariantList &input)
    {
        storage.reserve(input.size());
        for (const QVariant &value : input) {
            Oid type = 0; // unknown: the server infers it from the statement
            int format = 0;
            QByteArray bytes;
            if (value.isNull()) {
                bytes = QByteArray();
            } else if (value.typeId() == QMetaType::QByteArray) {
                bytes = value.toByteArray();
                if (bytes.isNull())
                    bytes = QByteArray("", 0); // an empty value, not SQL NULL
                type = kBytea;
                format = 1;
            } else if (value.typeId() == QMetaType::Bool) {
                // "1"/"0" fit INTEGER flag columns (as on SQLite) and boolean ones.
                bytes = value.toBool() ? QByteArray("1") : QByteArray("0");
            } else if (value.typeId() == QMetaType::QDateTime) {
                bytes = value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8();
            } else if (value.typeId() == QMetaType::Double) {
                bytes = QByteArray::number(value.toDouble(), 'g', 17);
            } else {
                bytes = value.toString().toUtf8();
            }
            storage << bytes;
            values << (value.isNull() ? nullptr : storage.last().constData());
            lengths << int(storage.last().size());
            formats << format;
            types << type;
        }
    }
};

} // namespace

QStringList scrubEnvironment()
{
    QStringList names;
    for (char **entry = environ; entry && *entry; ++entry) {
        const char *text = *entry;
        if (std::strncmp(text, "PG", 2) != 0)
            continue;
        const char *eq = std::strchr(text, '=');
        names << QString::fromLocal8Bit(text, eq ? eq - text : qsizetype(std::strlen(text)));
    }
    for (const QString &name : std::as_const(names))
        qunsetenv(name.toLocal8Bit().constData());
    return names;
}

QString numberPlaceholders(const QString &sql, int *count)
{
    QString out;
    out.reserve(sql.size() + 16);
    int n = 0;
    QChar quote;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$') + QString::number(++n);
        } else {
            out += c;
        }
    }
    *count = quote.isNull() ? n : -1;
    return out;
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    PGconn *conn = connectionOf(db);
    if (!conn)
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1: the database is not open").arg(statementLabel(sql)));
    int count = 0;
    const QByteArray text = numberPlaceholders(sql, &count).toUtf8();
    if (count != values.size())
        return makeError(ErrorCode::Database, QStringLiteral("%1: %2 placeholders but %3 values")
                                                  .arg(statementLabel(sql))
                                                  .arg(count)
                                                  .arg(values.size()));
    const Parameters p(values);
    PGresult *result =
        PQexecParams(conn, text.constData(), int(values.size()), p.types.constData(),
                     p.values.constData(), p.lengths.constData(), p.formats.constData(), 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Error error = resultError(conn, result, statementLabel(sql));
        PQclear(result);
        return error;
    }
    return QSqlQuery(new PostgresResult(db.driver(), result, sql));
}

Result<QByteArray> command(const QSqlDatabase &db, const QString &sql)
{
    PGconn *conn = connectionOf(db);
    if (!conn)
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1: the database is not open").arg(statementLabel(sql)));
    PGresult *result = PQexec(conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Error error = resultError(conn, result, statementLabel(sql));
        PQclear(result);
        return error;
    }
    QByteArray tag(PQcmdStatus(result));
    PQclear(result);
    return tag;
}

Result<void> scan(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                  const RowVisitor &visit)
{
    PGconn *conn = connectionOf(db);
    if (!conn)
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1: the database is not open").arg(statementLabel(sql)));
    int count = 0;
    const QByteArray text = numberPlaceholders(sql, &count).toUtf8();
    if (count != values.size())
        return makeError(ErrorCode::Database, QStringLiteral("%1: %2 placeholders but %3 values")
                                                  .arg(statementLabel(sql))
                                                  .arg(count)
                                                  .arg(values.size()));
    const Parameters p(values);
    if (!PQsendQueryParams(conn, text.constData(), int(values.size()), p.types.constData(),
                           p.values.constData(), p.lengths.constData(), p.formats.constData(), 1) ||
        !PQsetSingleRowMode(conn))
        return resultError(conn, nullptr, statementLabel(sql));

    std::optional<Error> failure;
    bool stopped = false;
    QList<QByteArrayView> columns;
    QList<QByteArray> numbers;
    while (PGresult *result = PQgetResult(conn)) {
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_SINGLE_TUPLE && !stopped && !failure) {
            const int n = PQnfields(result);
            columns.resize(n);
            numbers.resize(n);
            for (int i = 0; i < n && !failure; ++i) {
                if (PQgetisnull(result, 0, i)) {
                    columns[i] = QByteArrayView();
                    continue;
                }
                const char *v = PQgetvalue(result, 0, i);
                const int length = PQgetlength(result, 0, i);
                auto big = [&](int bytes) {
                    qint64 x = 0;
                    for (int b = 0; b < bytes; ++b)
                        x = (x << 8) | quint8(v[b]);
                    if (bytes == 2)
                        x = qint16(x);
                    else if (bytes == 4)
                        x = qint32(x);
                    return x;
                };
                switch (PQftype(result, i)) {
                case kInt2:
                case kInt4:
                case kInt8:
                    numbers[i] = QByteArray::number(big(length));
                    columns[i] = numbers[i];
                    break;
                case kOid:
                    numbers[i] = QByteArray::number(quint32(big(4)));
                    columns[i] = numbers[i];
                    break;
                case kBool:
                    columns[i] = v[0] ? QByteArrayView("1") : QByteArrayView("0");
                    break;
                case kFloat8: {
                    quint64 bits = quint64(big(8));
                    double d = 0;
                    std::memcpy(&d, &bits, sizeof d);
                    numbers[i] = QByteArray::number(d, 'g', 17);
                    columns[i] = numbers[i];
                    break;
                }
                case kBytea:
                default:
                    // text, varchar, name and bytea are their bytes in binary format
                    columns[i] = QByteArrayView(v, length ? length : 0);
                    if (!length)
                        columns[i] = QByteArrayView("", 0);
                    break;
                }
            }
            if (!failure && !visit(columns)) {
                stopped = true;
                // Stop the server sending the rest; what is in flight is drained below.
                if (PGcancel *cancel = PQgetCancel(conn)) {
                    char buffer[256];
                    PQcancel(cancel, buffer, sizeof buffer);
                    PQfreeCancel(cancel);
                }
            }
        } else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && !stopped &&
                   !failure) {
            failure =
                resultError(conn, result, QStringLiteral("reading %1").arg(statementLabel(sql)));
        }
        PQclear(result);
    }
    if (failure)
        return *failure;
    return {};
}

bool connectionLost(const QSqlDatabase &db)
{
    PGconn *conn = connectionOf(db);
    return !conn || PQstatus(conn) == CONNECTION_BAD;
}

} // namespace clinicdesk::postgres
