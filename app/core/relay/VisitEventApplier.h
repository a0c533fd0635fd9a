#pragma once

#include "base/Result.h"
#include "domain/VisitEvent.h"
#include "store/LocalStore.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace clinicdesk {

// Applies inbox events to the console's store, exactly once in effect (DESIGN, "Idempotent
// consumer"). For each event, in the same transaction:
//  - its processed_events record (a repeat is recognised there and changes nothing);
//  - for a known visit: a visit_events timeline entry (payload sealed) and the visit's status and
//    prescription state moved by VisitStateMachine (never backwards);
//  - for NAME_UPDATE: the patient's name as the provider now holds it (applyNameUpdate);
//  - for LAB_ORDER_*: the order's lab_orders row, with the requisition PDF sealed there (only);
//  - for an unknown masterId: a pending_events row, applied by applyPending() once the visit
//    exists;
//  - for a malformed event: a quarantined_events row with its reason (payload sealed).
class VisitEventApplier
{
public:
    enum class Outcome
    {
        Applied,
        Duplicate,
        Pending,
        Quarantined,
    };
    struct Report
    {
        int applied = 0;
        int duplicates = 0;
        int pending = 0;
        int quarantined = 0;
        QStringList changedVisits; // ids of visits whose timeline or state changed
    };

    explicit VisitEventApplier(LocalStore &store);

    // All events of one inbox reply in ONE transaction, on disk (fsync) when it returns: the
    // cursor is committed at the inbox next. Nothing is recorded if it fails.
    Result<Report> applyBatch(const QList<QJsonObject> &inboxEvents);
    // Moves pending events whose visit now exists onto its timeline and state.
    Result<Report> applyPending();

    static QString outcomeName(Outcome outcome);

private:
    class Statements;
    Result<Outcome> applyOne(Statements &statements, const QJsonObject &object, Report &report);
    struct CachedVisit;
    Result<void> applyToVisit(Statements &statements, const VisitEvent &event, CachedVisit &visit,
                              Report &report);
    Result<void> applyNameUpdate(const QString &patientId, QJsonObject &payload);

    LocalStore &m_store;
};

} // namespace clinicdesk
