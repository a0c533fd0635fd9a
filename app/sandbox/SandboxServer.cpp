#include "SandboxServer.h"

#include "TlsIdentity.h"
#include "Version.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslServer>
#include <QTcpServer>

namespace clinicdesk {
namespace {

const QString kService = QStringLiteral("clinicdesk-sandbox");

QJsonObject errorBody(const QString &error)
{
    return QJsonObject{{QStringLiteral("error"), error}};
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{
    m_http.route(QStringLiteral("/healthz"), [](const QHttpServerRequest &request) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            QHttpServerResponse response(errorBody(QStringLiteral("method not allowed")),
                                         QHttpServerResponse::StatusCode::MethodNotAllowed);
            response.setHeader("Allow", "GET");
            return response;
        }
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                        {QStringLiteral("service"), kService},
                        {QStringLiteral("version"), QStringLiteral(CLINICDESK_VERSION)}});
    });
    m_http.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(
            QJsonDocument(errorBody(QStringLiteral("not found"))).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}},
            QHttpServerResponder::StatusCode::NotFound);
    });
    m_http.afterRequest([](QHttpServerResponse &&response) {
        response.setHeader("Cache-Control", "no-store");
        return std::move(response);
    });
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
        const QString reason = server->errorString();
        delete server;
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1 port %2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(reason));
    }
    m_http.bind(server);
    return server->serverPort();
}

} // namespace clinicdesk
