#include "SandboxWebhookSender.h"

#include "SandboxFaults.h"
#include "base/Logging.h"
#include "webhooks/WebhookVerifier.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>

#include <algorithm>

namespace clinicdesk {
namespace {

constexpr int kMaxInFlight = 4;
constexpr int kRequestTimeoutMs = 15000;

} // namespace

SandboxWebhookSender::SandboxWebhookSender(SandboxStore &store, const SandboxFaults &faults,
                                           QUrl url, QByteArray key,
                                           QList<QSslCertificate> extraCas, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_faults(faults)
    , m_url(std::move(url))
    , m_key(std::move(key))
    , m_extraCas(std::move(extraCas))
{
    m_network.setAutoDeleteReplies(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &SandboxWebhookSender::pump);
}

void SandboxWebhookSender::start()
{
    m_timer.start();
}

void SandboxWebhookSender::pump()
{
    if (m_inFlight.size() >= kMaxInFlight)
        return;
    auto due = m_store.dueWebhooks(QDateTime::currentMSecsSinceEpoch(), 32, !m_faults.reorder);
    if (!due) {
        qCWarning(lcSandbox) << "sandbox webhooks:" << due.error().message;
        return;
    }
    QList<SandboxStore::Webhook> hooks = due.value();
    hooks.removeIf([this](const SandboxStore::Webhook &h) { return m_inFlight.contains(h.seq); });
    if (m_faults.reorder)
        std::shuffle(hooks.begin(), hooks.end(), *QRandomGenerator::global());
    else if (!m_inFlight.isEmpty())
        return; // in order: one event at a time
    for (const SandboxStore::Webhook &hook : hooks) {
        if (m_inFlight.size() >= (m_faults.reorder ? kMaxInFlight : 1))
            break;
        send(hook, false);
    }
}

void SandboxWebhookSender::send(const SandboxStore::Webhook &hook, bool duplicate)
{
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    QNetworkRequest request(m_url);
    request.setTransferTimeout(kRequestTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("webhook-id", hook.id.toLatin1());
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature",
                         "v1," + WebhookVerifier::sign(m_key, hook.id.toLatin1(),
                                                       QByteArray::number(timestamp), hook.body));
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCas);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    ++m_attempts;
    QNetworkReply *reply = m_network.post(request, hook.body);
    if (duplicate) {
        ++m_duplicates;
        return;
    }
    m_inFlight.insert(hook.seq);
    connect(reply, &QNetworkReply::finished, this, [this, reply, hook] {
        m_inFlight.remove(hook.seq);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int attempts = hook.attempts + 1;
        const bool delivered = status >= 200 && status < 300;
        qint64 next = now;
        if (!delivered) {
            const qint64 base =
                std::min<qint64>(qint64(m_faults.webhookMaxBackoffMs),
                                 qint64(m_faults.webhookBackoffMs) << std::min(attempts - 1, 20));
            next = now + base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
            qCInfo(lcSandbox) << "sandbox webhook" << hook.id << "attempt" << attempts << "status"
                              << status << "network error" << int(reply->error()) << "retry in ms"
                              << next - now;
        }
        if (auto r = m_store.markWebhook(hook.seq, attempts, status, next, delivered, now); !r)
            qCWarning(lcSandbox) << "sandbox webhooks:" << r.error().message;
        if (delivered && m_faults.duplicateRate > 0 &&
            QRandomGenerator::global()->generateDouble() < m_faults.duplicateRate)
            send(hook, true);
        pump();
    });
}

} // namespace clinicdesk
