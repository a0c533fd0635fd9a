#pragma once

#include "HttpMessage.h"
#include "InboxMetrics.h"
#include "InboxStore.h"
#include "webhooks/WebhookVerifier.h"

#include <QMap>

namespace clinicdesk {

// Checks one `POST /webhooks/{provider}` (DESIGN, "Webhooks into the inbox") up to the point
// where only storing it remains: known provider, size, headers, signature and timestamp, a JSON
// object body, a valid webhook id (base/WebhookId). Const and free of shared state, so the HTTP
// layer's I/O threads run it in parallel; the verdict then goes to the commit queue.
class WebhookIntake
{
public:
    struct Verdict
    {
        int status = 0; // 0: accepted, `incoming` is to be stored; else the answer's status
        InboxMetrics::Rejection reason = InboxMetrics::Rejection::Malformed;
        QByteArray message;
        QString provider; // empty when the provider is not configured
        InboxStore::Incoming incoming;
    };

    WebhookIntake() = default;
    WebhookIntake(QMap<QString, WebhookVerifier> providers, qint64 maxBodyBytes);

    Verdict check(const HttpRequest &request, const QString &provider, qint64 nowSeconds) const;

private:
    QMap<QString, WebhookVerifier> m_providers;
    qint64 m_maxBodyBytes = 1024 * 1024;
};

} // namespace clinicdesk
