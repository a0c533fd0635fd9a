#include "SandboxTitrationRule.h"

#include "SandboxCheckin.h"
#include "SandboxClock.h"
#include "SandboxMedications.h"
#include "SandboxPharmacyDirectory.h"
#include "SandboxProgramme.h"

namespace clinicdesk {
namespace {

SandboxCareDecision answer(const char *status, const QString &info)
{
    return {QString::fromLatin1(status), info, {}, {}};
}

// Where the latest check-in since `fromMs` wants the dose to go: +1, 0, -1, or nullopt.
std::optional<int> checkinStep(const QList<SandboxStore::Visit> &checkins)
{
    if (checkins.isEmpty())
        return std::nullopt;
    const QString t = SandboxCheckin::titration(
        checkins.last().request.value(QLatin1String("formObj")).toObject());
    if (t == QLatin1String("Increase"))
        return 1;
    if (t == QLatin1String("Decrease"))
        return -1;
    return 0;
}

} // namespace

SandboxCareDecision SandboxTitrationRule::decide(const SandboxCareCase &c)
{
    const QJsonObject &b = c.body;
    QStringList bad;
    if (b.value(QLatin1String("masterId")).toString().trimmed().isEmpty())
        bad << QStringLiteral("masterId");
    const QJsonArray items = b.value(QLatin1String("patientPreference")).toArray();
    bool complete = !items.isEmpty();
    for (const QJsonValue &item : items)
        complete = complete && SandboxMedications::isComplete(item);
    if (!complete)
        bad << QStringLiteral("patientPreference");
    const QString pharmacyId = b.value(QLatin1String("pharmacyId")).toString().trimmed();
    if (pharmacyId.isEmpty())
        bad << QStringLiteral("pharmacyId");
    if (!bad.isEmpty())
        return answer("GENERIC", QStringLiteral("Payload contains bad fields: ") +
                                     bad.join(QStringLiteral(", ")));
    if (items.size() > 1)
        return answer("TOO_MANY_ITEMS",
                      QStringLiteral("Exactly one medication can be requested, %1 were sent")
                          .arg(items.size()));
    if (!c.visit)
        return answer("VISIT_MISMATCH", QStringLiteral("Visit does not exist"));
    const SandboxStore::Visit &v = *c.visit;
    if (v.visitStatus == QLatin1String("canceled"))
        return answer("VISIT_MISMATCH", QStringLiteral("Visit was canceled"));
    if (!SandboxProgramme::isResolved(v))
        return answer("NOT_RESOLVED", QStringLiteral("Visit has not been resolved yet"));
    if (!SandboxProgramme::isProgrammeVisit(v))
        return answer("VISIT_MISMATCH",
                      QStringLiteral("Not a weightloss or weightlossfollowup visit"));
    const QString company = SandboxProgramme::companyOf(v);
    const auto current = SandboxProgramme::current(c.patientVisits, company);
    if (!current || current->masterId != v.masterId)
        return answer("VISIT_MISMATCH",
                      QStringLiteral("Not the patient's most recent resolved weightloss visit "
                                     "with this company"));
    if (v.outcome != QLatin1String("prescribed") || c.rx.isEmpty())
        return answer("VISIT_MISMATCH", QStringLiteral("Visit was not prescribed"));

    int months = 0;
    for (const SandboxStore::Rx &rx : c.rx)
        months += SandboxMedications::rxMonths(rx.rx);
    if (months >= kMaxMonths)
        return answer("MAX_MONTHS_REACHED",
                      QStringLiteral("The programme already had %1 months of medication (at most "
                                     "%2)")
                          .arg(months)
                          .arg(kMaxMonths));
    const int sinceResolved = SandboxClock::daysBetween(v.resolvedAtMs, c.nowMs);
    if (sinceResolved >= kProgrammeDays)
        return answer("TOO_LONG_AGO",
                      QStringLiteral("Visit was resolved %1 days ago (%2 at most); a new visit "
                                     "is needed")
                          .arg(sinceResolved)
                          .arg(kProgrammeDays - 1));
    const QList<SandboxStore::Visit> checkins =
        SandboxProgramme::checkinsSince(c.patientVisits, company, v.resolvedAtMs);
    if (sinceResolved >= kCheckinDueDays) {
        bool checkedIn = false;
        for (const SandboxStore::Visit &checkin : checkins)
            checkedIn =
                checkedIn || SandboxClock::daysBetween(v.resolvedAtMs, checkin.createdAtMs) >=
                                 kCheckinCountsFromDays;
        if (!checkedIn)
            return answer("NEEDS_CHECKIN",
                          QStringLiteral("Visit was resolved %1 days ago; the patient needs a "
                                         "check-in first")
                              .arg(sinceResolved));
    }
    for (const SandboxStore::Visit &checkin : checkins) {
        if (SandboxCheckin::needsFollowup(
                checkin.request.value(QLatin1String("formObj")).toObject()))
            return answer("FOLLOWUP_REQUIRED",
                          QStringLiteral("A check-in asked for a followup visit; the patient "
                                         "needs one before the next titration"));
    }
    const QJsonObject item = items.first().toObject();
    const QString medId = item.value(QLatin1String("medId")).toString();
    const auto *med = SandboxMedications::find(medId);
    if (med && med->category != QLatin1String("weightloss"))
        return answer("CATEGORY_MISMATCH",
                      QStringLiteral("Medication %1 is not a weight-loss medication").arg(medId));
    if (!SandboxPharmacyDirectory::find(pharmacyId))
        return answer("PHARMACY_MISMATCH", QStringLiteral("Pharmacy not found"));
    const QString visitPharmacy = v.request.value(QLatin1String("pharmacyId")).toString();
    if (!visitPharmacy.isEmpty() && visitPharmacy != pharmacyId)
        return answer("PHARMACY_MISMATCH",
                      QStringLiteral("Pharmacy differs from the visit's pharmacy; change it with "
                                     "updateVisit first"));
    const SandboxStore::Rx &previous = c.rx.last();
    const int previousMonths = SandboxMedications::rxMonths(previous.rx);
    const int sinceRx = SandboxClock::daysBetween(previous.atMs, c.nowMs);
    const int from = previousMonths == 3 ? 60 : 15;
    const int to = previousMonths == 3 ? 120 : 60;
    if (sinceRx < from || sinceRx > to)
        return answer("RX_TIME_OUT_OF_RANGE",
                      QStringLiteral("The previous %1-month prescription was written %2 days "
                                     "ago; the next one can be requested %3 to %4 days after it")
                          .arg(previousMonths)
                          .arg(sinceRx)
                          .arg(from)
                          .arg(to));
    const auto *titrated = SandboxMedications::titrated(previous.rx);
    if (!med)
        return answer("RX_ERROR", QStringLiteral("Medication not available: %1").arg(medId));
    if (!titrated)
        return answer("RX_ERROR", QStringLiteral("No GLP-1 prescription on this visit to "
                                                 "titrate from"));
    const int step = med->step - titrated->step;
    const std::optional<int> wanted =
        checkinStep(SandboxProgramme::checkinsSince(c.patientVisits, company, previous.atMs));
    if (med->molecule != titrated->molecule || step < -1 || step > 1 || (wanted && step != *wanted))
        return answer(
            "TITRATION_MISMATCH",
            QStringLiteral("%1 does not follow the titration from %2%3")
                .arg(medId, titrated->medId,
                     wanted ? QStringLiteral(" as the latest check-in asked") : QString()));
    SandboxCareDecision done;
    done.status = QStringLiteral("NEW_RX_SENT");
    done.info = QStringLiteral("Next titration prescription sent to the pharmacy");
    done.items = items;
    done.pharmacyId = pharmacyId;
    return done;
}

} // namespace clinicdesk
