#pragma once

#include "SandboxStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace clinicdesk {

// The weightlossCheckin visit (createNoPay with visitType "weightlossCheckin"): no
// patientPreference, formObj.titration (Increase | Decrease | Stay the same) and formObj.BMI
// (digits). Field errors first, with the provider's texts: "Titration details missing" (absent or
// not one of the three), "BMI malformed or missing", "BMI below eligibility level" (below 19).
// Then eligibility, from the patient's visits with the same company:
//   - no weightloss/weightlossfollowup visit at all, or none resolved and none open, or the
//     programme's current visit was referred, or resolved 180 days ago or more:
//     "Patient not eligible for this visitType";
//   - programme visits exist but none is resolved yet: "Patient has not resolved initial visit
//     yet";
//   - an open check-in already: "Patient not eligible for new visit" (as for every visit type).
// A check-in that asks to decrease the dose (side effects) or reports a BMI under 25 (the
// programme's goal is reached) is accepted with "info": "Patient needs to submit a followup
// visit": a clinician must see a weightlossfollowup visit before the next titration
// (nextTitration answers FOLLOWUP_REQUIRED until then).
class SandboxCheckin
{
public:
    static const QString kVisitType;    // "weightlossCheckin"
    static const QString kFollowupInfo; // "Patient needs to submit a followup visit"
    static constexpr int kMinimumBmi = 19;
    static constexpr int kFollowupBelowBmi = 25;
    static constexpr int kProgrammeDays = 180;

    static bool isCheckinField(const QString &formObjKey); // titration, BMI
    static QString fieldError(const QJsonObject &formObj);
    static QString titration(const QJsonObject &formObj);
    static std::optional<int> bmi(const QJsonObject &formObj);
    static QString eligibilityError(const QList<SandboxStore::Visit> &patientVisits,
                                    const QString &company, qint64 nowMs);
    static bool needsFollowup(const QJsonObject &formObj);
};

} // namespace clinicdesk
