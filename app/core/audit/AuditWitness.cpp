#include "audit/AuditWitness.h"

#include "base/Logging.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace clinicdesk {
namespace {

constexpr int kTransferTimeoutMs = 15000;
constexpr int kMaxBackoffMs = 60000;

} // namespace

AuditWitness::AuditWitness(InboxEndpoint endpoint, QString storeId, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_storeId(std::move(storeId))
    , m_network(new QNetworkAccessManager(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AuditWitness::postNext);
}

AuditWitness::~AuditWitness()
{
    if (m_inFlight)
        m_inFlight->abort();
}

std::unique_ptr<AuditWitness> AuditWitness::fromConsoleSettings(const QString &dataDir,
                                                                const QString &storeId)
{
    auto endpoint = InboxEndpoint::fromSettings(InboxEndpoint::consoleSettingsPath(dataDir),
                                                QStringLiteral("relay"));
    if (!endpoint) {
        qCWarning(lcAudit) << "audit witness not configured:" << endpoint.error().message;
        return nullptr;
    }
    if (!endpoint.value())
        return nullptr;
    return std::make_unique<AuditWitness>(std::move(*endpoint.value()), storeId);
}

QNetworkRequest AuditWitness::request(const QString &pathAndQuery) const
{
    QUrl url = m_endpoint.url;
    const QString base = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(base + (question < 0 ? pathAndQuery : pathAndQuery.left(question)));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_endpoint.token);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_endpoint.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_endpoint.caCertificates);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }
    return request;
}

void AuditWitness::witness(const AuditHead &head)
{
    if (head.seq <= m_witnessedSeq || (m_pending && m_pending->seq >= head.seq))
        return;
    m_pending = head;
    if (!m_inFlight && !m_retry.isActive())
        postNext();
}

void AuditWitness::postNext()
{
    if (!m_pending || m_inFlight)
        return;
    const AuditHead head = *m_pending;
    QNetworkRequest req = request(QStringLiteral("/v1/witness"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("store"), m_storeId},
                                  {QStringLiteral("seq"), head.seq},
                                  {QStringLiteral("head"), QString::fromLatin1(head.hash.toHex())}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network->post(req, body);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, head] { onPosted(reply, head); });
}

void AuditWitness::onPosted(QNetworkReply *reply, const AuditHead &head)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        m_backoffMs = 0;
        m_witnessedSeq = qMax(m_witnessedSeq, head.seq);
        if (m_pending && m_pending->seq <= head.seq)
            m_pending.reset();
        Q_EMIT witnessed(head.seq);
    } else if (status == 409 || status == 403 || status == 400) {
        // The inbox holds a later or different head for this store: never retried.
        qCWarning(lcAudit) << "audit witness refused entry" << head.seq << "of store" << m_storeId
                           << "HTTP" << status;
        if (m_pending && m_pending->seq <= head.seq)
            m_pending.reset();
        Q_EMIT refused(head.seq, status);
    } else {
        m_backoffMs = m_backoffMs == 0 ? 1000 : qMin(m_backoffMs * 2, kMaxBackoffMs);
        const QString reason =
            status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        qCInfo(lcAudit) << "audit witness not reached, retrying in" << m_backoffMs
                        << "ms:" << reason;
        Q_EMIT failed(reason);
        m_retry.start(m_backoffMs);
        return;
    }
    postNext();
}

bool AuditWitness::flush(int timeoutMs)
{
    if (!m_pending && !m_inFlight)
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto check = [&] {
        if (!m_pending && !m_inFlight)
            loop.quit();
    };
    connect(this, &AuditWitness::witnessed, &loop, check, Qt::QueuedConnection);
    connect(this, &AuditWitness::refused, &loop, check, Qt::QueuedConnection);
    // A failure here is not retried in the background: the program is about to exit.
    connect(this, &AuditWitness::failed, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    if (m_retry.isActive()) {
        m_retry.stop();
        postNext();
    }
    deadline.start(timeoutMs);
    loop.exec();
    return !m_pending && !m_inFlight;
}

Result<std::optional<AuditHead>> AuditWitness::fetch(int timeoutMs)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("store"), m_storeId);
    QNetworkReply *reply = m_network->get(
        request(QStringLiteral("/v1/witness?") + query.toString(QUrl::FullyEncoded)));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    if (!reply->isFinished()) {
        reply->abort();
        return makeError(ErrorCode::Io, QStringLiteral("the inbox %1 did not answer in time")
                                            .arg(m_endpoint.url.toDisplayString()));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 404)
        return std::optional<AuditHead>();
    if (status != 200)
        return makeError(ErrorCode::Io, QStringLiteral("the inbox %1 answered %2")
                                            .arg(m_endpoint.url.toDisplayString(),
                                                 status ? QStringLiteral("HTTP %1").arg(status)
                                                        : reply->errorString()));
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    const QByteArray hash =
        QByteArray::fromHex(object.value(QLatin1String("head")).toString().toLatin1());
    const qint64 seq = object.value(QLatin1String("seq")).toInteger();
    if (seq < 1 || hash.size() != 32 ||
        object.value(QLatin1String("store")).toString() != m_storeId)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("the inbox's witness for this store is malformed"));
    return std::optional<AuditHead>(AuditHead{seq, hash});
}

} // namespace clinicdesk
