#pragma once

#include "HttpMessage.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace clinicdesk {

// One client connection of the inbox's small HTTP/1.1 server (keep-alive, one request at a time;
// Content-Length or chunked bodies). Its limits keep hostile clients cheap:
//  - the TLS handshake and the request head must complete within `headTimeoutMs` of the
//    connection / the request's first byte (slowloris), the body within `bodyTimeoutMs`;
//  - an idle keep-alive connection closes after `idleTimeoutMs`;
//  - a head over `maxHeadBytes` gets 431, a body over `maxBodyBytes` gets 413 as soon as its
//    length is known (it is never read), and the connection closes;
//  - the socket's read buffer is bounded, so a client that pipelines requests without reading
//    replies is pushed back by TCP instead of filling memory.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 1024 * 1024;
        int headTimeoutMs = 10000;
        int bodyTimeoutMs = 30000;
        int idleTimeoutMs = 30000;
    };
    enum class Phase
    {
        Handshake,
        Idle,
        Head,
        Body,
        Busy,
        Draining, // answered 413 and closing: the unread body is read and dropped
    };

    HttpConnection(QTcpSocket *socket, bool tls, const Limits &limits, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers the request passed in requestReady(); the next one is read afterwards.
    void respond(const HttpResponse &response);
    Phase phase() const { return m_phase; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    void abort();

Q_SIGNALS:
    void requestReady(clinicdesk::HttpRequest request);
    void closed();
    // Answered by the connection itself (400, 408, 413, 431…) without a requestReady().
    void refused(int status);

private:
    void onReadyRead();
    void processBuffer();
    bool parseHead(qsizetype headEnd);
    // -1: need more, -2: too large / malformed (already answered), else body complete.
    int decodeChunked();
    void fail(int status, const QByteArray &message);
    void armTimer(int ms);
    void onTimeout();
    void onDisconnected();

    QTcpSocket *m_socket;
    Limits m_limits;
    Phase m_phase;
    QByteArray m_buffer;
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    bool m_closeAfter = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
    bool m_drainAfterReply = false;
    qint64 m_drained = 0;
    qint64 m_lastActivityMs = 0;
    QTimer m_timer;
};

} // namespace clinicdesk
