#include "HttpMessage.h"

#include "base/HttpStatus.h"

namespace clinicdesk {

QByteArray HttpResponse::serialize(bool closeConnection) const
{
    QByteArray out;
    out.reserve(192 + body.size());
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + http::reasonPhrase(status) +
           "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nCache-Control: no-store\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += closeConnection ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    out += body;
    return out;
}

} // namespace clinicdesk
