#include "domain/VisitEvent.h"

#include "base/WebhookId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <array>
#include <utility>

namespace clinicdesk {
namespace {

constexpr qsizetype kMaxIdLength = 200;

const std::array<std::pair<VisitEvent::Type, const char *>, 9> kTypeNames = {{
    {VisitEvent::Type::RxWritten, "RX_WRITTEN"},
    {VisitEvent::Type::ConsultConcluded, "CONSULT_CONCLUDED"},
    {VisitEvent::Type::ConsultCanceled, "CONSULT_CANCELED"},
    {VisitEvent::Type::DoctorChat, "DOCTOR_CHAT"},
    {VisitEvent::Type::CsMessage, "CS_MESSAGE"},
    {VisitEvent::Type::NameUpdate, "NAME_UPDATE"},
    {VisitEvent::Type::PharmacyInFulfillment, "PHARMACY_ORDER_IN_FULFILLMENT"},
    {VisitEvent::Type::PharmacyShipped, "PHARMACY_ORDER_SHIPPED"},
    {VisitEvent::Type::PharmacyDelivered, "PHARMACY_ORDER_DELIVERED"},
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

} // namespace

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
