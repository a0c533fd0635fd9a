#include "SandboxUpdateVisitRule.h"

#include "SandboxClock.h"
#include "SandboxMedications.h"
#include "SandboxPharmacyDirectory.h"

namespace clinicdesk {
namespace {

SandboxCareDecision answer(const char *status, const QString &info)
{
    return {QString::fromLatin1(status), info, {}, {}};
}

QString patientState(const SandboxStore::Visit &v)
{
    return v.request.value(QLatin1String("formObj"))
        .toObject()
        .value(QLatin1String("state"))
        .toString();
}

} // namespace

SandboxCareDecision SandboxUpdateVisitRule::decide(const SandboxCareCase &c)
{
    const QJsonObject &b = c.body;
    QStringList bad;
    if (b.value(QLatin1String("masterId")).toString().trimmed().isEmpty())
        bad << QStringLiteral("masterId");
    const bool hasPreference = b.contains(QLatin1String("patientPreference"));
    const bool hasPharmacy = b.contains(QLatin1String("pharmacyId"));
    const QJsonArray preference = b.value(QLatin1String("patientPreference")).toArray();
    bool complete = !preference.isEmpty();
    for (const QJsonValue &item : preference)
        complete = complete && SandboxMedications::isComplete(item);
    if ((hasPreference && !complete) || (!hasPreference && !hasPharmacy))
        bad << QStringLiteral("patientPreference");
    const QString pharmacyId = b.value(QLatin1String("pharmacyId")).toString().trimmed();
    if (hasPharmacy && pharmacyId.isEmpty())
        bad << QStringLiteral("pharmacyId");
    if (!bad.isEmpty())
        return answer("GENERIC", QStringLiteral("Payload contains bad fields: ") +
                                     bad.join(QStringLiteral(", ")));
    if (!c.visit)
        return answer("NO_VISIT", QStringLiteral("Visit does not exist"));
    const SandboxStore::Visit &v = *c.visit;
    if (v.outcome == QLatin1String("referred"))
        return answer("VISIT_WAS_REFERRED",
                      QStringLiteral("Visit was referred; no prescription can be written for it"));
    if (v.visitStatus == QLatin1String("canceled"))
        return answer("GENERIC", QStringLiteral("Visit was canceled"));
    if (hasPharmacy) {
        const auto *pharmacy = SandboxPharmacyDirectory::find(pharmacyId);
        if (!pharmacy)
            return answer("PHARMACY_MISMATCH", QStringLiteral("Pharmacy not found"));
        if (pharmacy->state != patientState(v))
            return answer("PHARMACY_MISMATCH",
                          QStringLiteral("Pharmacy is not in the patient's state"));
    }
    const QString category = SandboxMedications::categoryOf(v.visitType);
    for (const QJsonValue &item : preference) {
        const QString medId = item.toObject().value(QLatin1String("medId")).toString();
        const auto *med = SandboxMedications::find(medId);
        if (!med)
            return answer("RX_ERROR", QStringLiteral("Medication not available: %1").arg(medId));
        if (med->category != category)
            return answer("CATEGORY_MISMATCH",
                          QStringLiteral("Medication %1 is not prescribed for %2 visits")
                              .arg(medId, v.visitType));
    }
    SandboxCareDecision done;
    done.pharmacyId =
        hasPharmacy ? pharmacyId : v.request.value(QLatin1String("pharmacyId")).toString();
    if (v.visitStatus != QLatin1String("resolved") || c.rx.isEmpty()) {
        done.status = QStringLiteral("VISIT_DATA_UPDATED");
        done.info = QStringLiteral("Visit updated; the clinician will review the new details");
        done.items = preference;
        return done;
    }
    if (v.rxChanges >= kMaxChanges)
        return answer("TOO_MANY_RETRIES",
                      QStringLiteral("Prescription already changed %1 times for this visit")
                          .arg(kMaxChanges));
    const SandboxStore::Rx &current = c.rx.last();
    if (SandboxClock::daysBetween(current.atMs, c.nowMs) > kMaxRxAgeDays)
        return answer(
            "TOO_LONG_AGO",
            QStringLiteral("Prescription was written more than %1 days ago").arg(kMaxRxAgeDays));
    QJsonArray items = preference;
    if (!hasPreference) {
        for (const QJsonValue &med : current.rx.value(QLatin1String("medsPrescribed")).toArray())
            items.append(med);
    }
    const int months = SandboxMedications::rxMonths(current.rx);
    const auto *titrated = SandboxMedications::titrated(current.rx);
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        if (SandboxMedications::months(o) != months)
            return answer("DURATION_MISMATCH",
                          QStringLiteral("Prescription length cannot change (%1 month(s) "
                                         "prescribed, %2 requested)")
                              .arg(months)
                              .arg(SandboxMedications::months(o)));
        const auto *med = SandboxMedications::find(o.value(QLatin1String("medId")).toString());
        if (med && !med->molecule.isEmpty() && (!titrated || titrated->medId != med->medId))
            return answer(
                "TITRATION_MISMATCH",
                QStringLiteral("Dose cannot change here (%1 prescribed, %2 requested); "
                               "request the next titration instead")
                    .arg(titrated ? titrated->medId : QStringLiteral("none"), med->medId));
    }
    done.status = QStringLiteral("NEW_RX_SENT");
    done.info = QStringLiteral("New prescription sent to the pharmacy");
    done.items = items;
    return done;
}

} // namespace clinicdesk
