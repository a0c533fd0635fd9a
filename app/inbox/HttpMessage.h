#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace clinicdesk {

// One parsed HTTP/1.1 request: the raw body exactly as received (signatures are computed over
// it), header names in lower case.
struct HttpRequest
{
    QByteArray method;
    QByteArray path; // percent-decoding is left to the route
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

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
};

} // namespace clinicdesk
