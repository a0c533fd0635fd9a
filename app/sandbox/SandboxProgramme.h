#pragma once

#include "SandboxStore.h"

#include <QList>
#include <QString>

#include <optional>

namespace clinicdesk {

// A patient's GLP-1 weight-loss programme as the provider sees it: their weightloss and
// weightlossfollowup visits with one company (the createNoPay "company"), the most recent of
// them resolved (prescribed or referred) is the programme's current visit, and the
// weightlossCheckin visits created after it. Shared by the check-in's eligibility
// (SandboxCheckin) and the next-titration rule (SandboxTitrationRule).
class SandboxProgramme
{
public:
    static QString companyOf(const SandboxStore::Visit &visit);
    static bool isProgrammeVisit(const SandboxStore::Visit &visit); // weightloss(followup)
    static bool isCheckin(const SandboxStore::Visit &visit);
    static bool isResolved(const SandboxStore::Visit &visit);

    // The most recently resolved programme visit of `company` among `patientVisits`.
    static std::optional<SandboxStore::Visit>
    current(const QList<SandboxStore::Visit> &patientVisits, const QString &company);
    // Check-ins of `company` created at or after `fromMs`, oldest first.
    static QList<SandboxStore::Visit> checkinsSince(const QList<SandboxStore::Visit> &patientVisits,
                                                    const QString &company, qint64 fromMs);
};

} // namespace clinicdesk
