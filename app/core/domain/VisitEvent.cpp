#include "domain/VisitEvent.h"

#include "base/WebhookId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <array>
#include <utility>

namespace clinicdesk {
namespace {

constexpr qsizetype kMaxIdLength = 200;

const std::array<std::pair<VisitEvent::Type, const char *>, 15> kTypeNames = {{
    {VisitEvent::Type::RxWritten, "RX_WRITTEN"},
    {VisitEvent::Type::ConsultConcluded, "CONSULT_CONCLUDED"},
    {VisitEvent::Type::ConsultCanceled, "CONSULT_CANCELED"},
    {VisitEvent::Type::DoctorChat, "DOCTOR_CHAT"},
    {VisitEvent::Type::CsMessage, "CS_MESSAGE"},
    {VisitEvent::Type::NameUpdate, "NAME_UPDATE"},
    {VisitEvent::Type::PharmacyInFulfillment, "PHARMACY_ORDER_IN_FULFILLMENT"},
    {VisitEvent::Type::PharmacyShipped, "PHARMACY_ORDER_SHIPPED"},
    {VisitEvent::Type::PharmacyDelivered, "PHARMACY_ORDER_DELIVERED"},
    {VisitEvent::Type::LabShippedToPatient, "LAB_ORDER_SHIPPED_TO_PATIENT"},
    {VisitEvent::Type::LabDeliveredToPatient, "LAB_ORDER_DELIVERED_TO_PATIENT"},
    {VisitEvent::Type::LabShippedToLab, "LAB_ORDER_SHIPPED_TO_LAB"},
    {VisitEvent::Type::LabReceivedByLab, "LAB_ORDER_RECEIVED_BY_LAB"},
    {VisitEvent::Type::LabResults, "LAB_ORDER_RESULTS"},
    {VisitEvent::Type::LabRequisitionCreated, "LAB_ORDER_REQUISITION_CREATED"},
}};

Error invalid(const QString &reason)
{
    return makeError(ErrorCode::InvalidInput, reason);
}

bool isPlainId(const QString &value)
{
    if (value.isEmpty() || value.size() > kMaxIdLength)
        return false;
    for (QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// A short printable string, or absent (`optional`).
bool isShortText(const QJsonValue &value, bool optional)
{
    if (value.isUndefined() || value.isNull())
        return optional;
    return value.isString() && value.toString().size() <= kMaxIdLength;
}

// The LAB_ORDER_* fields (DESIGN, "More webhook events"); reasons name fields, never values.
Result<void> checkLab(VisitEvent &event)
{
    using Type = VisitEvent::Type;
    const QJsonObject &payload = event.payload;
    const QJsonValue orderId = payload.value(QLatin1String("orderId"));
    if (!orderId.isString() || !isPlainId(orderId.toString()))
        return invalid(QStringLiteral("lab event orderId is missing or not a printable id"));
    event.orderId = orderId.toString();
    const QJsonValue info = payload.value(QLatin1String("info"));
    const bool shipped =
        event.type == Type::LabShippedToPatient || event.type == Type::LabShippedToLab;
    if (shipped && !info.isObject())
        return invalid(QStringLiteral("lab shipment needs an info object"));
    if (!info.isUndefined() && !info.isNull()) {
        if (!info.isObject())
            return invalid(QStringLiteral("lab event info is not an object"));
        const QJsonObject o = info.toObject();
        if (!isShortText(o.value(QLatin1String("carrier")), !shipped) ||
            !isShortText(o.value(QLatin1String("tracking")), !shipped))
            return invalid(QStringLiteral("lab event info.carrier or info.tracking is missing or "
                                          "not a short string"));
    }
    if (event.type == Type::LabResults) {
        const QJsonValue link = payload.value(QLatin1String("bookingLink"));
        const QUrl url(link.toString(), QUrl::StrictMode);
        if (!link.isString() || link.toString().size() > 2000 || !url.isValid() ||
            url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return invalid(QStringLiteral("LAB_ORDER_RESULTS bookingLink is missing or not an "
                                          "http(s) URL"));
    }
    if (event.type == Type::LabRequisitionCreated) {
        const QJsonValue pdf = payload.value(QLatin1String("labReqPdf"));
        if (!pdf.isString())
            return invalid(QStringLiteral("LAB_ORDER_REQUISITION_CREATED labReqPdf is missing or "
                                          "not a string"));
        const QByteArray text = pdf.toString().toLatin1();
        if (text.size() > VisitEvent::kMaxLabPdfBytes * 4 / 3 + 4)
            return invalid(QStringLiteral("LAB_ORDER_REQUISITION_CREATED labReqPdf is too large"));
        auto decoded =
            QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return invalid(QStringLiteral("LAB_ORDER_REQUISITION_CREATED labReqPdf is not base64"));
        if (!decoded.decoded.startsWith("%PDF-"))
            return invalid(QStringLiteral("LAB_ORDER_REQUISITION_CREATED labReqPdf is not a PDF"));
        event.labPdf = std::move(decoded.decoded);
    }
    return {};
}

} // namespace

bool VisitEvent::isLab(Type type)
{
    switch (type) {
    case Type::LabShippedToPatient:
    case Type::LabDeliveredToPatient:
    case Type::LabShippedToLab:
    case Type::LabReceivedByLab:
    case Type::LabResults:
    case Type::LabRequisitionCreated:
        return true;
    default:
        return false;
    }
}

QString VisitEvent::typeName(Type type)
{
    for (const auto &[value, name] : kTypeNames) {
        if (value == type)
            return QString::fromLatin1(name);
    }
    return QString();
}

Result<QJsonObject> VisitEvent::parseBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("body is not JSON (%1 at offset %2)")
                           .arg(error.errorString())
                           .arg(error.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("body is not a JSON object"));
    return document.object();
}

Result<VisitEvent> VisitEvent::fromPayload(const QJsonObject &payload)
{
    VisitEvent event;
    event.payload = payload;
    const QJsonValue masterId = payload.value(QLatin1String("masterId"));
    if (!masterId.isString() || !isPlainId(masterId.toString()))
        return invalid(QStringLiteral("masterId is missing or not a printable id"));
    event.masterId = masterId.toString();
    const QJsonValue name = payload.value(QLatin1String("event"));
    if (!name.isString())
        return invalid(QStringLiteral("event is missing or not a string"));
    bool known = false;
    for (const auto &[value, text] : kTypeNames) {
        if (name.toString() == QLatin1String(text)) {
            event.type = value;
            known = true;
        }
    }
    if (!known)
        return invalid(QStringLiteral("unknown event type"));

    switch (event.type) {
    case Type::ConsultConcluded: {
        const QString outcome = payload.value(QLatin1String("visitOutcome")).toString();
        if (outcome == QLatin1String("prescribed"))
            event.outcome = Outcome::Prescribed;
        else if (outcome == QLatin1String("referred"))
            event.outcome = Outcome::Referred;
        else
            return invalid(QStringLiteral("CONSULT_CONCLUDED needs visitOutcome prescribed or "
                                          "referred"));
        break;
    }
    case Type::RxWritten: {
        const QJsonValue meds = payload.value(QLatin1String("medsPrescribed"));
        if (!meds.isUndefined() && !meds.isArray())
            return invalid(QStringLiteral("RX_WRITTEN medsPrescribed is not an array"));
        break;
    }
    case Type::DoctorChat:
        if (!payload.value(QLatin1String("content")).isString())
            return invalid(QStringLiteral("DOCTOR_CHAT needs a content string"));
        break;
    case Type::PharmacyInFulfillment:
    case Type::PharmacyShipped:
    case Type::PharmacyDelivered: {
        const QJsonValue info = payload.value(QLatin1String("info"));
        if (!info.isUndefined() && !info.isObject())
            return invalid(QStringLiteral("pharmacy event info is not an object"));
        break;
    }
    case Type::LabShippedToPatient:
    case Type::LabDeliveredToPatient:
    case Type::LabShippedToLab:
    case Type::LabReceivedByLab:
    case Type::LabResults:
    case Type::LabRequisitionCreated:
        if (auto r = checkLab(event); !r)
            return r.error();
        break;
    case Type::ConsultCanceled:
    case Type::CsMessage:
    case Type::NameUpdate:
        break;
    }
    return event;
}

Result<VisitEvent> VisitEvent::fromInboxEvent(const QJsonObject &object)
{
    const QString id = object.value(QLatin1String("id")).toString();
    const QString provider = object.value(QLatin1String("provider")).toString();
    const QJsonValue cursor = object.value(QLatin1String("cursor"));
    if (!isValidWebhookId(id) || !isPlainId(provider) || !cursor.isDouble() ||
        cursor.toDouble() < 1)
        return invalid(QStringLiteral("inbox event lacks cursor, id or provider"));
    const QJsonValue payload = object.value(QLatin1String("payload"));
    auto parsed = payload.isObject()
                      ? fromPayload(payload.toObject())
                      : Result<VisitEvent>(invalid(QStringLiteral("payload is not a JSON object")));
    if (!parsed)
        return parsed.error();
    VisitEvent event = std::move(parsed).value();
    event.id = id;
    event.provider = provider;
    event.cursor = qint64(cursor.toDouble());
    event.receivedAt = object.value(QLatin1String("receivedAt")).toString();
    return event;
}

} // namespace clinicdesk
