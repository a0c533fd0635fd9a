#pragma once

#include "base/Result.h"
#include "intake/IntakeForm.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

class LocalStore;
class QuestionnaireLibrary;

// A weight-loss check-in started from the patient's programme visit (issue 15, item 1): the
// weightlossCheckin questionnaire with the patient's record and every answer of that visit whose
// question the check-in asks again (weight, height...) carried over, and the BMI computed from
// them, so staff only change what changed. Submitting goes through IntakeSubmission, which
// sends a check-in as one (BelugaAdapter::asCheckin: the titration and the BMI's digits).
class CheckinStart
{
    Q_DECLARE_TR_FUNCTIONS(CheckinStart)

public:
    struct Started
    {
        IntakeForm form;
        QString patientId;
        QStringList carried; // the linkIds carried over
    };

    static Result<Started> fromVisit(LocalStore &store, const QuestionnaireLibrary &library,
                                     const QString &programmeVisitId);
    // A stored QuestionnaireResponse's answers by linkId, as IntakeForm stores them (a Coding's
    // code, the value of the others).
    static QJsonObject answersOf(const QJsonObject &questionnaireResponse);
    // "Patient needs to submit a followup visit" (the provider's reply to a check-in): a
    // weightlossfollowup draft for the check-in's patient, owned by `byUser`, with the patient's
    // details and every check-in answer the follow-up asks too. Returns the draft id.
    static Result<QString> followupDraft(LocalStore &store, const QuestionnaireLibrary &library,
                                         const QString &checkinVisitId, const QString &byUser);
    // Sets the read-only BMI answer from the weight and height (removes it while they are not
    // all answered). True when it changed.
    static bool updateBmi(IntakeForm &form);
};

} // namespace clinicdesk
