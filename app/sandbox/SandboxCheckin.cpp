#include "SandboxCheckin.h"

#include "SandboxClock.h"
#include "SandboxProgramme.h"

#include <QRegularExpression>

namespace clinicdesk {

const QString SandboxCheckin::kVisitType = QStringLiteral("weightlossCheckin");
const QString SandboxCheckin::kFollowupInfo =
    QStringLiteral("Patient needs to submit a followup visit");

bool SandboxCheckin::isCheckinField(const QString &key)
{
    return key == QLatin1String("titration") || key == QLatin1String("BMI");
}

QString SandboxCheckin::titration(const QJsonObject &formObj)
{
    const QString t = formObj.value(QLatin1String("titration")).toString();
    for (const char *allowed : {"Increase", "Decrease", "Stay the same"}) {
        if (t == QLatin1String(allowed))
            return t;
    }
    return {};
}

std::optional<int> SandboxCheckin::bmi(const QJsonObject &formObj)
{
    const QJsonValue v = formObj.value(QLatin1String("BMI"));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
    if (v.isString() && digits.match(v.toString()).hasMatch())
        return v.toString().toInt();
    if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 1000 &&
        v.toDouble() == double(v.toInt()))
        return v.toInt();
    return std::nullopt;
}

QString SandboxCheckin::fieldError(const QJsonObject &formObj)
{
    if (titration(formObj).isEmpty())
        return QStringLiteral("Titration details missing");
    const auto value = bmi(formObj);
    if (!value)
        return QStringLiteral("BMI malformed or missing");
    if (*value < kMinimumBmi)
        return QStringLiteral("BMI below eligibility level");
    return {};
}

QString SandboxCheckin::eligibilityError(const QList<SandboxStore::Visit> &patientVisits,
                                         const QString &company, qint64 nowMs)
{
    const QString notEligible = QStringLiteral("Patient not eligible for this visitType");
    bool anyOpen = false;
    for (const SandboxStore::Visit &v : patientVisits) {
        if (SandboxProgramme::isProgrammeVisit(v) && SandboxProgramme::companyOf(v) == company &&
            v.resolvedStatus == QLatin1String("open"))
            anyOpen = true;
    }
    const auto current = SandboxProgramme::current(patientVisits, company);
    if (!current)
        return anyOpen ? QStringLiteral("Patient has not resolved initial visit yet") : notEligible;
    if (current->outcome != QLatin1String("prescribed") ||
        SandboxClock::daysBetween(current->resolvedAtMs, nowMs) >= kProgrammeDays)
        return notEligible;
    return {};
}

bool SandboxCheckin::needsFollowup(const QJsonObject &formObj)
{
    const auto value = bmi(formObj);
    return titration(formObj) == QLatin1String("Decrease") || (value && *value < kFollowupBelowBmi);
}

} // namespace clinicdesk
