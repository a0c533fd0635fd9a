#include "SandboxProgramme.h"

#include "SandboxCheckin.h"

namespace clinicdesk {

QString SandboxProgramme::companyOf(const SandboxStore::Visit &visit)
{
    return visit.request.value(QLatin1String("company")).toString().trimmed();
}

bool SandboxProgramme::isProgrammeVisit(const SandboxStore::Visit &visit)
{
    return visit.visitType == QLatin1String("weightloss") ||
           visit.visitType == QLatin1String("weightlossfollowup");
}

bool SandboxProgramme::isCheckin(const SandboxStore::Visit &visit)
{
    return visit.visitType == SandboxCheckin::kVisitType;
}

bool SandboxProgramme::isResolved(const SandboxStore::Visit &visit)
{
    return visit.visitStatus == QLatin1String("resolved");
}

std::optional<SandboxStore::Visit>
SandboxProgramme::current(const QList<SandboxStore::Visit> &patientVisits, const QString &company)
{
    std::optional<SandboxStore::Visit> latest;
    for (const SandboxStore::Visit &v : patientVisits) {
        if (!isProgrammeVisit(v) || !isResolved(v) || companyOf(v) != company)
            continue;
        if (!latest || v.resolvedAtMs > latest->resolvedAtMs)
            latest = v;
    }
    return latest;
}

QList<SandboxStore::Visit>
SandboxProgramme::checkinsSince(const QList<SandboxStore::Visit> &patientVisits,
                                const QString &company, qint64 fromMs)
{
    QList<SandboxStore::Visit> found;
    for (const SandboxStore::Visit &v : patientVisits) {
        if (isCheckin(v) && companyOf(v) == company && v.createdAtMs >= fromMs)
            found << v;
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.createdAtMs < b.createdAtMs; });
    return found;
}

} // namespace clinicdesk
