#include "SandboxServer.h"

#include "SandboxAttachments.h"
#include "SandboxCareRoutes.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxControlRoutes.h"
#include "SandboxMediaRoutes.h"
#include "SandboxPharmacyRoutes.h"
#include "SandboxSmsLog.h"
#include "SandboxSmsRoutes.h"
#include "SandboxVisitRoutes.h"
#include "SandboxWebhookSender.h"
#include "base/HttpStatus.h"
#include "base/Logging.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "service/TlsIdentity.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
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
    , m_clock(std::make_unique<SandboxClock>(*m_store))
    , m_attachments(std::make_unique<SandboxAttachments>(*m_store))
    , m_smsLog(std::make_unique<SandboxSmsLog>(*m_store))
{
    if (auto r = m_clock->load(); !r)
        qCWarning(lcService) << "sandbox: the clock's offset cannot be read, using 0:"
                             << r.error().message;
    m_clinician = new SandboxClinician(*m_store, *m_clock, m_faults, this);
    m_clinician->start();
    if (!m_config.webhookUrl.isEmpty()) {
        m_sender = new SandboxWebhookSender(*m_store, m_faults, m_config.webhookUrl,
                                            m_config.webhookKey, m_config.webhookCas, this);
        m_sender->start();
    }
    m_context.reset(new SandboxContext{*m_store, *m_clock, *m_clinician, *m_attachments, *m_smsLog,
                                       m_faults, m_counters, m_sender, m_config.apiKey,
                                       m_config.smsAccountSid, m_config.smsAuthToken});
    m_routes.push_back(std::make_unique<SandboxVisitRoutes>(*m_context));
    m_routes.push_back(std::make_unique<SandboxMediaRoutes>(*m_context));
    m_routes.push_back(std::make_unique<SandboxPharmacyRoutes>(*m_context));
    m_routes.push_back(std::make_unique<SandboxCareRoutes>(*m_context));
    m_routes.push_back(std::make_unique<SandboxSmsRoutes>(*m_context));
    m_control = std::make_unique<SandboxControlRoutes>(*m_context);
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

bool SandboxServer::authorised(const QHttpServerRequest &request) const
{
    const QByteArray header = request.value("Authorization");
    // The scheme name is case-insensitive (RFC 9110); the key is not.
    if (m_config.apiKey.isEmpty() || header.size() < 7 ||
        qstrnicmp(header.constData(), "bearer ", 7) != 0)
        return false;
    return crypto::constantTimeEquals(header.mid(7).trimmed(), m_config.apiKey);
}

SandboxRoutes *SandboxServer::routesFor(const QString &path) const
{
    for (const auto &routes : m_routes) {
        if (routes->owns(path))
            return routes.get();
    }
    return nullptr;
}

void SandboxServer::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path(QUrl::FullyDecoded);
    if (path == QLatin1String("/healthz")) {
        if (request.method() != Method::Get)
            return SandboxReply::methodNotAllowed("GET").write(socket);
        return SandboxReply::json(200,
                                  {{QStringLiteral("status"), QStringLiteral("ok")},
                                   {QStringLiteral("service"), kService},
                                   {QStringLiteral("version"), QStringLiteral(CLINICDESK_VERSION)}})
            .write(socket);
    }
    if (!m_store)
        return SandboxReply::httpError(404, QStringLiteral("not found")).write(socket);
    if (m_control->owns(path)) {
        if (!m_config.enableControl)
            return SandboxReply::httpError(404, QStringLiteral("not found")).write(socket);
        if (!authorised(request))
            return SandboxReply::httpError(401, QStringLiteral("Unauthorized")).write(socket);
        QJsonObject json;
        if (request.method() == Method::Post && !request.body().isEmpty()) {
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                return SandboxReply::httpError(400, QStringLiteral("Invalid JSON")).write(socket);
            json = doc.object();
        }
        return m_control->handle({request, path, json}).write(socket);
    }
    SandboxRoutes *routes = routesFor(path);
    if (!routes)
        return SandboxReply::httpError(404, QStringLiteral("not found")).write(socket);
    if (!routes->smsGateway() && !authorised(request)) {
        ++m_counters[QStringLiteral("unauthorised")];
        qCInfo(lcSandbox) << "sandbox: request refused, no valid API key";
        return routes->unauthorised(path).write(socket);
    }
    serve(*routes, request, path, socket);
}

// A provider (or SMS gateway) request: the fault switches first, then the route.
void SandboxServer::serve(SandboxRoutes &routes, const QHttpServerRequest &request,
                          const QString &path, QTcpSocket *socket)
{
    using Kind = SandboxFaults::Kind;
    const bool sms = routes.smsGateway();
    ++m_counters[sms ? QStringLiteral("sms.requests") : QStringLiteral("requests")];
    const Kind fault = sms ? m_faults.nextSms() : m_faults.next();
    if (fault != Kind::None) {
        ++m_counters[QStringLiteral("faults")];
        qCInfo(lcService) << "sandbox: injecting fault" << SandboxFaults::name(fault);
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
        return SandboxReply::httpError(503, QStringLiteral("Service unavailable")).write(socket);
    case Kind::Reset:
        return dropLater();
    case Kind::ErrorIn200:
        return SandboxReply::providerError(QStringLiteral("Internal server error"), 500)
            .write(socket);
    case Kind::TooManyRequests: {
        SandboxReply r = SandboxReply::httpError(429, QStringLiteral("Too many requests"));
        r.headers << std::pair{QByteArray("Retry-After"),
                               QByteArray::number(m_faults.retryAfterSeconds)};
        return r.write(socket);
    }
    default:
        break;
    }
    QJsonObject json;
    if (!sms && request.method() == Method::Post) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return SandboxReply::httpError(400, QStringLiteral("Invalid JSON")).write(socket);
        json = doc.object();
    }
    const SandboxReply reply = routes.handle({request, path, json});
    switch (fault) {
    case Kind::ErrorAfter:
        return SandboxReply::httpError(500, QStringLiteral("Internal server error")).write(socket);
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
                reply.write(guarded);
        });
        return;
    default:
        return reply.write(socket);
    }
}

} // namespace clinicdesk
