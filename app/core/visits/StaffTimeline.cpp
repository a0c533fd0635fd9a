#include "visits/StaffTimeline.h"

#include "provider/BelugaAdapter.h"
#include "visits/CareGuidance.h"
#include "visits/CareRequests.h"
#include "visits/NameCorrection.h"
#include "visits/ProviderPatientLink.h"

namespace clinicdesk {

QString StaffTimeline::label(const QString &eventType, const QJsonObject &payload)
{
    if (eventType == QLatin1String(NameCorrection::kEvent)) // with both names
        return NameCorrection::timelineLabel(payload, false);
    if (eventType == QLatin1String(ProviderPatientLink::kEvent))
        return ProviderPatientLink::timelineLabel(payload);
    const bool change =
        payload.value(QLatin1String("source")).toString() == QLatin1String("change");
    if (eventType == QLatin1String(CareRequests::kRequestEvent))
        return (change ? tr("Prescription change requested by %1; the console sends it until the "
                            "provider answers")
                       : tr("Next titration requested by %1; the console sends it until the "
                            "provider answers"))
            .arg(payload.value(QLatin1String("by")).toString());
    if (eventType == QLatin1String(CareRequests::kAnswerEvent)) {
        // The provider's answer as it came, worded for staff as the dialog words it.
        ProviderResult result;
        result.outcome = ProviderResult::Outcome::Ok;
        result.data =
            QJsonObject{{QStringLiteral("status"), payload.value(QLatin1String("status"))},
                        {QStringLiteral("info"), payload.value(QLatin1String("info"))}};
        const CareReply reply = BelugaAdapter::careReply(result);
        using Request = CareGuidance::Request;
        const QString message =
            CareGuidance::message(change ? Request::PrescriptionChange : Request::NextTitration,
                                  reply.status, reply.info);
        return change ? tr("Prescription change answered by the provider: %1").arg(message)
                      : tr("Next titration request answered by the provider: %1").arg(message);
    }
    return {};
}

} // namespace clinicdesk
