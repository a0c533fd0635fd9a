// Outbox, continued: the messages staff send the provider's clinician (a reply in the visit's
// chat, a message to the provider's support) and the care requests (the next titration), queued
// like every other delivery (Outbox.cpp).
#include "provider/Outbox.h"

#include <QJsonArray>
#include <QJsonObject>

namespace clinicdesk {

Result<QString> Outbox::enqueueStaffChat(const QString &visitId, const QString &firstName,
                                         const QString &lastName, const QString &text,
                                         const QString &byUser)
{
    if (text.trimmed().isEmpty() || firstName.trimmed().isEmpty() || lastName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a reply needs a text and the sender's name"));
    return insertMessage(Kind::Chat, visitId,
                         {{QStringLiteral("firstName"), firstName},
                          {QStringLiteral("lastName"), lastName},
                          {QStringLiteral("text"), text}},
                         byUser);
}

Result<QString> Outbox::enqueueSupportMessage(const QString &visitId, const QString &text,
                                              const QString &byUser)
{
    if (text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the message is empty"));
    return insertMessage(Kind::Support, visitId, {{QStringLiteral("text"), text}}, byUser);
}

Result<QString> Outbox::enqueueTitration(const QString &visitId, const QJsonObject &body,
                                         const QString &byUser)
{
    if (body.value(QLatin1String("patientPreference")).toArray().size() != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a titration request has exactly one medication"));
    return insertMessage(Kind::Titration, visitId, body, byUser);
}

Result<QString> Outbox::enqueueUpdate(const QString &visitId, const QJsonObject &body,
                                      const QString &byUser)
{
    if (body.contains(QLatin1String("apiKey")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the API key is added when sending, never stored"));
    return insertMessage(Kind::Update, visitId, body, byUser);
}

} // namespace clinicdesk
