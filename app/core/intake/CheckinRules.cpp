#include "intake/CheckinRules.h"

#include "intake/IntakeForm.h"

#include <cmath>

namespace clinicdesk {

std::optional<double> CheckinRules::bmi(double pounds, int feet, int inches)
{
    const int height = feet * 12 + inches;
    if (pounds <= 0 || height <= 0)
        return std::nullopt;
    return 703.0 * pounds / (double(height) * height);
}

std::optional<double> CheckinRules::bmi(const IntakeForm &form)
{
    if (!form.isAnswered(kWeight) || !form.isAnswered(kHeightFeet) ||
        !form.isAnswered(kHeightInches))
        return std::nullopt;
    const auto number = [&](const QString &linkId) {
        return form.answers(linkId).first().toVariant().toDouble();
    };
    return bmi(number(kWeight), int(number(kHeightFeet)), int(number(kHeightInches)));
}

int CheckinRules::providerDigits(double value)
{
    return int(std::floor(value));
}

QString CheckinRules::display(double value)
{
    return QString::number(std::floor(value * 10) / 10, 'f', 1);
}

QString CheckinRules::issue(const IntakeForm &form, const QString &linkId)
{
    if (linkId != kWeight || !form.questionnaire().item(kBmi))
        return {};
    const std::optional<double> value = bmi(form);
    if (!value || *value >= kMinimumBmi)
        return {};
    return tr("%1: the BMI is %2, and the provider accepts a check-in from a BMI of 19. Check the "
              "weight and height.")
        .arg(kBelowEligibility, display(*value));
}

} // namespace clinicdesk
