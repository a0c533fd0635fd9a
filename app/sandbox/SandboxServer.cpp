#include "SandboxServer.h"

#include "SandboxClinician.h"
#include "SandboxWebhookSender.h"
#include "base/Logging.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "service/HttpStatus.h"
#include "service/TlsIdentity.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace clinicdesk {

// The HTTP layer: every request goes to SandboxServer::handle, which writes the response itself
// (so that faults can close a connection or answer late).
class SandboxHttp final : public QAbstractHttpServer
{
public:
    explicit SandboxHttp(SandboxServer &owner)
        : m_owner(owner)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner.handle(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_owner.handle(request, socket);
    }

private:
    SandboxServer &m_owner;
};

namespace {

const QString kService = QStringLiteral("clinicdesk-sandbox");

using Method = QHttpServerRequest::Method;

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<SandboxHttp>(*this))
{}

SandboxServer::SandboxServer(std::unique_ptr<SandboxStore> store, Config config, QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<SandboxHttp>(*this))
    , m_store(std::move(store))
    , m_config(std::move(config))
{
    m_clinician = new SandboxClinician(*m_store, m_faults, this);
    m_clinician->start();
    if (!m_config.webhookUrl.isEmpty()) {
        m_sender = new SandboxWebhookSender(*m_store, m_faults, m_config.webhookUrl,
                                            m_config.webhookKey, m_config.webhookCas, this);
        m_sender->start();
    }
}

SandboxServer::~SandboxServer() = default;

Result<void> SandboxServer::configure(const QJsonObject &settings)
{
    if (!m_clinician)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no sandbox state"));
    if (settings.contains(QLatin1String("clinician"))) {
        if (auto r = m_clinician->setRule(settings.value(QLatin1String("clinician")).toObject());
            !r)
            return makeError(r.error().code, QStringLiteral("clinician: ") + r.error().message);
    }
    if (settings.contains(QLatin1String("faults"))) {
        if (auto r = m_faults.apply(settings.value(QLatin1String("faults")).toObject()); !r)
            return makeError(r.error().code, QStringLiteral("faults: ") + r.error().message);
    }
    return {};
}

Result<quint16> SandboxServer::listen(const QHostAddress &address, quint16 port,
                                      const TlsIdentity *identity)
{
    QTcpServer *server = nullptr;
    if (identity) {
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(identity->serverConfiguration());
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1 port %2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(why));
    }
    m_http->bind(server);
    return server->serverPort();
}

SandboxServer::Reply SandboxServer::ok(const QJsonValue &data)
{
    return Reply{200, {{QStringLiteral("status"), 200}, {QStringLiteral("data"), data}}, {}};
}

SandboxServer::Reply SandboxServer::providerError(const QString &message, int status)
{
    // The provider's habit: HTTP 200 with the real status in the body.
    return Reply{200, {{QStringLiteral("status"), status}, {QStringLiteral("error"), message}}, {}};
}

SandboxServer::Reply SandboxServer::httpError(int http, const QString &message)
{
    return Reply{http, {{QStringLiteral("status"), http}, {QStringLiteral("error"), message}}, {}};
}

void SandboxServer::write(QTcpSocket *socket, const Reply &reply)
{
    const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.http) + ' ' +
                     HttpStatus::reasonPhrase(reply.http) +
                     "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n";
    for (const auto &[k, v] : reply.headers)
        out += k + ": " + v + "\r\n";
    out += "\r\n" + body;
    socket->write(out);
}

bool SandboxServer::isApiRoute(const QString &path)
{
    static const QStringList exact = {
        QStringLiteral("/visit/createNoPay"), QStringLiteral("/external/receiveChat"),
        QStringLiteral("/external/receiveCSMessage"), QStringLiteral("/external/pharmacies")};
    static const QStringList prefixes = {QStringLiteral("/visit/externalFetch/"),
                                         QStringLiteral("/patient/externalFetch/")};
    if (exact.contains(path))
        return true;
    for (const QString &prefix : prefixes) {
        if (path.startsWith(prefix) && path.size() > prefix.size())
            return true;
    }
    return false;
}

bool SandboxServer::authorised(const QHttpServerRequest &request) const
{
    const QByteArray header = request.value("Authorization");
    // The scheme name is case-insensitive (RFC 9110); the key is not.
    if (m_config.apiKey.isEmpty() || header.size() < 7 ||
        qstrnicmp(header.constData(), "bearer ", 7) != 0)
        return false;
    return crypto::constantTimeEquals(header.mid(7).trimmed(), m_config.apiKey);
}

void SandboxServer::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path(QUrl::FullyDecoded);
    if (path == QLatin1String("/healthz")) {
        if (request.method() != Method::Get) {
            Reply r = httpError(405, QStringLiteral("method not allowed"));
            r.headers << std::pair{QByteArray("Allow"), QByteArray("GET")};
            return write(socket, r);
        }
        return write(socket,
                     Reply{200,
                           {{QStringLiteral("status"), QStringLiteral("ok")},
                            {QStringLiteral("service"), kService},
                            {QStringLiteral("version"), QStringLiteral(CLINICDESK_VERSION)}},
                           {}});
    }
    if (!m_store)
        return write(socket, httpError(404, QStringLiteral("not found")));
    if (path.startsWith(QLatin1String("/_sandbox/"))) {
        if (!m_config.enableControl)
            return write(socket, httpError(404, QStringLiteral("not found")));
        if (!authorised(request))
            return write(socket, httpError(401, QStringLiteral("Unauthorized")));
        return write(socket, control(request, path));
    }
    if (!isApiRoute(path))
        return write(socket, httpError(404, QStringLiteral("not found")));
    if (!authorised(request)) {
        ++m_counters[QStringLiteral("unauthorised")];
        qCInfo(lcSandbox) << "sandbox: request refused, no valid API key";
        return write(socket, httpError(401, QStringLiteral("Unauthorized")));
    }
    ++m_counters[QStringLiteral("requests")];
    using Kind = SandboxFaults::Kind;
    const Kind fault = m_faults.next();
    if (fault != Kind::None) {
        ++m_counters[QStringLiteral("faults")];
        qCInfo(lcSandbox) << "sandbox: injecting fault" << SandboxFaults::name(fault);
    }
    QPointer<QTcpSocket> guarded(socket);
    auto dropLater = [guarded] {
        QTimer::singleShot(0, [guarded] {
            if (guarded)
                guarded->abort();
        });
    };
    switch (fault) {
    case Kind::ServerError:
        return write(socket, httpError(503, QStringLiteral("Service unavailable")));
    case Kind::Reset:
        return dropLater();
    case Kind::ErrorIn200:
        return write(socket, providerError(QStringLiteral("Internal server error"), 500));
    case Kind::TooManyRequests: {
        Reply r = httpError(429, QStringLiteral("Too many requests"));
        r.headers << std::pair{QByteArray("Retry-After"),
                               QByteArray::number(m_faults.retryAfterSeconds)};
        return write(socket, r);
    }
    default:
        break;
    }
    const Reply reply = api(request, path);
    switch (fault) {
    case Kind::ErrorAfter:
        return write(socket, httpError(500, QStringLiteral("Internal server error")));
    case Kind::Drop:
        // The start of a response, then the connection closes: the client knows something
        // arrived (so Qt does not silently resend it) but not what.
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 4096\r\n\r\n{\"status\":");
        socket->flush();
        return dropLater();
    case Kind::Delay:
        QTimer::singleShot(m_faults.delayMs, this, [guarded, reply] {
            if (guarded && guarded->state() == QAbstractSocket::ConnectedState)
                write(guarded, reply);
        });
        return;
    default:
        return write(socket, reply);
    }
}

SandboxServer::Reply SandboxServer::api(const QHttpServerRequest &request, const QString &path)
{
    const bool get = request.method() == Method::Get;
    const bool post = request.method() == Method::Post;
    QJsonObject body;
    if (post) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return httpError(400, QStringLiteral("Invalid JSON"));
        body = doc.object();
    }
    static const QString visitFetch = QStringLiteral("/visit/externalFetch/");
    static const QString patientFetch = QStringLiteral("/patient/externalFetch/");
    if (post && path == QLatin1String("/visit/createNoPay"))
        return createVisit(body);
    if (get && path.startsWith(visitFetch) && path.size() > visitFetch.size())
        return fetchVisit(path.mid(visitFetch.size()));
    if (get && path.startsWith(patientFetch) && path.size() > patientFetch.size())
        return fetchPatient(path.mid(patientFetch.size()));
    if (post && path == QLatin1String("/external/receiveChat"))
        return receiveChat(body);
    if (post && path == QLatin1String("/external/receiveCSMessage"))
        return receiveCsMessage(body);
    if (post && path == QLatin1String("/external/pharmacies"))
        return pharmacies(body);
    // A known route (handle() checked) with the wrong method.
    Reply wrongMethod = httpError(405, QStringLiteral("method not allowed"));
    wrongMethod.headers << std::pair{
        QByteArray("Allow"),
        path.contains(QLatin1String("externalFetch")) ? QByteArray("GET") : QByteArray("POST")};
    return wrongMethod;
}

SandboxServer::Reply SandboxServer::control(const QHttpServerRequest &request, const QString &path)
{
    const bool get = request.method() == Method::Get;
    const bool post = request.method() == Method::Post;
    QJsonObject body;
    if (post) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (!request.body().isEmpty() &&
            (parseError.error != QJsonParseError::NoError || !doc.isObject()))
            return httpError(400, QStringLiteral("Invalid JSON"));
        body = doc.object();
    }
    auto result = [](const Result<void> &r, const QJsonObject &data) {
        if (!r)
            return httpError(r.error().code == ErrorCode::NotFound ? 404 : 400, r.error().message);
        return ok(data);
    };
    if (get && path == QLatin1String("/_sandbox/state"))
        return state();
    if (get && path == QLatin1String("/_sandbox/webhooks"))
        return webhookList();
    if (post && path == QLatin1String("/_sandbox/faults")) {
        const auto r = m_faults.apply(body);
        return result(r, m_faults.toJson());
    }
    if (post && path == QLatin1String("/_sandbox/clinician")) {
        const auto r = m_clinician->setRule(body);
        return result(r, m_clinician->ruleJson());
    }
    static const QString visits = QStringLiteral("/_sandbox/visits/");
    static const QString decision = QStringLiteral("/decision");
    if (post && path.startsWith(visits) && path.endsWith(decision)) {
        const QString masterId =
            path.mid(visits.size(), path.size() - visits.size() - decision.size());
        const auto r =
            m_clinician->decide(masterId, body.value(QLatin1String("decision")).toString(),
                                body.value(QLatin1String("delayMs")).toInt(0));
        return result(r, {{QStringLiteral("masterId"), masterId}});
    }
    return httpError(404, QStringLiteral("not found"));
}

SandboxServer::Reply SandboxServer::state()
{
    auto all = m_store->visits();
    if (!all)
        return httpError(500, all.error().message);
    QJsonArray visits;
    for (const SandboxStore::Visit &v : all.value()) {
        auto staff = m_store->messageCount(v.masterId, QStringLiteral("staff"));
        auto cs = m_store->messageCount(v.masterId, QStringLiteral("cs"));
        visits.append(QJsonObject{{QStringLiteral("masterId"), v.masterId},
                                  {QStringLiteral("visitId"), v.visitId},
                                  {QStringLiteral("visitType"), v.visitType},
                                  {QStringLiteral("visitStatus"), v.visitStatus},
                                  {QStringLiteral("resolvedStatus"), v.resolvedStatus},
                                  {QStringLiteral("outcome"), v.outcome},
                                  {QStringLiteral("awaitingReply"), v.awaitingReply},
                                  {QStringLiteral("createRequests"), v.createRequests},
                                  {QStringLiteral("staffMessages"), staff ? staff.value() : -1},
                                  {QStringLiteral("csMessages"), cs ? cs.value() : -1}});
    }
    QJsonObject counters;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        counters.insert(it.key(), it.value());
    auto hooks = m_store->webhooks();
    int delivered = 0;
    for (const auto &h : hooks ? hooks.value() : QList<SandboxStore::Webhook>())
        delivered += h.deliveredAtMs ? 1 : 0;
    return ok(QJsonObject{
        {QStringLiteral("visits"), visits},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("faults"), m_faults.toJson()},
        {QStringLiteral("clinician"), m_clinician->ruleJson()},
        {QStringLiteral("webhooks"),
         QJsonObject{{QStringLiteral("queued"), hooks ? int(hooks->size()) : -1},
                     {QStringLiteral("delivered"), delivered},
                     {QStringLiteral("attempts"), m_sender ? m_sender->attemptsMade() : 0},
                     {QStringLiteral("duplicates"), m_sender ? m_sender->duplicatesSent() : 0}}}});
}

SandboxServer::Reply SandboxServer::webhookList()
{
    auto hooks = m_store->webhooks();
    if (!hooks)
        return httpError(500, hooks.error().message);
    QJsonArray list;
    for (const SandboxStore::Webhook &h : hooks.value())
        list.append(QJsonObject{{QStringLiteral("id"), h.id},
                                {QStringLiteral("masterId"), h.masterId},
                                {QStringLiteral("event"), h.event},
                                {QStringLiteral("attempts"), h.attempts},
                                {QStringLiteral("lastStatus"), h.lastStatus},
                                {QStringLiteral("delivered"), h.deliveredAtMs != 0}});
    return ok(list);
}

} // namespace clinicdesk
