#include "SandboxPharmacyRoutes.h"

#include "SandboxContext.h"
#include "SandboxPharmacyDirectory.h"
#include "SandboxValidation.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace clinicdesk {
namespace {

const QString kPharmacies = QStringLiteral("/external/pharmacies");

QString field(const QJsonObject &body, const char *key)
{
    return body.value(QLatin1String(key)).toString().trimmed();
}

} // namespace

bool SandboxPharmacyRoutes::owns(const QString &path) const
{
    return path == kPharmacies;
}

SandboxReply SandboxPharmacyRoutes::handle(const Call &call)
{
    if (!call.post())
        return SandboxReply::methodNotAllowed("POST");
    ++m_ctx.counters[QStringLiteral("pharmacySearches")];
    const QJsonObject &body = call.json;
    const QString state = field(body, "state").toUpper();
    const QString zip = field(body, "zip");
    if (!state.isEmpty() && !SandboxValidation::isUsState(state))
        return SandboxReply::providerError(QStringLiteral("State not valid"));
    static const QRegularExpression fiveDigits(QStringLiteral("^[0-9]{5}$"));
    if (!fiveDigits.match(zip).hasMatch())
        return SandboxReply::json(
            200, {{QStringLiteral("status"), 400},
                  {QStringLiteral("data"), QStringLiteral("Invalid search parameters")}});
    QJsonArray list;
    const auto found =
        SandboxPharmacyDirectory::search(field(body, "name"), field(body, "city"), state, zip);
    for (const SandboxPharmacyDirectory::Pharmacy &p : found)
        list.append(QJsonObject{{QStringLiteral("pharmacyId"), p.pharmacyId},
                                {QStringLiteral("name"), p.name},
                                {QStringLiteral("address"), p.address},
                                {QStringLiteral("city"), p.city},
                                {QStringLiteral("state"), p.state},
                                {QStringLiteral("zip"), p.zip},
                                {QStringLiteral("phone"), p.phone}});
    return SandboxReply::ok(list);
}

} // namespace clinicdesk
