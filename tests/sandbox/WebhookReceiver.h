#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

// A plain-HTTP loopback stand-in for the inbox's webhook route: checks each delivery's Standard
// Webhooks signature with WebhookVerifier and records it; can fail the first N deliveries. Only
// for tests that read what the sandbox sends; a test about delivery (retries, restarts, order,
// duplicates, signatures) uses the real clinicdesk-inbox (tst_sandboxtoinbox).
class WebhookReceiver
{
public:
    struct Delivery
    {
        QByteArray id;
        bool signatureValid = false;
        QJsonObject payload;
        int answered = 0;
    };

    explicit WebhookReceiver(const QString &secret);
    bool listen();
    QUrl url() const;

    void failNext(int count) { m_failNext = count; }
    const QList<Delivery> &deliveries() const { return m_deliveries; }
    // Accepted deliveries, first one per webhook id, in arrival order.
    QList<Delivery> accepted() const;
    QStringList events(const QString &masterId) const;

private:
    QHttpServer m_server;
    QByteArray m_key;
    quint16 m_port = 0;
    int m_failNext = 0;
    QList<Delivery> m_deliveries;
};
