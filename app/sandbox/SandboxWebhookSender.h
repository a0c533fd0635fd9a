#pragma once

#include "SandboxStore.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

namespace clinicdesk {

struct SandboxFaults;

// Delivers queued events to the webhook URL, signed the Standard Webhooks way, at least once:
// anything but a 2xx is retried with exponential backoff (with jitter) for as long as the
// sandbox runs, and the queue is in the sandbox's database, so a restart resumes it. The
// webhook id stays the same across retries; the timestamp and signature are made per attempt.
class SandboxWebhookSender final : public QObject
{
    Q_OBJECT

public:
    SandboxWebhookSender(SandboxStore &store, const SandboxFaults &faults, QUrl url, QByteArray key,
                         QList<QSslCertificate> extraCas, QObject *parent = nullptr);

    void start();
    int attemptsMade() const { return m_attempts; }
    int duplicatesSent() const { return m_duplicates; }

private:
    void pump();
    void send(const SandboxStore::Webhook &hook, bool duplicate);

    SandboxStore &m_store;
    const SandboxFaults &m_faults;
    QUrl m_url;
    QByteArray m_key; // the HMAC key bytes of the whsec_ secret
    QList<QSslCertificate> m_extraCas;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QSet<qint64> m_inFlight;
    int m_attempts = 0;
    int m_duplicates = 0;
};

} // namespace clinicdesk
