#include "WebhookReceiver.h"

#include "webhooks/WebhookVerifier.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QSet>

WebhookReceiver::WebhookReceiver(const QString &secret)
    : m_key(clinicdesk::WebhookVerifier::decodeSecret(secret.toLatin1()).value())
{
    m_server.route(QStringLiteral("/webhooks/beluga"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &request) {
                       clinicdesk::WebhookVerifier verifier;
                       verifier.addKey(m_key);
                       clinicdesk::WebhookVerifier::Request r;
                       r.id = request.value("webhook-id");
                       r.timestamp = request.value("webhook-timestamp");
                       r.signature = request.value("webhook-signature");
                       r.body = request.body();
                       Delivery d;
                       d.id = r.id;
                       d.signatureValid = verifier.verify(r, QDateTime::currentSecsSinceEpoch()) ==
                                          clinicdesk::WebhookVerifier::Verdict::Accepted;
                       d.payload = QJsonDocument::fromJson(r.body).object();
                       d.answered = 204;
                       if (m_failNext > 0) {
                           --m_failNext;
                           d.answered = 500;
                       } else if (!d.signatureValid) {
                           d.answered = 401;
                       }
                       m_deliveries << d;
                       return QHttpServerResponse(QHttpServerResponder::StatusCode(d.answered));
                   });
}

bool WebhookReceiver::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl WebhookReceiver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/beluga").arg(m_port));
}

QList<WebhookReceiver::Delivery> WebhookReceiver::accepted() const
{
    QList<Delivery> out;
    QSet<QByteArray> seen;
    for (const Delivery &d : m_deliveries) {
        if (d.answered >= 200 && d.answered < 300 && !seen.contains(d.id)) {
            seen.insert(d.id);
            out << d;
        }
    }
    return out;
}

QStringList WebhookReceiver::events(const QString &masterId) const
{
    QStringList out;
    for (const Delivery &d : accepted()) {
        if (d.payload.value(QLatin1String("masterId")).toString() == masterId)
            out << d.payload.value(QLatin1String("event")).toString();
    }
    return out;
}
