#include "relay/RelayClient.h"

#include "base/InboxEndpoint.h"
#include "base/Logging.h"
#include "base/TestSeam.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace clinicdesk {

Result<RelayClient::Options> RelayClient::Options::load(const QUrl &inbox, const QString &tokenFile,
                                                        const QString &caFile)
{
    auto endpoint = InboxEndpoint::load(inbox, tokenFile, caFile);
    if (!endpoint)
        return endpoint.error();
    Options options;
    options.inbox = endpoint->url;
    options.token = endpoint->token;
    options.caCertificates = endpoint->caCertificates;
    return options;
}

Result<std::optional<RelayClient::Options>> RelayClient::fromSettings(const QString &settingsPath)
{
    auto endpoint = InboxEndpoint::fromSettings(settingsPath, QStringLiteral("relay"));
    if (!endpoint)
        return endpoint.error();
    if (!endpoint.value())
        return std::optional<Options>();
    Options options;
    options.inbox = endpoint.value()->url;
    options.token = endpoint.value()->token;
    options.caCertificates = endpoint.value()->caCertificates;
    return std::optional<Options>(std::move(options));
}

RelayClient::RelayClient(LocalStore &store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
    , m_applier(store)
    , m_network(new QNetworkAccessManager(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RelayClient::poll);
    // Pending events wait for their visit; a visit created meanwhile is found within seconds.
    m_pendingTimer.setInterval(5000);
    connect(&m_pendingTimer, &QTimer::timeout, this, [this] {
        auto report = m_applier.applyPending();
        if (report && !report->changedVisits.isEmpty())
            Q_EMIT visitsChanged(report->changedVisits);
    });
}

RelayClient::~RelayClient()
{
    m_running = false;
    if (m_poll)
        m_poll->abort();
}

QNetworkRequest RelayClient::request(const QString &path) const
{
    QUrl url = m_options.inbox;
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) + path
                                                      : url.path() + path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token);
    // The token goes to the configured inbox only, never to wherever a redirect points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout((m_options.waitSeconds + 15) * 1000);
    if (!m_options.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_options.caCertificates);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    return request;
}

void RelayClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_pendingTimer.start();
    if (auto report = m_applier.applyPending(); report && !report->changedVisits.isEmpty())
        Q_EMIT visitsChanged(report->changedVisits);
    poll();
}

void RelayClient::stop()
{
    m_running = false;
    m_retry.stop();
    m_pendingTimer.stop();
    if (m_poll)
        m_poll->abort();
    Q_EMIT stopped();
}

void RelayClient::poll()
{
    if (!m_running || m_poll)
        return;
    fetch(m_after);
}

// GET the page after `after` (-1: after the committed cursor). Runs while the previous page is
// applied (onPollFinished): the inbox reads and sends it meanwhile, on the network thread.
void RelayClient::fetch(qint64 after)
{
    QNetworkRequest req = request(QStringLiteral("/v1/events"));
    QUrl url = req.url();
    QUrlQuery query;
    if (after >= 0)
        query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.limit));
    query.addQueryItem(QStringLiteral("wait"), QString::number(m_options.waitSeconds));
    url.setQuery(query);
    req.setUrl(url);
    QNetworkReply *reply = m_network->get(req);
    m_poll = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPollFinished(reply); });
}

// Forgets a page fetched ahead of one that could not be applied: it is asked for again.
void RelayClient::dropFetch()
{
    if (QNetworkReply *reply = m_poll.data()) {
        m_poll = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void RelayClient::retryLater(const QString &reason)
{
    m_backoffMs = m_backoffMs == 0 ? m_options.initialBackoffMs
                                   : qMin(m_backoffMs * 2, m_options.maxBackoffMs);
    // Full jitter on the upper half, so many relays do not retry in step.
    const int delay =
        m_backoffMs / 2 + int(QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1));
    qCWarning(lcRelay) << "poll failed:" << reason << "- retrying in" << delay << "ms";
    Q_EMIT pollFailed(reason);
    if (m_running)
        m_retry.start(delay);
}

void RelayClient::onPollFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_poll = nullptr;
    if (!m_running)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status != 200)
        return retryLater(
            status == 401 ? QStringLiteral("the inbox refused the token (HTTP 401): check the "
                                           "token file against the inbox's --consumer file")
            : status      ? QStringLiteral("the inbox answered HTTP %1").arg(status)
                     // Qt's own text: "Connection refused", "SSL handshake failed", ...
                     : QStringLiteral("cannot reach the inbox: %1").arg(reply->errorString()));
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    const QJsonValue events = document.object().value(QLatin1String("events"));
    const QJsonValue next = document.object().value(QLatin1String("nextCursor"));
    if (!document.isObject() || !events.isArray() || !next.isDouble())
        return retryLater(QStringLiteral("the inbox's reply is not an events page"));
    QList<QJsonObject> batch;
    const QJsonArray array = events.toArray();
    batch.reserve(array.size());
    for (const QJsonValue &value : array)
        batch.append(value.toObject());
    const qint64 nextCursor = qint64(next.toDouble());

    if (!batch.isEmpty()) {
        // The next page is fetched while this one is applied. Nothing is committed for it
        // before it has been applied in turn, and a failure below drops it.
        fetch(nextCursor);
        auto report = m_applier.applyBatch(batch);
        if (!report) {
            dropFetch();
            return retryLater(QStringLiteral("applying a batch failed: ") + report.error().message);
        }
        m_applied += batch.size();
        qCInfo(lcRelay) << "batch up to cursor" << nextCursor << "applied" << report->applied
                        << "duplicates" << report->duplicates << "pending" << report->pending
                        << "quarantined" << report->quarantined;
        if (!report->changedVisits.isEmpty())
            Q_EMIT visitsChanged(report->changedVisits);
        Q_EMIT batchApplied(int(batch.size()), nextCursor);
        testseam::pauseAt("relay-batch-applied");
        // Only now, with the batch's transaction on disk (applyBatch syncs it).
        commit(nextCursor);
    }
    m_backoffMs = 0;
    m_after = nextCursor;
    poll(); // nothing when the next page is already on its way
}

void RelayClient::commit(qint64 cursor)
{
    QNetworkRequest req = request(QStringLiteral("/v1/events/commit"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply =
        m_network->post(req, QJsonDocument(QJsonObject{{QStringLiteral("cursor"), cursor}})
                                 .toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, cursor] {
        reply->deleteLater();
        // A lost commit only means a redelivery, which processed_events absorbs.
        if (reply->error() != QNetworkReply::NoError)
            qCWarning(lcRelay) << "commit of cursor" << cursor << "failed:" << int(reply->error());
    });
}

} // namespace clinicdesk
