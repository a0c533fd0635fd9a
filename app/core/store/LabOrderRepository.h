#pragma once

#include "base/Result.h"
#include "domain/VisitEvent.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace clinicdesk {

class Database;
class FieldCipher;

// The `lab_orders` table (issue 14, lab orders): one row per provider lab order of a visit, moved
// by the relay in the transaction of each LAB_ORDER_* event (record), and the requisition PDF of
// LAB_ORDER_REQUISITION_CREATED, sealed (FieldCipher, table/row/column bound) and nowhere else.
// A redelivered event never reaches record() (the relay's processed-event record stops it); an
// order's row is unique, so even a second event id for the same requisition leaves one row with
// one PDF (the latest).
class LabOrderRepository
{
public:
    struct Row
    {
        QString id;
        QString visitId;
        QString orderId;
        QString lastEvent; // LAB_ORDER_… of the highest inbox cursor applied
        QString updatedAt;
        bool hasRequisition = false;
        QString requisitionAt;
    };

    LabOrderRepository(Database &db, const FieldCipher &cipher)
        : m_db(db)
        , m_cipher(cipher)
    {}

    // "<visitId>:<orderId>": the row id the requisition is sealed to.
    static QString rowId(const QString &visitId, const QString &orderId);

    // Applies one parsed LAB_ORDER_* event of a known visit (call inside the event's transaction).
    Result<void> record(const QString &visitId, const VisitEvent &event, const QString &now);
    // The visit's orders, oldest first.
    Result<QList<Row>> forVisit(const QString &visitId);
    // The opened requisition PDF (PHI: wipe it when done). NotFound when the order has none.
    Result<QByteArray> requisition(const QString &visitId, const QString &orderId);

private:
    Database &m_db;
    const FieldCipher &m_cipher;
};

} // namespace clinicdesk
