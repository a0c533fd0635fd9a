#pragma once

#include "base/Result.h"
#include "domain/Patient.h"
#include "provider/ProviderRecords.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace clinicdesk {

class AuditLog;
class LocalStore;

// A patient the provider already knows, linked to a new local record (issue 15, item 6): when a
// phone typed in the intake matches no local patient, staff may ask the provider
// (GET /patient/externalFetch/{phone}); if they confirm the patient shown is theirs, the
// provider's demographics become a local patient and each of the provider's visits (masterIds)
// a local visit of that patient (Submitted, or Canceled when the provider canceled it; a status
// check then concludes resolved ones), with a PROVIDER_LINK entry on its timeline. Nothing is
// linked without that confirmation, and the lookup and the link are audited (ids and counts,
// never a name or a phone).
class ProviderPatientLink
{
    Q_DECLARE_TR_FUNCTIONS(ProviderPatientLink)

public:
    // event_type of the timeline entry a linked visit starts with.
    static constexpr const char *kEvent = "PROVIDER_LINK";

    enum class LookupOutcome
    {
        Found,
        NotFound,
        Unreachable,
    };
    struct Linked
    {
        QString patientId;
        QStringList visitIds;      // the local visits made, in the provider's order
        QStringList alreadyOnFile; // masterIds a local visit already had: left as they are
    };

    // The provider's demographics as a local Patient (no id yet).
    static Patient demographics(const ProviderPatient &provider);
    // Audits a lookup (a PHI view at the provider): its outcome and how many visits it listed.
    static void auditLookup(AuditLog &audit, const QString &byUser, LookupOutcome outcome,
                            int visits);
    // In one transaction: the patient saved (`patient`, normally demographics() as staff
    // confirmed it) and each provider visit not on file yet recorded for them. Audited as a
    // Create of the patient naming the provider's masterIds. Conflict when a local patient has
    // the phone by then (made meanwhile on another workstation).
    static Result<Linked> link(LocalStore &store, AuditLog &audit, const Patient &patient,
                               const ProviderPatient &provider, const QString &byUser);
    // What staff read for a lookup that found no one, or could not ask.
    static QString explain(LookupOutcome outcome);
    // The timeline line of a PROVIDER_LINK entry.
    static QString timelineLabel(const QJsonObject &payload);
};

} // namespace clinicdesk
