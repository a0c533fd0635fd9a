#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace clinicdesk {

class IntakeForm;

// The weight-loss check-in's own rule (issue 15, item 1; shared/DESIGN.md "Check-in visit"): the
// provider takes the patient's BMI as digits and refuses a check-in below 19 with "BMI below
// eligibility level". The console computes the BMI from the weight (lb) and height (ft, in) the
// check-in asks, shows it, and refuses the same check-in before it is submitted, with the
// provider's reason, so staff never meet the refusal after sending.
//
// The digits sent are the BMI rounded down, so the digits pass exactly when the BMI does
// (floor(bmi) >= 19 <=> bmi >= 19): an 18.9 is refused here and never sent as "19".
class CheckinRules
{
    Q_DECLARE_TR_FUNCTIONS(CheckinRules)

public:
    static inline const QString kWeight = QStringLiteral("weight");
    static inline const QString kHeightFeet = QStringLiteral("height.ft");
    static inline const QString kHeightInches = QStringLiteral("height.in");
    static inline const QString kBmi = QStringLiteral("bmi");
    static inline const QString kTitration = QStringLiteral("titration");
    static constexpr double kMinimumBmi = 19.0;
    // The provider's refusal, word for word.
    static inline const QString kBelowEligibility = QStringLiteral("BMI below eligibility level");

    // 703 x lb / in^2; nothing until weight and height are answered (and the height is not 0).
    static std::optional<double> bmi(double pounds, int feet, int inches);
    static std::optional<double> bmi(const IntakeForm &form);
    // What the provider receives: the BMI's digits, rounded down.
    static int providerDigits(double bmi);
    // One decimal, for the read-only BMI item.
    static QString display(double bmi);

    // The rule for one check-in answer: on the weight (the BMI item is read-only, computed),
    // the provider's reason when the BMI is below 19; empty otherwise, and for any form without
    // a BMI item.
    static QString issue(const IntakeForm &form, const QString &linkId);
};

} // namespace clinicdesk
