#include "visits/VisitLabs.h"

namespace clinicdesk {

QString VisitLabs::stepName(const QString &event)
{
    if (event == QLatin1String("LAB_ORDER_SHIPPED_TO_PATIENT"))
        return tr("Kit shipped to the patient");
    if (event == QLatin1String("LAB_ORDER_DELIVERED_TO_PATIENT"))
        return tr("Kit delivered to the patient");
    if (event == QLatin1String("LAB_ORDER_SHIPPED_TO_LAB"))
        return tr("Sample shipped to the lab");
    if (event == QLatin1String("LAB_ORDER_RECEIVED_BY_LAB"))
        return tr("Sample received by the lab");
    if (event == QLatin1String("LAB_ORDER_RESULTS"))
        return tr("Results ready: consult can be booked");
    if (event == QLatin1String("LAB_ORDER_REQUISITION_CREATED"))
        return tr("Requisition ready to print");
    return {};
}

std::optional<QString> VisitLabs::add(QList<VisitRecord::LabOrder> &labs, const QString &type,
                                      const QJsonObject &payload, const QDateTime &at)
{
    if (!type.startsWith(QLatin1String("LAB_ORDER_")))
        return std::nullopt;
    const QString step = stepName(type);
    const QString orderId = payload.value(QLatin1String("orderId")).toString();
    if (step.isEmpty() || orderId.isEmpty())
        return tr("Lab order event %1 (unreadable)").arg(type);
    auto it = std::find_if(labs.begin(), labs.end(),
                           [&](const VisitRecord::LabOrder &o) { return o.orderId == orderId; });
    if (it == labs.end()) {
        labs.append(VisitRecord::LabOrder{});
        it = labs.end() - 1;
        it->orderId = orderId;
    }
    VisitRecord::LabStep s;
    s.at = at;
    s.event = type;
    const QJsonObject info = payload.value(QLatin1String("info")).toObject();
    s.carrier = info.value(QLatin1String("carrier")).toString().trimmed();
    s.tracking = info.value(QLatin1String("tracking")).toString().trimmed();
    it->steps.append(s);
    if (type == QLatin1String("LAB_ORDER_RESULTS"))
        it->bookingLink = payload.value(QLatin1String("bookingLink")).toString();
    if (type == QLatin1String("LAB_ORDER_REQUISITION_CREATED")) {
        it->requisition = true;
        it->requisitionAt = at;
    }
    if (!s.carrier.isEmpty() || !s.tracking.isEmpty())
        return tr("Lab order %1: %2 (%3, tracking %4)").arg(orderId, step, s.carrier, s.tracking);
    return tr("Lab order %1: %2").arg(orderId, step);
}

} // namespace clinicdesk
