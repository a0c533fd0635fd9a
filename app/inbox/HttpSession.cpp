#include "HttpSession.h"

#include "HttpFraming.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>

#include <QDateTime>

namespace clinicdesk {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
// Bytes of chunk-size line or trailer the parser may hold unconsumed while waiting for its CRLF.
constexpr std::size_t kMaxChunkFraming = 4096;
constexpr qint64 kMaxLingerBytes = 64LL * 1024 * 1024;
// The most of a refused body (413 by its Content-Length) read and dropped so that the client
// gets to read the answer.
constexpr qint64 kMaxDrainedBody = 16LL * 1024 * 1024;
// How long a closing TLS connection waits for the client's close_notify before closing TCP.
constexpr int kCloseNotifyGraceMs = 250;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Beast's parse errors as the status the client is told (RFC 9110/9112).
int statusFor(const error_code &ec)
{
    if (ec == bhttp::error::header_limit)
        return 431;
    if (ec == bhttp::error::body_limit)
        return 413;
    if (ec == bhttp::error::bad_version)
        return 505;
    return 400;
}

QByteArray messageFor(const error_code &ec)
{
    if (ec == bhttp::error::header_limit)
        return "request head too large";
    if (ec == bhttp::error::body_limit)
        return "body over the limit";
    if (ec == bhttp::error::bad_chunk || ec == bhttp::error::bad_chunk_extension)
        return "malformed chunk";
    if (ec == bhttp::error::bad_content_length)
        return "malformed or conflicting Content-Length";
    if (ec == bhttp::error::bad_transfer_encoding)
        return "conflicting or repeated Transfer-Encoding";
    return "malformed request";
}

} // namespace

HttpSession::HttpSession(HttpServerCore &core, asio::ip::tcp::socket socket, QHostAddress peer)
    : m_core(core)
    , m_socket(std::move(socket))
    , m_timer(m_socket.get_executor())
    , m_peer(std::move(peer))
    , m_buffer(std::size_t(core.limits.maxHeadBytes) + 2 * kReadChunk)
{
    m_lastActivityMs = nowMs();
    if (m_core.tls)
        m_tls.emplace(m_socket, *m_core.tls);
}

HttpSession::~HttpSession() = default;

bool HttpSession::isEvictable(Phase phase)
{
    // Nothing in progress: a quiet keep-alive, a handshake or head that has not finished (the
    // slow ones), or one already closing. Bodies and answers are left alone.
    return phase == Phase::Handshake || phase == Phase::Idle || phase == Phase::Head ||
           phase == Phase::Closing;
}

void HttpSession::setPhase(Phase phase)
{
    m_phase = phase;
    m_lastActivityMs = nowMs();
}

void HttpSession::start(bool overflow)
{
    m_overflow = overflow;
    asio::post(m_socket.get_executor(), [self = shared_from_this()] {
        const HttpLimits &limits = self->m_core.limits;
        const int timeout = self->m_overflow ? limits.overflowTimeoutMs : limits.handshakeTimeoutMs;
        if (!self->m_tls) {
            self->startRequest();
            return;
        }
        self->arm(timeout);
        self->m_tls->async_handshake(asio::ssl::stream_base::server,
                                     [self](const error_code &ec) { self->onHandshake(ec); });
    });
}

void HttpSession::onHandshake(const error_code &ec)
{
    if (ec || m_closed)
        return closeNow();
    startRequest();
}

void HttpSession::evict()
{
    asio::post(m_socket.get_executor(), [self = shared_from_this()] {
        if (isEvictable(self->phase()))
            self->closeNow();
    });
}

void HttpSession::close()
{
    asio::post(m_socket.get_executor(), [self = shared_from_this()] { self->closeNow(); });
}

void HttpSession::startRequest()
{
    m_parser.emplace();
    m_parser->header_limit(std::uint32_t(m_core.limits.maxHeadBytes));
    // Over a limit the body is never read (the answer comes from the head); the limit still
    // applies so that an oversized one is told 413 rather than 429.
    m_parser->body_limit(std::uint64_t(m_core.limits.maxBodyBytes));
    m_headChecked = false;
    m_scanned = 0;
    m_timedOut = false;
    if (m_buffer.size() > 0) {
        // A pipelined request is already here.
        setPhase(Phase::Head);
        arm(m_overflow ? m_core.limits.overflowTimeoutMs : m_core.limits.headTimeoutMs);
        return process();
    }
    setPhase(Phase::Idle);
    arm(m_overflow ? m_core.limits.overflowTimeoutMs : m_core.limits.idleTimeoutMs);
    readMore();
}

void HttpSession::readMore()
{
    const std::size_t room = m_buffer.max_size() - m_buffer.size();
    if (room == 0)
        return fail(m_parser && m_parser->is_header_done() ? 400 : 431,
                    m_parser && m_parser->is_header_done() ? "malformed chunk"
                                                           : "request head too large");
    const auto buffer = m_buffer.prepare(std::min(room, kReadChunk));
    auto done = [self = shared_from_this()](const error_code &ec, std::size_t bytes) {
        self->onRead(ec, bytes);
    };
    if (m_tls)
        m_tls->async_read_some(buffer, std::move(done));
    else
        m_socket.async_read_some(buffer, std::move(done));
}

void HttpSession::onRead(const error_code &ec, std::size_t bytes)
{
    if (m_closed)
        return;
    if (m_timedOut)
        return fail(408, "request not received in time");
    if (ec)
        return closeNow(); // the client went away (or half-closed): nothing to answer
    m_buffer.commit(bytes);
    m_lastActivityMs = nowMs();
    if (phase() == Phase::Idle) {
        setPhase(Phase::Head);
        arm(m_overflow ? m_core.limits.overflowTimeoutMs : m_core.limits.headTimeoutMs);
    }
    process();
}

void HttpSession::process()
{
    for (;;) {
        if (m_buffer.size() == 0)
            return readMore();
        error_code ec;
        const std::size_t used = m_parser->put(m_buffer.data(), ec);
        m_buffer.consume(used);
        if (ec == bhttp::error::need_more) {
            const auto data = m_buffer.data();
            const QByteArrayView waiting(static_cast<const char *>(data.data()),
                                         qsizetype(data.size()));
            if (!m_parser->is_header_done()) {
                // Beast looks for CRLF CRLF only; a head ending in bare LFs would wait forever.
                if (HttpFraming::findBareLf(waiting, qMax<qsizetype>(0, m_scanned - 1)) >= 0)
                    return fail(400, "bare LF in the request head");
                m_scanned = waiting.size();
            } else if (m_parser->chunked()) {
                // Unconsumed bytes of a chunked body are a chunk-size line or the trailer.
                if (HttpFraming::findBareLf(waiting) >= 0 || data.size() > kMaxChunkFraming)
                    return fail(400, "malformed chunk");
            }
            return readMore();
        }
        if (ec == bhttp::error::body_limit && !m_headChecked) {
            // Refused by its declared length: the client may be sending that body right now.
            // It is read and dropped after the answer, so that the answer is not lost to a
            // reset (HttpSession::linger).
            const auto length = m_parser->get()[bhttp::field::content_length];
            bool ok = false;
            const qint64 declared =
                QByteArray(length.data(), qsizetype(length.size())).trimmed().toLongLong(&ok);
            const qint64 remaining = declared - qint64(m_buffer.size());
            // A body far over the limit is not worth reading: that client is cut at once.
            if (ok && remaining > 0 && remaining <= kMaxDrainedBody)
                m_drainBytes = remaining;
        }
        if (ec) {
            // A head line ending in a bare LF fails in Beast as whatever it was parsing (the
            // version, a field): say what it is.
            const auto data = m_buffer.data();
            if (!m_headChecked &&
                HttpFraming::findBareLf(QByteArrayView(static_cast<const char *>(data.data()),
                                                       qsizetype(data.size()))) >= 0)
                return fail(400, "bare LF in the request head");
            return fail(statusFor(ec), messageFor(ec));
        }
        if (m_parser->is_header_done() && !m_headChecked) {
            m_headChecked = true;
            if (!checkHead())
                return;
            if (m_parser->is_done())
                return dispatch();
            setPhase(Phase::Body);
            arm(m_core.limits.bodyTimeoutMs);
            const auto expect = m_parser->get()[bhttp::field::expect];
            if (!expect.empty()) {
                // "100-continue" (HttpFraming refused anything else): go on sending.
                return write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"), false, true);
            }
            continue;
        }
        if (m_parser->is_done())
            return dispatch();
    }
}

bool HttpSession::checkHead()
{
    const auto &message = m_parser->get();
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto &field : message) {
        headers.append(
            {QByteArray(field.name_string().data(), qsizetype(field.name_string().size()))
                 .toLower(),
             QByteArray(field.value().data(), qsizetype(field.value().size()))});
    }
    const HttpFraming::Verdict verdict = HttpFraming::checkHead(headers, int(message.version()));
    if (verdict.status != 0) {
        fail(verdict.status, verdict.message);
        return false;
    }
    const auto target = message.target();
    if (target.empty() || target.front() != '/') {
        fail(400, "the request target must be a path");
        return false;
    }
    if (m_overflow) {
        // Over a connection limit: answered without reading a body, then closed.
        const QByteArray path =
            QByteArray(target.data(), qsizetype(target.size())).split('?').value(0);
        if (message.method() == bhttp::verb::get && m_core.limits.servedWhenFull.contains(path) &&
            m_parser->is_done()) {
            m_closeAfterAnswer = true;
            return true;
        }
        ++m_core.overloaded;
        HttpResponse response = HttpResponse::error(429, "too many connections, retry later");
        response.headers.append({QByteArrayLiteral("Retry-After"),
                                 QByteArray::number(m_core.limits.retryAfterSeconds)});
        m_awaitingAnswer = false;
        if (m_core.refused)
            m_core.refused(429);
        write(response.serialize(true), true);
        return false;
    }
    return true;
}

void HttpSession::dispatch()
{
    setPhase(Phase::Busy);
    arm(m_core.limits.busyTimeoutMs);
    auto message = m_parser->release();
    m_parser.reset();
    m_keepAlive = message.keep_alive() && !m_closeAfterAnswer;
    HttpRequest request;
    request.method =
        QByteArray(message.method_string().data(), qsizetype(message.method_string().size()));
    const QByteArray target(message.target().data(), qsizetype(message.target().size()));
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request.query = QUrlQuery(QString::fromLatin1(target.mid(question + 1)));
    for (const auto &field : message) {
        request.headers.append(
            {QByteArray(field.name_string().data(), qsizetype(field.name_string().size()))
                 .toLower(),
             QByteArray(field.value().data(), qsizetype(field.value().size()))});
    }
    request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    request.peer = m_peer;
    m_awaitingAnswer = true;
    m_core.handler(std::move(request), HttpReplier(shared_from_this()));
}

void HttpSession::send(HttpResponse response)
{
    asio::post(m_socket.get_executor(),
               [self = shared_from_this(), response = std::move(response)]() mutable {
                   self->deliver(std::move(response));
               });
}

void HttpSession::deliver(HttpResponse response)
{
    if (m_closed || !m_awaitingAnswer || phase() != Phase::Busy)
        return;
    m_awaitingAnswer = false;
    const bool close = response.close || !m_keepAlive;
    write(response.serialize(close), close);
}

void HttpSession::write(QByteArray bytes, bool close, bool interim)
{
    if (!interim) {
        setPhase(Phase::Writing);
        arm(m_core.limits.writeTimeoutMs);
    }
    m_out = std::move(bytes);
    auto done = [self = shared_from_this(), close, interim](const error_code &ec, std::size_t) {
        if (interim && !ec && !self->m_closed && !self->m_timedOut)
            return self->process();
        self->onWritten(ec, close);
    };
    const auto buffer = asio::buffer(m_out.constData(), std::size_t(m_out.size()));
    if (m_tls)
        asio::async_write(*m_tls, buffer, std::move(done));
    else
        asio::async_write(m_socket, buffer, std::move(done));
}

void HttpSession::onWritten(const error_code &ec, bool close)
{
    if (m_closed)
        return;
    if (ec)
        return closeNow();
    if (close)
        return linger();
    startRequest();
}

void HttpSession::fail(int status, const QByteArray &message)
{
    if (m_closed)
        return;
    if (m_core.refused)
        m_core.refused(status);
    HttpResponse response = HttpResponse::error(status, message);
    m_awaitingAnswer = false;
    write(response.serialize(true), true);
}

void HttpSession::linger()
{
    // The answer is out and the connection will close. Closing at once with unread bytes from
    // the client (the rest of a refused body) would reset the connection and could destroy the
    // answer before the client read it. So: say goodbye (TLS close_notify, then TCP FIN), and
    // read and drop whatever still comes, for a bounded time and size.
    setPhase(Phase::Closing);
    m_lingered = 0;
    if (m_drainBytes > 0)
        return dropBody();
    if (!m_tls)
        return drain();
    // Completes when the client answers with its close_notify, fails on the data it is still
    // sending, or is cancelled after a short grace (many clients never answer); then the TCP
    // side closes and the rest is dropped unread.
    m_sendingCloseNotify = true;
    arm(kCloseNotifyGraceMs);
    m_tls->async_shutdown([self = shared_from_this()](const error_code &) { self->drain(); });
}

void HttpSession::dropBody()
{
    arm(m_core.limits.lingerMs); // a client that stops sending is closed on the deadline
    m_buffer.clear();
    auto done = [self = shared_from_this()](const error_code &ec, std::size_t bytes) {
        if (ec || self->m_closed)
            return self->closeNow();
        self->m_drainBytes -= qint64(bytes);
        if (self->m_drainBytes > 0)
            return self->dropBody();
        self->m_drainBytes = 0;
        self->linger();
    };
    const auto buffer = m_buffer.prepare(kReadChunk);
    if (m_tls)
        m_tls->async_read_some(buffer, std::move(done));
    else
        m_socket.async_read_some(buffer, std::move(done));
}

void HttpSession::drain()
{
    m_sendingCloseNotify = false;
    if (m_closed)
        return;
    arm(m_core.limits.lingerMs);
    error_code ignored;
    m_socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    dropIncoming();
}

void HttpSession::dropIncoming()
{
    m_buffer.clear();
    m_socket.async_read_some(m_buffer.prepare(kReadChunk),
                             [self = shared_from_this()](const error_code &ec, std::size_t bytes) {
                                 self->m_lingered += qint64(bytes);
                                 if (ec || self->m_closed || self->m_lingered > kMaxLingerBytes)
                                     return self->closeNow();
                                 self->dropIncoming();
                             });
}

void HttpSession::closeNow()
{
    if (m_closed.exchange(true))
        return;
    m_phase = Phase::Closing;
    m_timer.cancel();
    error_code ignored;
    m_socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    m_socket.close(ignored);
    m_core.release(this);
}

void HttpSession::arm(int ms)
{
    const quint64 generation = ++m_timerGeneration;
    m_timer.expires_after(std::chrono::milliseconds(ms));
    m_timer.async_wait([self = shared_from_this(), generation](const error_code &ec) {
        if (ec || generation != self->m_timerGeneration || self->m_closed)
            return;
        self->onDeadline();
    });
}

void HttpSession::onDeadline()
{
    switch (phase()) {
    case Phase::Head:
    case Phase::Body: {
        // Cancel the read; its handler answers 408 (a write cannot start while it is pending).
        m_timedOut = true;
        error_code ignored;
        m_socket.cancel(ignored);
        return;
    }
    case Phase::Closing:
        if (m_sendingCloseNotify) {
            error_code ignored;
            m_socket.cancel(ignored); // the close_notify had its chance: drain() follows
            return;
        }
        return closeNow();
    case Phase::Handshake:
    case Phase::Idle:
    case Phase::Busy:
    case Phase::Writing:
        return closeNow();
    }
}

} // namespace clinicdesk
