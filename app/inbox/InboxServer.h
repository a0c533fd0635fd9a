#pragma once

#include "HttpListener.h"
#include "InboxMetrics.h"
#include "InboxStore.h"
#include "InboxWriter.h"
#include "base/Result.h"
#include "webhooks/WebhookVerifier.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <memory>

namespace clinicdesk {

class TlsIdentity;

// The HTTP(S) side of clinicdesk-inbox (DESIGN, "Webhooks into the inbox" and "Inbox → relay").
//
// Webhooks are verified as they arrive and queued; one group commit (a single synchronous=FULL
// transaction for everything queued meanwhile) stores them, and only then do their senders get
// 200. A failed commit answers 503, never 2xx. Long-polls are parked until a commit stores an
// event or their wait ends.
class InboxServer final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QMap<QString, WebhookVerifier> providers;
        qint64 maxBodyBytes = 1024 * 1024;
        int maxConnections = 512;
        int maxQueued = 4096; // webhooks waiting for the commit: beyond, 429
        qint64 retentionMs = 30LL * 24 * 3600 * 1000;
        int purgeIntervalMs = 3600 * 1000;
        int maxWaitSeconds = 30;
        int maxLimit = 1000;
        HttpConnection::Limits limits;
    };

    InboxServer(std::unique_ptr<InboxStore> store, Config config, QObject *parent = nullptr);
    ~InboxServer() override;

    // HTTPS with `identity`, or plain HTTP when it is null. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsIdentity *identity);
    // Runs one retention purge now; returns the number of events deleted.
    Result<int> purgeNow();

private:
    struct Queued
    {
        QPointer<HttpConnection> connection;
        InboxStore::Incoming incoming;
    };
    struct Waiter
    {
        QPointer<HttpConnection> connection;
        QString consumer;
        qint64 after = 0;
        int limit = 0;
        qint64 deadlineMs = 0;
    };

    void route(HttpConnection *connection, const HttpRequest &request);
    void handleWebhook(HttpConnection *connection, const HttpRequest &request,
                       const QString &provider);
    void handleEvents(HttpConnection *connection, const HttpRequest &request,
                      const QString &consumer);
    void handleCommit(HttpConnection *connection, const HttpRequest &request,
                      const QString &consumer);
    // Hands everything queued to the writer thread (when it is idle).
    void dispatch();
    void onStored(const Result<QList<InboxStore::Stored>> &stored);
    void wakeWaiters(bool expiredOnly);
    // True when it answered (events found, or the wait is over).
    bool serveEvents(const Waiter &waiter, bool final);
    std::optional<QString> authenticate(HttpConnection *connection, const HttpRequest &request);
    void reject(HttpConnection *connection, InboxMetrics::Rejection reason, int status,
                const QByteArray &message);

    std::unique_ptr<InboxStore> m_store;
    Config m_config;
    HttpListener *m_listener = nullptr;
    InboxMetrics m_metrics;
    QList<Queued> m_queue;    // verified, waiting for the writer
    QList<Queued> m_inFlight; // being committed by the writer
    QThread m_writerThread;
    InboxWriter *m_writer = nullptr;
    QList<Waiter> m_waiters;
    QTimer m_waitTimer;
    QTimer m_purgeTimer;
};

} // namespace clinicdesk
