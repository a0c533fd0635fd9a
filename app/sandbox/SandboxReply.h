#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

class QTcpSocket;

namespace clinicdesk {

// One HTTP answer of the sandbox. Most are JSON objects; a few of the provider's answers are not
// (an HTTP 400 with no body for a bad key on a read, a Twilio-style 201), so `raw` replaces the
// JSON body when `hasRaw` is set. The helpers spell the provider's reply shapes once.
struct SandboxReply
{
    int http = 200;
    QJsonObject body;
    QByteArray raw;
    bool hasRaw = false;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<std::pair<QByteArray, QByteArray>> headers;

    // HTTP `http` with `body`.
    static SandboxReply json(int http, const QJsonObject &body);
    // {"status":200,"data":…}
    static SandboxReply ok(const QJsonValue &data);
    // The provider's habit: HTTP 200 with the real status in the body, {"status":N,"error":…}.
    static SandboxReply providerError(const QString &message, int status = 400);
    // HTTP 200 with {"status":N,"info":…} (the photo, PDF and name routes answer this way).
    static SandboxReply info(int status, const QString &text);
    // HTTP `http` with {"status":http,"error":…}.
    static SandboxReply httpError(int http, const QString &message);
    // HTTP `http` with an empty body (Content-Length: 0).
    static SandboxReply empty(int http);
    // 405 with Allow.
    static SandboxReply methodNotAllowed(const QByteArray &allow);

    QByteArray payload() const;
    void write(QTcpSocket *socket) const;
};

} // namespace clinicdesk
