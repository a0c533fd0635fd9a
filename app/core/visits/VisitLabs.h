#pragma once

#include "visits/VisitRecord.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace clinicdesk {

// The lab orders of a visit as staff read them (issue 14): the LAB_ORDER_* timeline entries
// (their sealed payloads, the requisition PDF already taken out by the relay) turned into
// VisitRecord::LabOrder steps and staff-readable timeline labels.
class VisitLabs
{
    Q_DECLARE_TR_FUNCTIONS(VisitLabs)

public:
    // For a LAB_ORDER_* entry: adds its step to `labs` and returns the timeline label; nothing
    // for any other event type.
    static std::optional<QString> add(QList<VisitRecord::LabOrder> &labs, const QString &type,
                                      const QJsonObject &payload, const QDateTime &at);
    // "Kit shipped to the patient" and so on, for a LAB_ORDER_… name.
    static QString stepName(const QString &event);
};

} // namespace clinicdesk
