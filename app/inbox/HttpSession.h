#pragma once

// Internal to HttpServer: the only header besides HttpSession.cpp and HttpServer.cpp that sees
// Boost.Beast and Asio, which are slow to compile (docs/ARCHITECTURE.md, "inbox").

#include "HttpLimits.h"
#include "HttpReplier.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clinicdesk {

class HttpSession;

// What the server and its sessions share: limits, the handler, TLS, counters and the registry
// of open connections (for the per-address and global limits and for eviction).
struct HttpServerCore
{
    using Handler = std::function<void(HttpRequest, HttpReplier)>;

    HttpLimits limits;
    Handler handler;
    std::function<void(int status)> refused; // answers the layer gave itself (4xx/5xx)
    std::unique_ptr<boost::asio::io_context> io;
    std::optional<boost::asio::ssl::context> tls;

    std::atomic<qint64> evicted{0};
    std::atomic<qint64> overloaded{0}; // 429 answered at a connection limit
    std::atomic<qint64> dropped{0};    // closed unanswered: even the overflow was full

    enum class Admission
    {
        Served,
        Overflow,
        Refused,
    };
    // Decides how a new connection from `address` is handled, evicting a quiet connection when
    // that makes room (the evicted one closes on its own strand).
    Admission admit(const std::shared_ptr<HttpSession> &session, const std::string &address);
    void release(HttpSession *session);
    void closeAll();
    int servedCount() const;
    int overflowCount() const;

private:
    struct Entry
    {
        std::weak_ptr<HttpSession> session;
        HttpSession *raw = nullptr;
        std::string address;
        bool overflow = false;
    };
    std::shared_ptr<HttpSession> evictable(bool overflow, const std::string *address);

    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
    int m_served = 0;
    int m_overflow = 0;
};

// One client connection: TLS handshake, then one request at a time (keep-alive, pipelined
// requests wait in the buffer), each parsed by Beast's request_parser with our RFC 9112 framing
// checks on top (HttpFraming). Runs on its own strand; send() and evict() post to it.
class HttpSession final : public HttpExchange, public std::enable_shared_from_this<HttpSession>
{
public:
    enum class Phase
    {
        Handshake,
        Idle,
        Head,
        Body,
        Busy,
        Writing,
        Closing,
    };

    HttpSession(HttpServerCore &core, boost::asio::ip::tcp::socket socket, QHostAddress peer);
    ~HttpSession() override;

    void start(bool overflow);
    void evict();
    void close();
    void send(HttpResponse response) override;
    bool isOpen() const override { return !m_closed.load(); }

    Phase phase() const { return m_phase.load(); }
    qint64 lastActivityMs() const { return m_lastActivityMs.load(); }
    static bool isEvictable(Phase phase);

private:
    void onHandshake(const boost::system::error_code &ec);
    void startRequest();
    void readMore();
    void onRead(const boost::system::error_code &ec, std::size_t bytes);
    void process();
    bool checkHead();
    void dispatch();
    void deliver(HttpResponse response);
    // `interim`: a 100 Continue, after which the body is read on.
    void write(QByteArray bytes, bool close, bool interim = false);
    void onWritten(const boost::system::error_code &ec, bool close);
    void fail(int status, const QByteArray &message);
    void linger();
    void dropBody();
    void drain();
    void dropIncoming();
    void closeNow();
    void arm(int ms);
    void onDeadline();
    void setPhase(Phase phase);

    HttpServerCore &m_core;
    boost::asio::ip::tcp::socket m_socket;
    std::optional<boost::asio::ssl::stream<boost::asio::ip::tcp::socket &>> m_tls;
    boost::asio::steady_timer m_timer;
    QHostAddress m_peer;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    QByteArray m_out;
    std::atomic<Phase> m_phase{Phase::Handshake};
    std::atomic<qint64> m_lastActivityMs{0};
    std::atomic<bool> m_closed{false};
    quint64 m_timerGeneration = 0;
    qsizetype m_scanned = 0; // head bytes already searched for a bare LF
    qint64 m_lingered = 0;
    qint64 m_drainBytes = 0; // of a body refused by its declared length, still to come
    bool m_overflow = false;
    bool m_headChecked = false;
    bool m_keepAlive = true;
    bool m_timedOut = false;
    bool m_awaitingAnswer = false;
    bool m_closeAfterAnswer = false;
    bool m_sendingCloseNotify = false;
};

} // namespace clinicdesk
