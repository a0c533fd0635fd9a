#include "HttpConnection.h"

#include "base/Logging.h"
#include "service/HttpStatus.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>

namespace clinicdesk {
namespace {

constexpr qint64 kSocketReadBuffer = 256 * 1024;
constexpr qint64 kMaxDrainBytes = 64 * 1024 * 1024;
constexpr int kDrainTimeoutMs = 10000;

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c <= 0x20 || c >= 0x7f || c == ':')
            return false;
    }
    return true;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, bool tls, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_phase(tls ? Phase::Handshake : Phase::Idle)
    , m_lastActivityMs(QDateTime::currentMSecsSinceEpoch())
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(m_socket);
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_phase = Phase::Idle;
            armTimer(m_limits.idleTimeoutMs);
            processBuffer();
        });
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &) { abort(); });
        armTimer(m_limits.headTimeoutMs);
    } else {
        armTimer(m_limits.idleTimeoutMs);
    }
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::armTimer(int ms)
{
    m_timer.start(ms);
}

void HttpConnection::abort()
{
    if (m_closing)
        return;
    m_closing = true;
    m_timer.stop();
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    // A long-poll whose client went away: the server drops its waiter on closed().
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    m_closing = true;
    m_timer.stop();
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Handshake:
    case Phase::Idle:
        abort();
        break;
    case Phase::Head:
    case Phase::Body:
        fail(408, "request not received in time");
        break;
    case Phase::Busy:
        break;
    case Phase::Draining:
        abort();
        break;
    }
}

void HttpConnection::onReadyRead()
{
    m_lastActivityMs = QDateTime::currentMSecsSinceEpoch();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_phase == Phase::Draining) {
        // Read the body the client insists on sending, so that closing does not reset the
        // connection before it has read the 413; bounded by size and by the timer.
        m_drained += m_buffer.size() + m_socket->bytesAvailable();
        m_buffer.clear();
        m_socket->skip(m_socket->bytesAvailable());
        if (m_drained >= m_contentLength || m_drained > kMaxDrainBytes) {
            m_closing = true;
            m_socket->disconnectFromHost();
        }
        return;
    }
    while (!m_closing && m_phase != Phase::Busy && m_phase != Phase::Handshake) {
        // Read only what the current phase may still need: never more than one request ahead.
        const qint64 room =
            m_limits.maxHeadBytes + m_limits.maxBodyBytes + 64 * 1024 - m_buffer.size();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_buffer += m_socket->read(room);
        if (m_buffer.isEmpty())
            return;
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Head;
            armTimer(m_limits.headTimeoutMs);
        }
        if (m_phase == Phase::Head) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_buffer.size() > m_limits.maxHeadBytes)
                    fail(431, "request head too large");
                return;
            }
            if (headEnd + 4 > m_limits.maxHeadBytes) {
                fail(431, "request head too large");
                return;
            }
            if (!parseHead(headEnd))
                return;
            m_buffer.remove(0, headEnd + 4);
            m_phase = Phase::Body;
            m_timer.setInterval(m_limits.bodyTimeoutMs);
        }
        if (m_phase == Phase::Body) {
            if (m_chunked) {
                const int result = decodeChunked();
                if (result < 0)
                    return;
            } else {
                if (m_buffer.size() < m_contentLength)
                    return;
                m_request.body = m_buffer.left(m_contentLength);
                m_buffer.remove(0, m_contentLength);
            }
            m_phase = Phase::Busy;
            m_timer.stop();
            HttpRequest request = std::move(m_request);
            m_request = HttpRequest();
            Q_EMIT requestReady(std::move(request));
            return;
        }
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/') ||
        !requestLine[2].startsWith("HTTP/1.")) {
        fail(400, "malformed request line");
        return false;
    }
    m_request = HttpRequest();
    m_request.method = requestLine[0];
    const QByteArray target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    m_request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromLatin1(target.mid(question + 1)));
    const bool http10 = requestLine[2] == "HTTP/1.0";
    if (lines.size() > 101) {
        fail(431, "too many header fields");
        return false;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            fail(400, "malformed header field");
            return false;
        }
        m_request.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_closeAfter = http10 ? !connection.contains("keep-alive") : connection.contains("close");
    m_chunked = false;
    m_contentLength = 0;
    const QByteArray encoding = m_request.header("transfer-encoding").toLower();
    if (!encoding.isEmpty()) {
        if (encoding != "chunked" || m_request.hasHeader("content-length")) {
            fail(501, "unsupported transfer encoding");
            return false;
        }
        m_chunked = true;
    } else if (m_request.hasHeader("content-length")) {
        const QByteArray text = m_request.header("content-length");
        bool ok = !text.isEmpty() && text.size() <= 18;
        for (char c : text)
            ok = ok && c >= '0' && c <= '9';
        m_contentLength = ok ? text.toLongLong(&ok) : -1;
        if (!ok || m_contentLength < 0) {
            fail(400, "malformed content-length");
            return false;
        }
        if (m_contentLength > m_limits.maxBodyBytes) {
            m_drainAfterReply = true;
            m_buffer.remove(0, headEnd + 4);
            fail(413, "body over the limit");
            return false;
        }
    }
    return true;
}

int HttpConnection::decodeChunked()
{
    QByteArray body;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
        if (lineEnd < 0) {
            if (m_buffer.size() - pos > 1024) {
                fail(400, "malformed chunk");
                return -2;
            }
            return -1;
        }
        QByteArray sizeText = m_buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size =
            sizeText.trimmed().size() <= 8 ? sizeText.trimmed().toLongLong(&ok, 16) : -1;
        if (!ok || size < 0) {
            fail(400, "malformed chunk");
            return -2;
        }
        if (body.size() + size > m_limits.maxBodyBytes) {
            fail(413, "body over the limit");
            return -2;
        }
        const qsizetype dataStart = lineEnd + 2;
        if (size == 0) {
            // Trailers are not supported: the body ends with an empty line.
            if (m_buffer.size() < dataStart + 2)
                return -1;
            if (m_buffer.mid(dataStart, 2) != "\r\n") {
                fail(400, "chunk trailers are not supported");
                return -2;
            }
            m_request.body = body;
            m_buffer.remove(0, dataStart + 2);
            return 0;
        }
        if (m_buffer.size() < dataStart + size + 2)
            return -1;
        body += m_buffer.mid(dataStart, size);
        pos = dataStart + size + 2;
    }
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    HttpResponse response = HttpResponse::error(status, message);
    response.close = true;
    m_phase = Phase::Busy;
    Q_EMIT refused(status);
    respond(response);
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (m_closing)
        return;
    const bool close = response.close || m_closeAfter;
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
           HttpStatus::reasonPhrase(response.status) + "\r\nContent-Type: " + response.contentType +
           "\r\nContent-Length: " + QByteArray::number(response.body.size()) +
           "\r\nCache-Control: no-store\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    out += response.body;
    m_socket->write(out);
    m_lastActivityMs = QDateTime::currentMSecsSinceEpoch();
    if (close && m_drainAfterReply) {
        m_phase = Phase::Draining;
        armTimer(kDrainTimeoutMs);
        processBuffer();
        return;
    }
    if (close) {
        m_closing = true;
        m_timer.stop();
        m_socket->disconnectFromHost();
        // disconnected() follows once the reply is flushed; a peer that never reads it is cut.
        QTimer::singleShot(m_limits.idleTimeoutMs, this, [this] { m_socket->abort(); });
        return;
    }
    m_phase = Phase::Idle;
    armTimer(m_limits.idleTimeoutMs);
    QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

} // namespace clinicdesk
