#include "InboxServer.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "domain/VisitEvent.h"
#include "service/TlsIdentity.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clinicdesk {
namespace {

const QByteArray kWebhooks = QByteArrayLiteral("/webhooks/");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse response = HttpResponse::error(405, "method not allowed");
    response.headers.append(qMakePair(QByteArray("Allow"), allow));
    return response;
}

bool isProviderName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

} // namespace

InboxServer::InboxServer(std::unique_ptr<InboxStore> store, Config config, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_config(std::move(config))
{
    m_config.limits.maxBodyBytes = m_config.maxBodyBytes;
    m_waitTimer.setSingleShot(true);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] { wakeWaiters(true); });
    connect(&m_purgeTimer, &QTimer::timeout, this, [this] {
        if (auto r = purgeNow(); !r)
            qCWarning(lcInbox) << "retention purge failed:" << r.error().message;
    });
    m_purgeTimer.start(m_config.purgeIntervalMs);
    m_writer = new InboxWriter(m_store->db().path(), m_store->cipher());
    m_writer->moveToThread(&m_writerThread);
    m_writerThread.setObjectName(QStringLiteral("inbox-writer"));
    m_writerThread.start();
}

InboxServer::~InboxServer()
{
    // A batch being committed finishes first (its senders are gone: they get no reply, and the
    // provider's retry will be a duplicate).
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { writer->close(); }, Qt::BlockingQueuedConnection);
    m_writerThread.quit();
    m_writerThread.wait();
    delete m_writer;
}

Result<quint16> InboxServer::listen(const QHostAddress &address, quint16 port,
                                    const TlsIdentity *identity)
{
    std::optional<QSslConfiguration> tls;
    if (identity)
        tls = identity->serverConfiguration();
    m_listener = new HttpListener(tls, m_config.limits, m_config.maxConnections, this);
    // A deep backlog: a burst of senders must not see refused connections.
    m_listener->setListenBacklogSize(1024);
    if (!m_listener->listen(address, port)) {
        const QString reason = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1 port %2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(reason));
    }
    connect(m_listener, &HttpListener::requestReady, this, &InboxServer::route);
    connect(m_listener, &HttpListener::refused, this, [this](int status) {
        if (status == 413)
            m_metrics.rejected(InboxMetrics::Rejection::TooLarge);
    });
    connect(m_listener, &HttpListener::connectionClosed, this, [this](HttpConnection *connection) {
        m_waiters.removeIf([connection](const Waiter &w) { return w.connection == connection; });
    });
    // Purge once at start, then on the timer.
    QTimer::singleShot(0, this, [this] {
        if (auto r = purgeNow(); !r)
            qCWarning(lcInbox) << "retention purge failed:" << r.error().message;
    });
    return m_listener->serverPort();
}

Result<int> InboxServer::purgeNow()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_config.retentionMs;
    auto purged = m_store->purge(cutoff);
    if (purged && purged.value() > 0)
        qCInfo(lcInbox) << "retention purge deleted" << purged.value() << "events";
    return purged;
}

void InboxServer::route(HttpConnection *connection, const HttpRequest &request)
{
    const QByteArray &path = request.path;
    if (path.startsWith(kWebhooks)) {
        if (request.method != "POST")
            return connection->respond(methodNotAllowed("POST"));
        return handleWebhook(connection, request, QString::fromLatin1(path.mid(kWebhooks.size())));
    }
    if (path == "/healthz") {
        if (request.method != "GET")
            return connection->respond(methodNotAllowed("GET"));
        return connection->respond(HttpResponse::json(
            200, compact({{QStringLiteral("status"), QStringLiteral("ok")},
                          {QStringLiteral("service"), QStringLiteral("clinicdesk-inbox")},
                          {QStringLiteral("version"), QStringLiteral(CLINICDESK_VERSION)}})));
    }
    if (path == "/metrics") {
        if (request.method != "GET")
            return connection->respond(methodNotAllowed("GET"));
        InboxMetrics::Gauges gauges;
        gauges.lastCursor = m_store->lastCursor();
        gauges.committed = m_store->committedCursors();
        gauges.connections = m_listener ? m_listener->connectionCount() : 0;
        gauges.evicted = m_listener ? m_listener->evictedCount() : 0;
        gauges.queued = int(m_queue.size() + m_inFlight.size());
        gauges.waiting = int(m_waiters.size());
        HttpResponse response = HttpResponse::json(200, m_metrics.render(gauges));
        response.contentType = "text/plain; version=0.0.4; charset=utf-8";
        return connection->respond(response);
    }
    if (path == "/v1/events") {
        if (request.method != "GET")
            return connection->respond(methodNotAllowed("GET"));
        if (auto consumer = authenticate(connection, request))
            handleEvents(connection, request, *consumer);
        return;
    }
    if (path == "/v1/events/commit") {
        if (request.method != "POST")
            return connection->respond(methodNotAllowed("POST"));
        if (auto consumer = authenticate(connection, request))
            handleCommit(connection, request, *consumer);
        return;
    }
    connection->respond(HttpResponse::error(404, "not found"));
}

void InboxServer::reject(HttpConnection *connection, InboxMetrics::Rejection reason, int status,
                         const QByteArray &message)
{
    m_metrics.rejected(reason);
    HttpResponse response = HttpResponse::error(status, message);
    if (status == 429 || status == 503)
        response.headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray(status == 429 ? "1" : "5")));
    connection->respond(response);
}

void InboxServer::handleWebhook(HttpConnection *connection, const HttpRequest &request,
                                const QString &provider)
{
    const auto verifier = m_config.providers.constFind(provider);
    if (!isProviderName(provider.toLatin1()) || verifier == m_config.providers.constEnd())
        return reject(connection, InboxMetrics::Rejection::UnknownProvider, 404,
                      "unknown provider");
    m_metrics.received(provider);
    if (request.body.size() > m_config.maxBodyBytes)
        return reject(connection, InboxMetrics::Rejection::TooLarge, 413, "body over the limit");

    WebhookVerifier::Request signed_;
    signed_.id = request.header("webhook-id");
    signed_.timestamp = request.header("webhook-timestamp");
    signed_.signature = request.header("webhook-signature");
    signed_.body = request.body;
    if (verifier->isStaticMode())
        signed_.staticSecret = request.header(verifier->staticHeader());
    switch (verifier->verify(signed_, QDateTime::currentSecsSinceEpoch())) {
    case WebhookVerifier::Verdict::Accepted:
        break;
    case WebhookVerifier::Verdict::Malformed:
        return reject(connection, InboxMetrics::Rejection::Malformed, 400,
                      "missing or malformed webhook headers");
    case WebhookVerifier::Verdict::BadSignature:
        return reject(connection, InboxMetrics::Rejection::Signature, 401, "bad signature");
    case WebhookVerifier::Verdict::StaleTimestamp:
        return reject(connection, InboxMetrics::Rejection::Timestamp, 401,
                      "timestamp outside the tolerance");
    }
    if (!VisitEvent::parseBody(request.body))
        return reject(connection, InboxMetrics::Rejection::Malformed, 400,
                      "body is not a JSON object");
    QString id = QString::fromLatin1(signed_.id);
    if (verifier->isStaticMode() && id.isEmpty()) {
        // A static-secret provider without ids: the content is the identity.
        id = QStringLiteral("sha256:") + QString::fromLatin1(crypto::sha256(request.body).toHex());
    } else if (id.isEmpty() || id.size() > 256) {
        return reject(connection, InboxMetrics::Rejection::Malformed, 400,
                      "missing or malformed webhook-id");
    }
    if (m_queue.size() + m_inFlight.size() >= m_config.maxQueued)
        return reject(connection, InboxMetrics::Rejection::Overloaded, 429, "overloaded");
    m_queue.append(Queued{connection, InboxStore::Incoming{provider, id, request.body}});
    if (m_inFlight.isEmpty())
        dispatch();
}

void InboxServer::dispatch()
{
    if (m_queue.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_inFlight.swap(m_queue);
    QList<InboxStore::Incoming> incoming;
    incoming.reserve(m_inFlight.size());
    for (const Queued &queued : std::as_const(m_inFlight))
        incoming.append(queued.incoming);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QPointer<InboxServer> self(this);
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, incoming, now, self] {
            writer->store(incoming, now, [self](Result<QList<InboxStore::Stored>> stored) {
                // Back to the HTTP thread with the outcome.
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, stored = std::move(stored)] {
                        if (self)
                            self->onStored(stored);
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void InboxServer::onStored(const Result<QList<InboxStore::Stored>> &stored)
{
    const QList<Queued> batch = std::exchange(m_inFlight, {});
    if (!stored || stored->size() != batch.size()) {
        qCWarning(lcInbox) << "commit of" << batch.size() << "webhooks failed:"
                           << (stored ? QStringLiteral("result count") : stored.error().message);
        for (const Queued &queued : batch) {
            if (queued.connection)
                reject(queued.connection, InboxMetrics::Rejection::StoreFailed, 503,
                       "not stored, retry later");
        }
        dispatch();
        return;
    }
    qint64 fresh = 0;
    qint64 newest = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const InboxStore::Stored &result = stored->at(i);
        newest = qMax(newest, result.cursor);
        if (result.duplicate)
            m_metrics.duplicate();
        else
            ++fresh;
        if (batch[i].connection)
            batch[i].connection->respond(HttpResponse::json(
                200,
                compact({{QStringLiteral("status"), result.duplicate ? QStringLiteral("duplicate")
                                                                     : QStringLiteral("stored")},
                         {QStringLiteral("cursor"), result.cursor}})));
    }
    m_store->noteStored(newest);
    m_metrics.stored(fresh);
    qCDebug(lcInbox) << "group commit of" << batch.size() << "webhooks," << fresh << "new";
    dispatch();
    if (fresh > 0)
        wakeWaiters(false);
}

std::optional<QString> InboxServer::authenticate(HttpConnection *connection,
                                                 const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    std::optional<QString> consumer;
    if (authorization.size() > 7 && authorization.first(7).toLower() == "bearer ")
        consumer = m_store->consumerForToken(QByteArrayView(authorization).sliced(7).trimmed());
    if (!consumer) {
        HttpResponse response = HttpResponse::error(401, "missing or invalid bearer token");
        response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        connection->respond(response);
    }
    return consumer;
}

void InboxServer::handleEvents(HttpConnection *connection, const HttpRequest &request,
                               const QString &consumer)
{
    auto number = [&](const QString &name, qint64 fallback, bool *ok) -> qint64 {
        if (!request.query.hasQueryItem(name))
            return fallback;
        bool parsed = false;
        const qint64 value = request.query.queryItemValue(name).toLongLong(&parsed);
        if (!parsed || value < 0)
            *ok = false;
        return value;
    };
    bool ok = true;
    Waiter waiter;
    waiter.connection = connection;
    waiter.consumer = consumer;
    waiter.after = number(QStringLiteral("after"), m_store->committedCursor(consumer), &ok);
    waiter.limit = int(qBound<qint64>(qint64(1), number(QStringLiteral("limit"), 100, &ok),
                                      qint64(m_config.maxLimit)));
    const qint64 wait =
        qMin<qint64>(number(QStringLiteral("wait"), 0, &ok), m_config.maxWaitSeconds);
    if (!ok)
        return connection->respond(
            HttpResponse::error(400, "after, limit and wait must be non-negative integers"));
    waiter.deadlineMs = QDateTime::currentMSecsSinceEpoch() + wait * 1000;
    if (serveEvents(waiter, wait == 0))
        return;
    m_waiters.append(waiter);
    if (!m_waitTimer.isActive() ||
        m_waitTimer.remainingTime() > int(waiter.deadlineMs - QDateTime::currentMSecsSinceEpoch()))
        m_waitTimer.start(
            int(qMax<qint64>(0, waiter.deadlineMs - QDateTime::currentMSecsSinceEpoch())));
}

bool InboxServer::serveEvents(const Waiter &waiter, bool final)
{
    if (!waiter.connection)
        return true;
    if (waiter.after >= m_store->lastCursor() && !final)
        return false;
    auto events = m_store->eventsAfter(waiter.after, waiter.limit);
    if (!events) {
        qCWarning(lcInbox) << "reading events failed:" << events.error().message;
        waiter.connection->respond(HttpResponse::error(503, "events unavailable"));
        return true;
    }
    if (events->isEmpty() && !final)
        return false;
    QJsonArray array;
    qint64 next = waiter.after;
    for (const InboxStore::Event &event : std::as_const(events.value())) {
        QJsonObject object{{QStringLiteral("cursor"), event.cursor},
                           {QStringLiteral("id"), event.id},
                           {QStringLiteral("provider"), event.provider},
                           {QStringLiteral("receivedAt"), TimeText::utcFromMs(event.receivedAtMs)}};
        // Stored bodies were checked to be JSON objects on the way in.
        object.insert(QStringLiteral("payload"), QJsonDocument::fromJson(event.body).object());
        array.append(object);
        next = event.cursor;
    }
    m_metrics.served(waiter.consumer, events->size());
    waiter.connection->respond(HttpResponse::json(
        200, compact({{QStringLiteral("events"), array}, {QStringLiteral("nextCursor"), next}})));
    return true;
}

void InboxServer::wakeWaiters(bool expiredOnly)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Waiter> still;
    qint64 nextDeadline = -1;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        const bool expired = waiter.deadlineMs <= now;
        if (expiredOnly && !expired) {
            still.append(waiter);
        } else if (!serveEvents(waiter, expired)) {
            still.append(waiter);
        } else {
            continue;
        }
        if (nextDeadline < 0 || waiter.deadlineMs < nextDeadline)
            nextDeadline = waiter.deadlineMs;
    }
    m_waiters += still;
    if (nextDeadline >= 0)
        m_waitTimer.start(int(qMax<qint64>(0, nextDeadline - now)));
    else
        m_waitTimer.stop();
}

void InboxServer::handleCommit(HttpConnection *connection, const HttpRequest &request,
                               const QString &consumer)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue cursor = document.object().value(QLatin1String("cursor"));
    if (!document.isObject() || !cursor.isDouble() || cursor.toDouble() < 0 ||
        cursor.toDouble() != double(qint64(cursor.toDouble())))
        return connection->respond(
            HttpResponse::error(400, "body must be {\"cursor\":N} with N a non-negative integer"));
    auto committed = m_store->commit(consumer, qint64(cursor.toDouble()));
    if (!committed) {
        if (committed.error().code == ErrorCode::InvalidInput)
            return connection->respond(HttpResponse::error(400, "cursor beyond the newest event"));
        qCWarning(lcInbox) << "commit failed:" << committed.error().message;
        return connection->respond(HttpResponse::error(503, "commit failed, retry later"));
    }
    connection->respond(
        HttpResponse::json(200, compact({{QStringLiteral("committed"), committed.value()}})));
}

} // namespace clinicdesk
