#include "domain/PatientNotice.h"

#include <QJsonObject>

namespace clinicdesk {

const QStringList &PatientNotice::templateKeys()
{
    static const QStringList keys = {QStringLiteral("prescription_written"),
                                     QStringLiteral("more_information_needed"),
                                     QStringLiteral("shipped"),
                                     QStringLiteral("delivered"),
                                     QStringLiteral("referred"),
                                     QStringLiteral("canceled"),
                                     QStringLiteral("lab_requisition_ready")};
    return keys;
}

const QStringList &PatientNotice::safePlaceholders()
{
    static const QStringList names = {QStringLiteral("clinic_name"), QStringLiteral("clinic_phone"),
                                      QStringLiteral("first_name"),  QStringLiteral("carrier"),
                                      QStringLiteral("tracking"),    QStringLiteral("date")};
    return names;
}

std::optional<PatientNotice> PatientNotice::forEvent(const VisitEvent &event, bool needsInfo)
{
    PatientNotice notice;
    switch (event.type) {
    case VisitEvent::Type::RxWritten:
        notice.templateKey = QStringLiteral("prescription_written");
        break;
    case VisitEvent::Type::DoctorChat:
        if (!needsInfo)
            return std::nullopt;
        notice.templateKey = QStringLiteral("more_information_needed");
        break;
    case VisitEvent::Type::ConsultConcluded:
        if (event.outcome != VisitEvent::Outcome::Referred)
            return std::nullopt; // a prescription is told by RX_WRITTEN
        notice.templateKey = QStringLiteral("referred");
        break;
    case VisitEvent::Type::ConsultCanceled:
        notice.templateKey = QStringLiteral("canceled");
        break;
    case VisitEvent::Type::PharmacyShipped: {
        notice.templateKey = QStringLiteral("shipped");
        const QJsonObject info = event.payload.value(QLatin1String("info")).toObject();
        // Short plain values only: a carrier's name and a tracking number.
        for (const char *field : {"carrier", "tracking"}) {
            const QString value = info.value(QLatin1String(field)).toString().left(64);
            notice.params.insert(QString::fromLatin1(field), value);
        }
        break;
    }
    case VisitEvent::Type::PharmacyDelivered:
        notice.templateKey = QStringLiteral("delivered");
        break;
    case VisitEvent::Type::LabRequisitionCreated:
        notice.templateKey = QStringLiteral("lab_requisition_ready");
        break;
    case VisitEvent::Type::CsMessage:
    case VisitEvent::Type::NameUpdate:
    case VisitEvent::Type::PharmacyInFulfillment:
    case VisitEvent::Type::LabShippedToPatient:
    case VisitEvent::Type::LabDeliveredToPatient:
    case VisitEvent::Type::LabShippedToLab:
    case VisitEvent::Type::LabReceivedByLab:
    case VisitEvent::Type::LabResults:
        return std::nullopt;
    }
    return notice;
}

} // namespace clinicdesk
