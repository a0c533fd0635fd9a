#pragma once

#include "base/Result.h"
#include "domain/Patient.h"
#include "intake/IntakeForm.h"

#include <QCoreApplication>
#include <QList>

namespace clinicdesk {

class AuditLog;
class LocalStore;

// Fix and resubmit a visit the provider refused (status Rejected, its reason naming the fields,
// e.g. "State not valid"): staff correct the demographics, which are checked with the intake's
// own rules (IntakeForm with the patient questionnaire, BelugaAdapter's provider rules); then,
// in one transaction, the patient record is updated (blind index included), the visit's sealed
// createNoPay body gets the corrected fields, and the outbox queues it again with the same
// masterId (Outbox::resubmit), so the provider creates it exactly once. Audited.
class VisitCorrection
{
    Q_DECLARE_TR_FUNCTIONS(VisitCorrection)

public:
    // The demographics to correct: the patient record behind the visit.
    static Result<Patient> demographics(LocalStore &store, const QString &visitId);
    // Problems with corrected demographics, per intake linkId (IntakeForm::kState...).
    static QList<IntakeIssue> validate(const Patient &corrected);
    // Validates, stores and queues again. InvalidInput (with every problem in the message) when
    // validation fails; Conflict when the visit is not Rejected.
    static Result<void> resubmit(LocalStore &store, AuditLog &audit, const QString &visitId,
                                 const Patient &corrected, const QString &byUser);
};

} // namespace clinicdesk
