#include "InboxServer.h"

#include "HttpServer.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "service/TlsIdentity.h"

#include <QCoreApplication>
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

// `text` as a JSON string literal (RFC 8259: quote, backslash and control characters escaped).
void appendJsonString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[(c >> 4) & 0xf];
            out += "0123456789abcdef"[c & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse response = HttpResponse::error(405, "method not allowed");
    response.headers.append(qMakePair(QByteArray("Allow"), allow));
    return response;
}

const QByteArray &healthzBody()
{
    static const QByteArray body =
        compact({{QStringLiteral("status"), QStringLiteral("ok")},
                 {QStringLiteral("service"), QStringLiteral("clinicdesk-inbox")},
                 {QStringLiteral("version"), QStringLiteral(CLINICDESK_VERSION)}});
    return body;
}

} // namespace

InboxServer::InboxServer(std::unique_ptr<InboxStore> store, Config config, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_config(std::move(config))
    , m_intake(m_config.providers, m_config.limits.maxBodyBytes)
    , m_witnesses(m_store->db())
{
    m_waitTimer.setSingleShot(true);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] { wakeWaiters(true); });
    connect(&m_purgeTimer, &QTimer::timeout, this, [this] {
        if (auto r = purgeNow(); !r)
            qCWarning(lcInbox) << "retention purge failed:" << r.error().message;
    });
    m_purgeTimer.start(m_config.purgeIntervalMs);
    // The writer never checkpoints (InboxStore::openWriter); this thread does, twice a second.
    connect(&m_checkpointTimer, &QTimer::timeout, this, [this] {
        if (auto r = m_store->checkpoint(); !r)
            qCWarning(lcInbox) << "WAL checkpoint failed:" << r.error().message;
    });
    m_checkpointTimer.start(500);
    m_writer = std::make_unique<InboxWriter>(
        m_store->db().path(), m_store->cipher(), m_config.maxQueued,
        [this](const QList<InboxWriter::Item> &batch,
               const Result<QList<InboxStore::Stored>> &stored) { onCommitted(batch, stored); });
}

InboxServer::~InboxServer()
{
    // No request reaches this object any more, and every connection handle it still holds is
    // dropped while the HTTP server is alive (HttpReplier's rule). A batch being committed
    // finishes first (its senders are gone: they get no reply, and the provider's retry will be
    // a duplicate).
    if (m_http)
        m_http->stop();
    m_writer.reset();
    m_waiters.clear();
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    m_http.reset();
}

Result<quint16> InboxServer::listen(const QHostAddress &address, quint16 port,
                                    const TlsIdentity *identity)
{
    std::optional<HttpServer::TlsPem> tls;
    if (identity) {
        HttpServer::TlsPem pem;
        for (const QSslCertificate &certificate : identity->chain())
            pem.chain += certificate.toPem();
        pem.key = identity->privateKey().toPem();
        tls = std::move(pem);
    }
    m_http = std::make_unique<HttpServer>(
        m_config.limits,
        [this](HttpRequest request, HttpReplier replier) {
            onRequest(std::move(request), std::move(replier));
        },
        [this](int status) {
            QMetaObject::invokeMethod(
                this, [this, status] { onRefused(status); }, Qt::QueuedConnection);
        });
    auto bound = m_http->listen(address, port, std::move(tls), m_config.ioThreads);
    if (!bound) {
        m_http.reset();
        return bound.error();
    }
    // Purge once at start, then on the timer.
    QTimer::singleShot(0, this, [this] {
        if (auto r = purgeNow(); !r)
            qCWarning(lcInbox) << "retention purge failed:" << r.error().message;
    });
    return bound;
}

Result<int> InboxServer::purgeNow()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_config.retentionMs;
    auto purged = m_store->purge(cutoff);
    if (purged && purged.value() > 0)
        qCInfo(lcInbox) << "retention purge deleted" << purged.value() << "events";
    return purged;
}

void InboxServer::onRequest(HttpRequest request, HttpReplier replier)
{
    // On an I/O thread: only what needs no state of this object.
    if (request.path == "/healthz" && request.method == "GET")
        return replier.send(HttpResponse::json(200, healthzBody()));
    if (request.path.startsWith(kWebhooks) && request.method == "POST")
        return onWebhook(request, replier);
    QMetaObject::invokeMethod(
        this,
        [this, request = std::move(request), replier = std::move(replier)] {
            route(request, replier);
        },
        Qt::QueuedConnection);
}

void InboxServer::onWebhook(const HttpRequest &request, const HttpReplier &replier)
{
    // On an I/O thread: the intake is const, the metrics and the writer's queue thread-safe.
    const QString provider = QString::fromLatin1(request.path.mid(kWebhooks.size()));
    const WebhookIntake::Verdict verdict =
        m_intake.check(request, provider, QDateTime::currentSecsSinceEpoch());
    if (!verdict.provider.isEmpty())
        m_metrics.received(verdict.provider);
    if (verdict.status != 0)
        return reject(replier, verdict.reason, verdict.status, verdict.message);
    InboxStore::Incoming incoming = verdict.incoming;
    // Sealed here, on this I/O thread (the cipher is const and thread-safe), not on the writer's.
    auto sealed = InboxStore::sealEvent(m_store->cipher(), incoming);
    if (!sealed)
        return reject(replier, InboxMetrics::Rejection::StoreFailed, 503,
                      "not stored, retry later");
    incoming.sealed = std::move(sealed).value();
    if (!m_writer->enqueue(InboxWriter::Item{replier, std::move(incoming)}))
        return reject(replier, InboxMetrics::Rejection::Overloaded, 429, "overloaded");
}

void InboxServer::onCommitted(const QList<InboxWriter::Item> &batch,
                              const Result<QList<InboxStore::Stored>> &stored)
{
    // On the writer's thread: answers each sender, then tells this object's thread.
    if (!stored || stored->size() != batch.size()) {
        qCWarning(lcInbox) << "commit of" << batch.size() << "webhooks failed:"
                           << (stored ? QStringLiteral("result count") : stored.error().message);
        for (const InboxWriter::Item &item : batch)
            reject(item.replier, InboxMetrics::Rejection::StoreFailed, 503,
                   "not stored, retry later");
        return;
    }
    qint64 fresh = 0;
    qint64 duplicates = 0;
    qint64 conflicts = 0;
    qint64 newest = 0;
    using Outcome = InboxStore::Stored::Outcome;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const InboxStore::Stored &result = stored->at(i);
        const InboxStore::Incoming &incoming = batch[i].incoming;
        newest = qMax(newest, result.cursor);
        if (result.outcome == Outcome::Conflict) {
            ++conflicts;
            qCWarning(lcInbox) << "webhook id reused with a different body: provider"
                               << incoming.provider << "id" << incoming.webhookId
                               << "stored at cursor" << result.cursor << "kept as conflict"
                               << result.conflictId;
            batch[i].replier.send(HttpResponse::error(
                409, "this webhook-id was already stored with a different body"));
            continue;
        }
        const bool duplicate = result.outcome == Outcome::Duplicate;
        duplicate ? ++duplicates : ++fresh;
        // Written out rather than through QJsonDocument: this runs on the writer's thread, the
        // one serial stage of the webhook path, once per webhook.
        batch[i].replier.send(HttpResponse::json(
            200, QByteArrayLiteral("{\"cursor\":") + QByteArray::number(result.cursor) +
                     (duplicate ? QByteArrayLiteral(",\"status\":\"duplicate\"}")
                                : QByteArrayLiteral(",\"status\":\"stored\"}"))));
    }
    m_metrics.committed(fresh, duplicates, conflicts);
    QMetaObject::invokeMethod(
        this,
        [this, newest, fresh] {
            m_store->noteStored(newest);
            if (fresh > 0)
                wakeWaiters(false);
        },
        Qt::QueuedConnection);
}

void InboxServer::onRefused(int status)
{
    if (status == 413)
        m_metrics.rejected(InboxMetrics::Rejection::TooLarge);
}

void InboxServer::route(const HttpRequest &request, const HttpReplier &replier)
{
    const QByteArray &path = request.path;
    if (path.startsWith(kWebhooks))
        return replier.send(methodNotAllowed("POST"));
    if (path == "/healthz")
        return replier.send(methodNotAllowed("GET"));
    if (path == "/metrics") {
        if (request.method != "GET")
            return replier.send(methodNotAllowed("GET"));
        return handleMetrics(request, replier);
    }
    if (path == "/v1/events") {
        if (request.method != "GET")
            return replier.send(methodNotAllowed("GET"));
        if (auto consumer = authenticate(request, replier))
            handleEvents(request, replier, *consumer);
        return;
    }
    if (path == "/v1/events/commit") {
        if (request.method != "POST")
            return replier.send(methodNotAllowed("POST"));
        if (auto consumer = authenticate(request, replier))
            handleCommit(request, replier, *consumer);
        return;
    }
    if (path == "/v1/witness") {
        if (request.method != "GET" && request.method != "POST")
            return replier.send(methodNotAllowed("GET, POST"));
        auto consumer = authenticate(request, replier);
        if (!consumer)
            return;
        if (request.method == "POST")
            return replier.send(
                m_witnesses.post(*consumer, request.body, QDateTime::currentMSecsSinceEpoch()));
        return replier.send(m_witnesses.get(
            *consumer, request.query.queryItemValue(QStringLiteral("store"), QUrl::FullyDecoded)));
    }
    replier.send(HttpResponse::error(404, "not found"));
}

void InboxServer::handleMetrics(const HttpRequest &request, const HttpReplier &replier)
{
    // Counters name providers and consumers and show traffic: for the operator's monitoring on
    // this host, or whoever holds the metrics token.
    const QByteArray authorization = request.header("authorization");
    const bool tokenOk = !m_config.metricsTokenHash.isEmpty() && authorization.size() > 7 &&
                         authorization.first(7).toLower() == "bearer " &&
                         crypto::constantTimeEquals(
                             crypto::sha256(QByteArrayView(authorization).sliced(7).trimmed()),
                             m_config.metricsTokenHash);
    if (!request.peer.isLoopback() && !tokenOk) {
        HttpResponse response =
            HttpResponse::error(401, "metrics need a loopback peer or the metrics token");
        response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        return replier.send(response);
    }
    InboxMetrics::Gauges gauges;
    gauges.lastCursor = m_store->lastCursor();
    gauges.committed = m_store->committedCursors();
    const HttpServer::Stats stats = m_http ? m_http->stats() : HttpServer::Stats();
    gauges.connections = stats.connections;
    gauges.overflow = stats.overflow;
    gauges.evicted = stats.evicted;
    gauges.overloaded = stats.overloaded;
    gauges.dropped = stats.dropped;
    gauges.queued = m_writer->depth();
    gauges.waiting = int(m_waiters.size());
    HttpResponse response = HttpResponse::json(200, m_metrics.render(gauges));
    response.contentType = "text/plain; version=0.0.4; charset=utf-8";
    replier.send(response);
}

void InboxServer::reject(const HttpReplier &replier, InboxMetrics::Rejection reason, int status,
                         const QByteArray &message)
{
    m_metrics.rejected(reason);
    HttpResponse response = HttpResponse::error(status, message);
    if (status == 429 || status == 503)
        response.headers.append(
            qMakePair(QByteArray("Retry-After"), QByteArray(status == 429 ? "1" : "5")));
    replier.send(response);
}

std::optional<QString> InboxServer::authenticate(const HttpRequest &request,
                                                 const HttpReplier &replier)
{
    const QByteArray authorization = request.header("authorization");
    std::optional<QString> consumer;
    if (authorization.size() > 7 && authorization.first(7).toLower() == "bearer ")
        consumer = m_store->consumerForToken(QByteArrayView(authorization).sliced(7).trimmed());
    if (!consumer) {
        HttpResponse response = HttpResponse::error(401, "missing or invalid bearer token");
        response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        replier.send(response);
    }
    return consumer;
}

void InboxServer::handleEvents(const HttpRequest &request, const HttpReplier &replier,
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
    waiter.replier = replier;
    waiter.consumer = consumer;
    waiter.after = number(QStringLiteral("after"), m_store->committedCursor(consumer), &ok);
    waiter.limit = int(qBound<qint64>(qint64(1), number(QStringLiteral("limit"), 100, &ok),
                                      qint64(m_config.maxLimit)));
    const qint64 wait =
        qMin<qint64>(number(QStringLiteral("wait"), 0, &ok), m_config.maxWaitSeconds);
    if (!ok)
        return replier.send(
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
    if (!waiter.replier.isOpen())
        return true;
    if (waiter.after >= m_store->lastCursor() && !final)
        return false;
    auto events = m_store->eventsAfter(waiter.after, waiter.limit);
    if (!events) {
        qCWarning(lcInbox) << "reading events failed:" << events.error().message;
        waiter.replier.send(HttpResponse::error(503, "events unavailable"));
        return true;
    }
    if (events->isEmpty() && !final)
        return false;
    // The page is written out, each stored body spliced in as it came: it was checked to be a
    // JSON object on the way in (WebhookIntake), so parsing and re-serialising it here for every
    // event and every page (most of this thread's time in a backlog) changes nothing for a reader.
    QByteArray page = QByteArrayLiteral("{\"events\":[");
    qint64 next = waiter.after;
    for (const InboxStore::Event &event : std::as_const(events.value())) {
        if (next != waiter.after)
            page += ',';
        page += "{\"cursor\":" + QByteArray::number(event.cursor) + ",\"id\":";
        appendJsonString(page, event.id);
        page += ",\"payload\":";
        page += event.body;
        page += ",\"provider\":";
        appendJsonString(page, event.provider);
        page += ",\"receivedAt\":";
        appendJsonString(page, TimeText::utcFromMs(event.receivedAtMs));
        page += '}';
        next = event.cursor;
    }
    page += "],\"nextCursor\":" + QByteArray::number(next) + '}';
    m_metrics.served(waiter.consumer, events->size());
    waiter.replier.send(HttpResponse::json(200, page));
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

void InboxServer::handleCommit(const HttpRequest &request, const HttpReplier &replier,
                               const QString &consumer)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue cursor = document.object().value(QLatin1String("cursor"));
    if (!document.isObject() || !cursor.isDouble() || cursor.toDouble() < 0 ||
        cursor.toDouble() != double(qint64(cursor.toDouble())))
        return replier.send(HttpResponse::error(
            400, "body must be {\\\"cursor\\\":N} with N a non-negative integer"));
    auto committed = m_store->commit(consumer, qint64(cursor.toDouble()));
    if (!committed) {
        if (committed.error().code == ErrorCode::InvalidInput)
            return replier.send(HttpResponse::error(400, "cursor beyond the newest event"));
        qCWarning(lcInbox) << "commit failed:" << committed.error().message;
        return replier.send(HttpResponse::error(503, "commit failed, retry later"));
    }
    replier.send(
        HttpResponse::json(200, compact({{QStringLiteral("committed"), committed.value()}})));
}

} // namespace clinicdesk
