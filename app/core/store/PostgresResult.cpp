#include "store/PostgresResult.h"

#include <QSqlField>

#include "store/PostgresTypes.h"

#include <libpq-fe.h>

namespace clinicdesk {
namespace {

using namespace pgtype;

QMetaType metaTypeFor(Oid type)
{
    switch (type) {
    case kBool:
        return QMetaType::fromType<bool>();
    case kBytea:
        return QMetaType::fromType<QByteArray>();
    case kInt8:
        return QMetaType::fromType<qlonglong>();
    case kInt2:
    case kInt4:
        return QMetaType::fromType<int>();
    case kOid:
        return QMetaType::fromType<uint>();
    case kFloat4:
    case kFloat8:
    case kNumeric:
        return QMetaType::fromType<double>();
    default:
        return QMetaType::fromType<QString>();
    }
}

} // namespace

PostgresResult::PostgresResult(const QSqlDriver *driver, PGresult *result, const QString &sql)
    : QSqlResult(driver)
    , m_result(result)
{
    setQuery(sql);
    const bool rows = PQresultStatus(result) == PGRES_TUPLES_OK;
    setSelect(rows);
    setActive(true);
    setAt(QSql::BeforeFirstRow);
    m_rows = rows ? PQntuples(result) : 0;
    m_affected = QByteArray(PQcmdTuples(result)).toInt();
    const int columns = PQnfields(result);
    for (int i = 0; i < columns; ++i) {
        const QMetaType type = metaTypeFor(PQftype(result, i));
        m_types << type;
        m_record.append(QSqlField(QString::fromUtf8(PQfname(result, i)), type));
    }
}

PostgresResult::~PostgresResult()
{
    PQclear(m_result);
}

QVariant PostgresResult::data(int i)
{
    const int row = at();
    if (!m_result || row < 0 || row >= m_rows || i < 0 || i >= m_types.size())
        return {};
    const QMetaType type = m_types.at(i);
    if (PQgetisnull(m_result, row, i))
        return QVariant(type);
    const char *text = PQgetvalue(m_result, row, i);
    const int length = PQgetlength(m_result, row, i);
    switch (PQftype(m_result, i)) {
    case kBool:
        return QVariant(text[0] == 't');
    case kBytea: {
        size_t size = 0;
        unsigned char *bytes =
            PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &size);
        if (!bytes)
            return QVariant(type);
        QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(size));
        PQfreemem(bytes);
        return out;
    }
    case kInt8:
        return QByteArray::fromRawData(text, length).toLongLong();
    case kInt2:
    case kInt4:
        return QByteArray::fromRawData(text, length).toInt();
    case kOid:
        return QByteArray::fromRawData(text, length).toUInt();
    case kFloat4:
    case kFloat8:
    case kNumeric:
        return QByteArray::fromRawData(text, length).toDouble();
    default:
        return QString::fromUtf8(text, length);
    }
}

bool PostgresResult::isNull(int i)
{
    const int row = at();
    return !m_result || row < 0 || row >= m_rows || PQgetisnull(m_result, row, i);
}

bool PostgresResult::reset(const QString &)
{
    return false; // results come from Database::exec only
}

bool PostgresResult::fetch(int i)
{
    if (!isActive() || i < 0 || i >= m_rows)
        return false;
    setAt(i);
    return true;
}

bool PostgresResult::fetchFirst()
{
    return fetch(0);
}

bool PostgresResult::fetchLast()
{
    return fetch(m_rows - 1);
}

int PostgresResult::size()
{
    return isSelect() ? m_rows : -1;
}

int PostgresResult::numRowsAffected()
{
    return m_affected;
}

QSqlRecord PostgresResult::record() const
{
    return m_record;
}

void PostgresResult::detachFromResultSet()
{
    // QSqlQuery::finish(): the rows are no longer needed.
    PQclear(m_result);
    m_result = nullptr;
    m_rows = 0;
}

} // namespace clinicdesk
