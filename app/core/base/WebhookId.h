#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace clinicdesk {

// The one rule for a webhook id (Standard Webhooks `webhook-id`, or the inbox's content-derived
// "sha256:<hex>" for static-secret providers), shared by the inbox that accepts it and the relay
// that records it: 1 to kMaxWebhookIdLength bytes of printable ASCII without spaces (0x21-0x7e).
// The inbox answers 400 to anything else, so the relay never sees an id it would refuse; the
// relay checks again because it must not trust what it reads.
constexpr qsizetype kMaxWebhookIdLength = 200;

bool isValidWebhookId(QByteArrayView id);
bool isValidWebhookId(const QString &id);
inline bool isValidWebhookId(const QByteArray &id)
{
    return isValidWebhookId(QByteArrayView(id));
}

} // namespace clinicdesk
