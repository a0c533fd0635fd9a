#pragma once

#include <QByteArray>
#include <QList>

namespace clinicdesk {

// What one client may cost the inbox's HTTP layer (HttpServer). Defaults are the production
// values; clinicdesk-inbox reads overrides from its environment (docs/guide/it.md).
struct HttpLimits
{
    qint64 maxHeadBytes = 16 * 1024;   // request line and fields; beyond: 431
    qint64 maxBodyBytes = 1024 * 1024; // checked against Content-Length before reading; 413
    int handshakeTimeoutMs = 10000;    // TCP accept to the end of the TLS handshake
    int headTimeoutMs = 10000;         // first byte of a request to the end of its head; 408
    int bodyTimeoutMs = 10000;         // end of the head to the end of the body (whole body); 408
    int idleTimeoutMs = 30000;         // a keep-alive connection waiting for its next request
    int writeTimeoutMs = 30000;        // a client that does not read its answer is cut
    int busyTimeoutMs = 120000;        // a handler that never answers (a bug) cannot hold a slot
    int lingerMs = 5000;               // after an error answer: read and drop what the client sends
    int maxConnections = 512;          // served connections, all addresses
    int maxPerAddress = 128;           // served connections from one peer address
    // Connections over a limit still get an answer: their head is read (with the short timeouts
    // below) and they get 429 + Retry-After, or the paths listed here are served, and the
    // connection closes. At most this many such connections at once; beyond, the socket closes.
    int maxOverflow = 256;
    int overflowTimeoutMs = 3000;
    int retryAfterSeconds = 1;
    QList<QByteArray> servedWhenFull = {QByteArrayLiteral("/healthz")};
};

} // namespace clinicdesk
