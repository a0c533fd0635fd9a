#include "SandboxReply.h"

#include "base/HttpStatus.h"

#include <QJsonDocument>
#include <QTcpSocket>

namespace clinicdesk {

SandboxReply SandboxReply::json(int http, const QJsonObject &body)
{
    SandboxReply r;
    r.http = http;
    r.body = body;
    return r;
}

SandboxReply SandboxReply::ok(const QJsonValue &data)
{
    return SandboxReply::json(200,
                              {{QStringLiteral("status"), 200}, {QStringLiteral("data"), data}});
}

SandboxReply SandboxReply::providerError(const QString &message, int status)
{
    return SandboxReply::json(
        200, {{QStringLiteral("status"), status}, {QStringLiteral("error"), message}});
}

SandboxReply SandboxReply::info(int status, const QString &text)
{
    return SandboxReply::json(200,
                              {{QStringLiteral("status"), status}, {QStringLiteral("info"), text}});
}

SandboxReply SandboxReply::httpError(int http, const QString &message)
{
    return SandboxReply::json(
        http, {{QStringLiteral("status"), http}, {QStringLiteral("error"), message}});
}

SandboxReply SandboxReply::empty(int http)
{
    SandboxReply r;
    r.http = http;
    r.hasRaw = true;
    r.contentType.clear();
    return r;
}

SandboxReply SandboxReply::methodNotAllowed(const QByteArray &allow)
{
    SandboxReply r = httpError(405, QStringLiteral("method not allowed"));
    r.headers << std::pair{QByteArray("Allow"), allow};
    return r;
}

QByteArray SandboxReply::payload() const
{
    return hasRaw ? raw : QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void SandboxReply::write(QTcpSocket *socket) const
{
    const QByteArray content = payload();
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(http) + ' ' + http::reasonPhrase(http) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out +=
        "Cache-Control: no-store\r\nContent-Length: " + QByteArray::number(content.size()) + "\r\n";
    for (const auto &[k, v] : headers)
        out += k + ": " + v + "\r\n";
    out += "\r\n" + content;
    socket->write(out);
}

} // namespace clinicdesk
