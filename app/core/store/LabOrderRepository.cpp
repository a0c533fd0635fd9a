#include "store/LabOrderRepository.h"

#include "crypto/FieldCipher.h"
#include "store/Database.h"

#include <QSqlQuery>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("lab_orders");
const QString kRequisition = QStringLiteral("requisition");

} // namespace

QString LabOrderRepository::rowId(const QString &visitId, const QString &orderId)
{
    return visitId + QLatin1Char(':') + orderId;
}

Result<void> LabOrderRepository::record(const QString &visitId, const VisitEvent &event,
                                        const QString &now)
{
    if (!event.isLab() || event.orderId.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not a lab order event"));
    const QString id = rowId(visitId, event.orderId);
    // Portable upsert (SQLite 3.24+, PostgreSQL 9.5+): the step of the latest event wins,
    // whatever order the events are applied in.
    auto r = m_db.exec(
        QStringLiteral("INSERT INTO lab_orders (id, visit_id, order_id, last_event, last_cursor, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "last_event = CASE WHEN excluded.last_cursor >= lab_orders.last_cursor "
                       "THEN excluded.last_event ELSE lab_orders.last_event END, "
                       "last_cursor = CASE WHEN excluded.last_cursor >= lab_orders.last_cursor "
                       "THEN excluded.last_cursor ELSE lab_orders.last_cursor END, "
                       "updated_at = excluded.updated_at"),
        {id, visitId, event.orderId, event.typeName(), event.cursor, now});
    if (!r)
        return r.error();
    if (event.type != VisitEvent::Type::LabRequisitionCreated)
        return {};
    auto sealed = m_cipher.seal(kTable, id, kRequisition, event.labPdf);
    if (!sealed)
        return sealed.error();
    auto u = m_db.exec(
        QStringLiteral("UPDATE lab_orders SET requisition = ?, requisition_event = "
                       "?, requisition_at = ? WHERE id = ?"),
        {sealed.value(), event.key(), event.receivedAt.isEmpty() ? now : event.receivedAt, id});
    if (!u)
        return u.error();
    return {};
}

Result<QList<LabOrderRepository::Row>> LabOrderRepository::forVisit(const QString &visitId)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT id, order_id, last_event, updated_at, requisition_at, "
                                 "requisition IS NOT NULL FROM lab_orders WHERE visit_id = ? "
                                 "ORDER BY last_cursor, id"),
                  {visitId});
    if (!q)
        return q.error();
    QList<Row> out;
    while (q->next()) {
        Row row;
        row.id = q->value(0).toString();
        row.visitId = visitId;
        row.orderId = q->value(1).toString();
        row.lastEvent = q->value(2).toString();
        row.updatedAt = q->value(3).toString();
        row.requisitionAt = q->value(4).toString();
        row.hasRequisition = q->value(5).toBool();
        out.append(row);
    }
    return out;
}

Result<QByteArray> LabOrderRepository::requisition(const QString &visitId, const QString &orderId)
{
    const QString id = rowId(visitId, orderId);
    auto q = m_db.exec(QStringLiteral("SELECT requisition FROM lab_orders WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return makeError(ErrorCode::NotFound, QStringLiteral("this lab order has no requisition"));
    return m_cipher.open(kTable, id, kRequisition, q->value(0).toByteArray());
}

} // namespace clinicdesk
