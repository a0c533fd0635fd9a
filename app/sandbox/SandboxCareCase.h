#pragma once

#include "SandboxStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace clinicdesk {

// What the prescription rules (SandboxUpdateVisitRule, SandboxTitrationRule) decide on: the
// request, the visit it names with its prescriptions, every visit of that patient, and the
// sandbox clock's now. Gathered by SandboxCareRoutes; the rules themselves touch no state, so
// they are tested directly as well as through HTTP.
struct SandboxCareCase
{
    QJsonObject body;
    std::optional<SandboxStore::Visit> visit;
    QList<SandboxStore::Rx> rx; // the visit's, oldest first
    QList<SandboxStore::Visit> patientVisits;
    qint64 nowMs = 0;
};

// A rule's answer: the provider's status and info text; for NEW_RX_SENT the preference items to
// prescribe, for VISIT_DATA_UPDATED the request to store; the pharmacy they go to.
struct SandboxCareDecision
{
    QString status;
    QString info;
    QJsonArray items;
    QString pharmacyId;
};

} // namespace clinicdesk
