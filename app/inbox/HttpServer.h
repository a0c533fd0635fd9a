#pragma once

#include "HttpLimits.h"
#include "HttpReplier.h"
#include "base/Result.h"

#include <QByteArray>
#include <QHostAddress>

#include <functional>
#include <memory>
#include <optional>

namespace clinicdesk {

// The inbox's HTTP/1.1 server: Boost.Beast's request parser over Boost.Asio with OpenSSL, on a
// pool of I/O threads (by default one per core), with the limits in HttpLimits. Beast and Asio
// stay inside HttpServer.cpp and HttpSession.cpp (slow to compile); this header has neither.
//
// What it guarantees a handler: every request it sees was framed unambiguously (RFC 9112, see
// HttpFraming), its head and body arrived within their deadlines, and its body is within the
// limit, which was checked against Content-Length before any body byte was buffered. What it
// answers itself, closing the connection after: 400 (malformed or ambiguous framing, bare LF),
// 408 (head or body too slow), 413, 417, 429 + Retry-After (over a connection limit), 431, 501
// (a transfer coding other than chunked), 505.
class HttpServer
{
public:
    // Called on an I/O thread, one request at a time per connection; answer through the
    // replier, from any thread, now or later.
    using Handler = std::function<void(HttpRequest request, HttpReplier replier)>;
    // Called on an I/O thread for each answer the server gave itself (the status).
    using Refused = std::function<void(int status)>;

    struct TlsPem
    {
        QByteArray chain; // PEM certificates, the server's first
        QByteArray key;   // PEM private key; wiped once loaded
    };
    struct Stats
    {
        int connections = 0; // served
        int overflow = 0;    // over a limit, being answered 429
        qint64 evicted = 0;  // quiet connections closed to make room
        qint64 overloaded = 0;
        qint64 dropped = 0;
    };

    HttpServer(HttpLimits limits, Handler handler, Refused refused = {});
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds, listens and starts `threads` I/O threads (0: one per core, at least two). Returns
    // the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, std::optional<TlsPem> tls,
                           int threads = 0);
    // Stops accepting, closes every connection and joins the I/O threads.
    void stop();
    Stats stats() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace clinicdesk
