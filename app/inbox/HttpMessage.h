#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace clinicdesk {

// One parsed HTTP/1.1 request as HttpServer hands it to its handler: the raw body exactly as
// received (signatures are computed over it), header names in lower case, the peer's address.
struct HttpRequest
{
    QByteArray method;
    QByteArray path; // percent-decoding is left to the route
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;

    QByteArray header(QByteArrayView lowerCaseName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerCaseName)
                return value;
        }
        return QByteArray();
    }
    bool hasHeader(QByteArrayView lowerCaseName) const
    {
        for (const auto &entry : headers) {
            if (entry.first == lowerCaseName)
                return true;
        }
        return false;
    }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool close = false;

    static HttpResponse json(int status, const QByteArray &body)
    {
        HttpResponse response;
        response.status = status;
        response.body = body;
        return response;
    }
    static HttpResponse error(int status, const QByteArray &message)
    {
        return json(status,
                    QByteArrayLiteral("{\"error\":\"") + message + QByteArrayLiteral("\"}"));
    }
    // Status line, headers and body as they go on the wire.
    QByteArray serialize(bool closeConnection) const;
};

} // namespace clinicdesk
