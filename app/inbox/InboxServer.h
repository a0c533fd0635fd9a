#pragma once

#include "HttpLimits.h"
#include "HttpReplier.h"
#include "InboxMetrics.h"
#include "InboxStore.h"
#include "InboxWriter.h"
#include "WebhookIntake.h"
#include "WitnessRegistry.h"
#include "base/Result.h"
#include "webhooks/WebhookVerifier.h"

#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <memory>

namespace clinicdesk {

class HttpServer;
class TlsIdentity;

// The routes of clinicdesk-inbox (DESIGN, "Webhooks into the inbox" and "Inbox → relay") on
// HttpServer.
//
// Webhooks never wait for this thread: they are verified on the HTTP layer's I/O threads as they
// arrive (WebhookIntake) and queued for the group commit (InboxWriter: one synchronous=FULL
// transaction for everything queued meanwhile), whose thread answers their senders once the batch
// is on disk: 200 stored or duplicate, 409 for a webhook id that came back with another body
// (logged with ids only, counted, the body kept sealed), 503 when the commit failed (never 2xx),
// and 429 + Retry-After at once when the queue is full. Long-polls, commits, the witness and
// /metrics run on this thread; long-polls are parked until a commit stores an event or their wait
// ends. /healthz is answered on the I/O threads, so it stays quick whatever this thread and the
// disk are doing; /metrics only to a loopback peer or with the metrics token.
class InboxServer final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QMap<QString, WebhookVerifier> providers;
        int maxQueued = 4096; // webhooks waiting for the commit: beyond, 429
        qint64 retentionMs = 30LL * 24 * 3600 * 1000;
        int purgeIntervalMs = 3600 * 1000;
        int maxWaitSeconds = 30;
        int maxLimit = 1000;
        int ioThreads = 0; // 0: one per core, at least two
        HttpLimits limits;
        // SHA-256 of the token that may read /metrics from another host (empty: loopback only).
        QByteArray metricsTokenHash;
    };

    InboxServer(std::unique_ptr<InboxStore> store, Config config, QObject *parent = nullptr);
    ~InboxServer() override;

    // HTTPS with `identity`, or plain HTTP when it is null. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsIdentity *identity);
    // Runs one retention purge now; returns the number of events deleted.
    Result<int> purgeNow();

private:
    struct Waiter
    {
        HttpReplier replier;
        QString consumer;
        qint64 after = 0;
        int limit = 0;
        qint64 deadlineMs = 0;
    };

    // On an I/O thread: webhooks are checked and queued there, everything else comes to this
    // thread.
    void onRequest(HttpRequest request, HttpReplier replier);
    void onWebhook(const HttpRequest &request, const HttpReplier &replier);
    // On the writer's thread, once a batch is committed (or failed).
    void onCommitted(const QList<InboxWriter::Item> &batch,
                     const Result<QList<InboxStore::Stored>> &stored);
    void route(const HttpRequest &request, const HttpReplier &replier);
    void onRefused(int status);
    void handleMetrics(const HttpRequest &request, const HttpReplier &replier);
    void handleEvents(const HttpRequest &request, const HttpReplier &replier,
                      const QString &consumer);
    void handleCommit(const HttpRequest &request, const HttpReplier &replier,
                      const QString &consumer);
    void wakeWaiters(bool expiredOnly);
    // True when it answered (events found, or the wait is over).
    bool serveEvents(const Waiter &waiter, bool final);
    std::optional<QString> authenticate(const HttpRequest &request, const HttpReplier &replier);
    void reject(const HttpReplier &replier, InboxMetrics::Rejection reason, int status,
                const QByteArray &message);

    // Declared first, destroyed last: every HttpReplier below refers to it.
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<InboxStore> m_store;
    Config m_config;
    WebhookIntake m_intake;
    WitnessRegistry m_witnesses;
    InboxMetrics m_metrics;
    std::unique_ptr<InboxWriter> m_writer;
    QList<Waiter> m_waiters;
    QTimer m_waitTimer;
    QTimer m_purgeTimer;
    QTimer m_checkpointTimer;
};

} // namespace clinicdesk
