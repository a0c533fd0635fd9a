#pragma once

#include "base/Result.h"
#include "intake/Draft.h"
#include "intake/IntakeForm.h"

#include <QCoreApplication>

namespace clinicdesk {

class LocalStore;

// "Submit": the same validation the provider client runs before sending, then, in one
// transaction, the patient record (new, or the one the intake reused), a queued visit with its
// sealed formObj and QuestionnaireResponse, and the draft removed. The provider client sends
// queued visits; the visit's master id, made here, is its idempotency key.
class IntakeSubmission
{
    Q_DECLARE_TR_FUNCTIONS(IntakeSubmission)

public:
    struct Outcome
    {
        QString visitId;
        QString masterId;
        QString patientId;
        QJsonObject questionnaireResponse;
    };

    // `patientId`: an existing patient whose record the intake updates (empty: a new patient).
    static Result<Outcome> submit(LocalStore &store, const IntakeForm &form, const Draft &draft,
                                  const QString &byUser);
};

} // namespace clinicdesk
