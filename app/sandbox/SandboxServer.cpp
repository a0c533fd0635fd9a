#include "SandboxServer.h"

#include "SandboxClinician.h"
#include "SandboxValidation.h"
#include "SandboxWebhookSender.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "base/Version.h"
#include "crypto/Crypto.h"
#include "service/TlsIdentity.h"

#include <QAbstractHttpServer>
#include <QDateTime>
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

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

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
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.http) + ' ' + reason(reply.http) +
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

SandboxServer::Reply SandboxServer::createVisit(const QJsonObject &body)
{
    ++m_counters[QStringLiteral("createNoPay")];
    const QString masterId = body.value(QLatin1String("masterId")).toString().trimmed();
    Reply reply;
    auto r = m_store->db().transaction([&]() -> Result<void> {
        if (!masterId.isEmpty()) {
            auto existing = m_store->visit(masterId);
            if (!existing)
                return existing.error();
            if (existing.value()) {
                ++m_counters[QStringLiteral("deduplicated")];
                reply = ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                                       {QStringLiteral("visitId"), existing.value()->visitId}});
                return m_store->countCreateRequest(masterId);
            }
        }
        if (const QString error = SandboxValidation::createVisitError(body); !error.isEmpty()) {
            ++m_counters[QStringLiteral("refused")];
            reply = providerError(error);
            return {};
        }
        const QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        SandboxStore::Visit v;
        v.masterId = masterId;
        v.phone = form.value(QLatin1String("phone")).toString();
        v.visitType = body.value(QLatin1String("visitType")).toString();
        auto open = m_store->openVisitCount(v.phone, v.visitType);
        if (!open)
            return open.error();
        if (open.value() > 0) {
            ++m_counters[QStringLiteral("refused")];
            reply = providerError(QStringLiteral("Patient not eligible for new visit"));
            return {};
        }
        const qint64 now = nowMs();
        v.visitId = QStringLiteral("v_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
        v.visitStatus = QStringLiteral("active");
        v.resolvedStatus = QStringLiteral("open");
        v.createdAtMs = v.updatedAtMs = now;
        v.createRequests = 1;
        v.request = body;
        m_clinician->schedule(v, now);
        if (auto ins = m_store->insertVisit(v); !ins)
            return ins;
        if (auto p = m_store->upsertPatient(form, now); !p)
            return p;
        ++m_counters[QStringLiteral("created")];
        reply = ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                               {QStringLiteral("visitId"), v.visitId}});
        return {};
    });
    if (!r) {
        qCWarning(lcSandbox) << "sandbox: createNoPay failed:" << r.error().message;
        return httpError(500, QStringLiteral("Internal server error"));
    }
    return reply;
}

SandboxServer::Reply SandboxServer::fetchVisit(const QString &masterId)
{
    auto v = m_store->visit(masterId);
    if (!v)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!v.value())
        return providerError(QStringLiteral("Visit not found"), 404);
    auto rx = m_store->rxHistory(masterId);
    QJsonArray history;
    for (const QJsonObject &o : rx ? rx.value() : QList<QJsonObject>())
        history.append(o);
    const SandboxStore::Visit &visit = *v.value();
    return ok(
        QJsonObject{{QStringLiteral("masterId"), visit.masterId},
                    {QStringLiteral("visitId"), visit.visitId},
                    {QStringLiteral("visitType"), visit.visitType},
                    {QStringLiteral("visitStatus"), visit.visitStatus},
                    {QStringLiteral("resolvedStatus"), visit.resolvedStatus},
                    {QStringLiteral("updateTimestamp"), TimeText::utcFromMs(visit.updatedAtMs)},
                    {QStringLiteral("rxHistory"), history}});
}

SandboxServer::Reply SandboxServer::fetchPatient(const QString &phone)
{
    auto p = m_store->patient(phone);
    if (!p)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!p.value())
        return providerError(QStringLiteral("Patient not found"), 404);
    QJsonObject data;
    for (const char *key : {"firstName", "lastName", "dob", "phone", "email", "state"})
        data.insert(QLatin1String(key), p.value()->value(QLatin1String(key)));
    QJsonArray visits;
    auto all = m_store->visitsOfPatient(phone);
    for (const SandboxStore::Visit &v : all ? all.value() : QList<SandboxStore::Visit>())
        visits.append(QJsonObject{{QStringLiteral("masterId"), v.masterId},
                                  {QStringLiteral("visitStatus"), v.visitStatus}});
    data.insert(QStringLiteral("visits"), visits);
    return ok(data);
}

// receiveChat and receiveCSMessage: the required fields (reported in this order), the visit,
// then the message and what the clinician does about it, in one transaction.
SandboxServer::Reply
SandboxServer::storeMessage(const QJsonObject &body, const QStringList &required,
                            const QString &sender, const QString &counter,
                            const std::function<Result<void>(const QString &)> &then)
{
    const QString masterId = body.value(QLatin1String("masterId")).toString();
    const QString content = body.value(QLatin1String("content")).toString().trimmed();
    QStringList bad;
    for (const QString &key : required) {
        if (body.value(key).toString().trimmed().isEmpty())
            bad << key;
    }
    if (!bad.isEmpty())
        return providerError(QStringLiteral("Payload contains bad fields: ") +
                             bad.join(QStringLiteral(", ")));
    auto v = m_store->visit(masterId);
    if (!v)
        return httpError(500, QStringLiteral("Internal server error"));
    if (!v.value())
        return providerError(QStringLiteral("Visit not found"), 404);
    auto r = m_store->db().transaction([&]() -> Result<void> {
        if (auto a = m_store->addMessage(masterId, sender, content, nowMs()); !a)
            return a;
        return then(masterId);
    });
    if (!r)
        return httpError(500, QStringLiteral("Internal server error"));
    ++m_counters[counter];
    return ok(QJsonObject{{QStringLiteral("masterId"), masterId}});
}

SandboxServer::Reply SandboxServer::receiveChat(const QJsonObject &body)
{
    return storeMessage(
        body,
        {QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("content"),
         QStringLiteral("masterId")},
        QStringLiteral("staff"), QStringLiteral("chats"),
        [this](const QString &masterId) { return m_clinician->staffReplied(masterId); });
}

SandboxServer::Reply SandboxServer::receiveCsMessage(const QJsonObject &body)
{
    return storeMessage(
        body, {QStringLiteral("content"), QStringLiteral("masterId")}, QStringLiteral("cs"),
        QStringLiteral("csMessages"),
        [this](const QString &masterId) { return m_clinician->supportMessage(masterId); });
}

SandboxServer::Reply SandboxServer::pharmacies(const QJsonObject &body)
{
    const QString state = body.value(QLatin1String("state")).toString().trimmed().toUpper();
    const QString zip = body.value(QLatin1String("zip")).toString().trimmed();
    const QString city = body.value(QLatin1String("city")).toString().trimmed();
    const QString name = body.value(QLatin1String("name")).toString().trimmed();
    if (!state.isEmpty() && !SandboxValidation::isUsState(state))
        return providerError(QStringLiteral("State not valid"));
    QJsonArray list;
    for (int i = 1; i <= 3; ++i) {
        const QString id = QStringLiteral("ph_%1").arg(QString::fromLatin1(
            crypto::sha256((name + city + state + zip).toUtf8() + QByteArray::number(i))
                .toHex()
                .left(10)));
        list.append(
            QJsonObject{{QStringLiteral("pharmacyId"), id},
                        {QStringLiteral("name"),
                         QStringLiteral("%1 #%2")
                             .arg(name.isEmpty() ? QStringLiteral("Sandbox Pharmacy") : name)
                             .arg(i)},
                        {QStringLiteral("address"), QStringLiteral("%1 Main St").arg(100 * i)},
                        {QStringLiteral("city"), city.isEmpty() ? QStringLiteral("Austin") : city},
                        {QStringLiteral("state"), state.isEmpty() ? QStringLiteral("TX") : state},
                        {QStringLiteral("zip"), zip.isEmpty() ? QStringLiteral("78701") : zip}});
    }
    return ok(list);
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
