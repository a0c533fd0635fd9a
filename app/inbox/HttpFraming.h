#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace clinicdesk {

// The message-framing rules of RFC 9112 that the inbox enforces on top of its parser
// (Boost.Beast 1.74), so that a request's end is never ambiguous and no second request can be
// smuggled behind a first. Beast already refuses conflicting Content-Length values, a
// Content-Length after "Transfer-Encoding: chunked", bad chunk sizes and terminators and most
// bare line feeds; it does not refuse (and this class does):
//  - a Transfer-Encoding other than exactly one "chunked", or any Content-Length beside a
//    Transfer-Encoding in either order (Beast 1.74 frames "Transfer-Encoding: gzip" followed by
//    "Content-Length" by the length; fixed upstream in boostorg/beast#3098), and a repeated
//    Transfer-Encoding or Content-Length field even when the values agree;
//  - a head whose lines end in a bare LF: Beast never finds its end and waits for the timeout;
//  - a missing or repeated Host (RFC 9112 section 3.2), Transfer-Encoding in HTTP/1.0, an HTTP
//    version other than 1.0 and 1.1, and an Expect other than 100-continue.
// Every refusal closes the connection (HttpServer).
class HttpFraming
{
public:
    struct Verdict
    {
        int status = 0; // 0: acceptable; else 400, 417, 501 or 505
        QByteArray message;
    };

    // `headers`: names in lower case, values as received (without surrounding whitespace);
    // `version`: 10 for HTTP/1.0, 11 for HTTP/1.1 (Beast's encoding).
    static Verdict checkHead(const QList<QPair<QByteArray, QByteArray>> &headers, int version);
    // The index of the first LF in `bytes` at or after `from` that does not follow a CR, or -1.
    static qsizetype findBareLf(QByteArrayView bytes, qsizetype from = 0);
};

} // namespace clinicdesk
