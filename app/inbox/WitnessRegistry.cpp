#include "WitnessRegistry.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace clinicdesk {
namespace {

constexpr double kMaxSeq = 9007199254740991.0; // 2^53 - 1: exact in JSON numbers

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isHeadHex(const QString &head)
{
    if (head.size() != 64)
        return false;
    for (QChar c : head) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace

WitnessRegistry::WitnessRegistry(Database &db)
    : m_db(db)
{}

bool WitnessRegistry::isStoreId(const QString &storeId)
{
    if (storeId.isEmpty() || storeId.size() > 100)
        return false;
    for (QChar c : storeId) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('-') &&
            c != QLatin1Char('_') && c != QLatin1Char('.') && c != QLatin1Char(':'))
            return false;
    }
    return true;
}

HttpResponse WitnessRegistry::post(const QString &consumer, const QByteArray &body, qint64 nowMs)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    const QString storeId = object.value(QLatin1String("store")).toString();
    const QJsonValue seqValue = object.value(QLatin1String("seq"));
    const QString head = object.value(QLatin1String("head")).toString();
    if (!document.isObject() || !isStoreId(storeId) || !seqValue.isDouble() ||
        seqValue.toDouble() < 1 || seqValue.toDouble() > kMaxSeq ||
        seqValue.toDouble() != double(qint64(seqValue.toDouble())) || !isHeadHex(head))
        return HttpResponse::error(400, "body must be {\\\"store\\\":ID,\\\"seq\\\":N,"
                                        "\\\"head\\\":HEX} with N >= 1 and 64 lower-case "
                                        "hex digits");
    const qint64 seq = qint64(seqValue.toDouble());
    int status = 200;
    QByteArray message;
    auto result = m_db.transaction([&]() -> Result<void> {
        auto row = m_db.exec(
            QStringLiteral("SELECT consumer, seq, head FROM witnesses WHERE store_id = ?"),
            {storeId});
        if (!row)
            return row.error();
        if (!row->next()) {
            row->finish();
            auto r = m_db.exec(QStringLiteral("INSERT INTO witnesses (store_id, consumer, seq, "
                                              "head, witnessed_at_ms) VALUES (?, ?, ?, ?, ?)"),
                               {storeId, consumer, seq, head, nowMs});
            return r ? Result<void>() : Result<void>(r.error());
        }
        const QString owner = row->value(0).toString();
        const qint64 witnessedSeq = row->value(1).toLongLong();
        const QString witnessedHead = row->value(2).toString();
        row->finish();
        if (owner != consumer) {
            status = 403;
            message = "this store is witnessed by another consumer";
        } else if (seq < witnessedSeq) {
            status = 409;
            message = "a later entry of this store is already witnessed";
        } else if (seq == witnessedSeq) {
            if (head != witnessedHead) {
                status = 409;
                message = "another head is already witnessed for this entry";
            }
        } else {
            auto r = m_db.exec(QStringLiteral("UPDATE witnesses SET seq = ?, head = ?, "
                                              "witnessed_at_ms = ? WHERE store_id = ?"),
                               {seq, head, nowMs, storeId});
            if (!r)
                return r.error();
        }
        return {};
    });
    if (!result) {
        qCWarning(lcInbox) << "recording a witness failed:" << result.error().message;
        return HttpResponse::error(503, "witness not recorded, retry later");
    }
    if (status != 200) {
        // The log says which store and which entry, never a hash.
        qCWarning(lcInbox) << "witness refused for store" << storeId << "entry" << seq << "consumer"
                           << consumer << "status" << status;
        return HttpResponse::error(status, message);
    }
    return HttpResponse::json(200, compact({{QStringLiteral("store"), storeId},
                                            {QStringLiteral("seq"), seq},
                                            {QStringLiteral("head"), head}}));
}

HttpResponse WitnessRegistry::get(const QString &consumer, const QString &storeId)
{
    if (!isStoreId(storeId))
        return HttpResponse::error(400, "store must be a store id");
    auto row = m_db.exec(QStringLiteral("SELECT consumer, seq, head, witnessed_at_ms FROM "
                                        "witnesses WHERE store_id = ?"),
                         {storeId});
    if (!row) {
        qCWarning(lcInbox) << "reading a witness failed:" << row.error().message;
        return HttpResponse::error(503, "witness unavailable, retry later");
    }
    // Another consumer's store is as unknown as a store never witnessed.
    if (!row->next() || row->value(0).toString() != consumer)
        return HttpResponse::error(404, "this store has no witnessed audit head");
    const QString at = TimeText::utcFromMs(row->value(3).toLongLong());
    return HttpResponse::json(200, compact({{QStringLiteral("store"), storeId},
                                            {QStringLiteral("seq"), row->value(1).toLongLong()},
                                            {QStringLiteral("head"), row->value(2).toString()},
                                            {QStringLiteral("witnessedAt"), at}}));
}

} // namespace clinicdesk
