#include "HttpServer.h"

#include "HttpSession.h"
#include "crypto/Crypto.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>

#include <thread>

#include <pthread.h>

namespace clinicdesk {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = boost::asio::ip::tcp;

struct HttpServer::Private
{
    HttpServerCore core;
    std::optional<tcp::acceptor> acceptor;
    std::vector<std::thread> threads;
    bool stopped = false;

    void accept();
};

void HttpServer::Private::accept()
{
    acceptor->async_accept(
        asio::make_strand(*core.io), [this](const error_code &ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open())
                return;
            if (!ec) {
                error_code ignored;
                const auto endpoint = socket.remote_endpoint(ignored);
                socket.set_option(tcp::no_delay(true), ignored);
                const std::string address = endpoint.address().to_string();
                auto session = std::make_shared<HttpSession>(
                    core, std::move(socket), QHostAddress(QString::fromStdString(address)));
                switch (core.admit(session, address)) {
                case HttpServerCore::Admission::Served:
                    session->start(false);
                    break;
                case HttpServerCore::Admission::Overflow:
                    session->start(true);
                    break;
                case HttpServerCore::Admission::Refused:
                    break; // the socket closes with the session
                }
            }
            // EMFILE and the like: keep accepting; the limits make room again.
            accept();
        });
}

HttpServer::HttpServer(HttpLimits limits, Handler handler, Refused refused)
    : d(std::make_unique<Private>())
{
    d->core.limits = std::move(limits);
    d->core.handler = std::move(handler);
    d->core.refused = std::move(refused);
    d->core.io = std::make_unique<asio::io_context>();
}

HttpServer::~HttpServer()
{
    stop();
    // Handlers still queued hold sessions: they are destroyed with the io_context, here, while
    // the core they point to is still alive.
    d->core.io.reset();
}

Result<quint16> HttpServer::listen(const QHostAddress &address, quint16 port,
                                   std::optional<TlsPem> tls, int threads)
{
    if (tls) {
        auto &context = d->core.tls.emplace(asio::ssl::context::tls_server);
        context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                            asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                            asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
        error_code ec;
        context.use_certificate_chain(asio::buffer(tls->chain.constData(), tls->chain.size()), ec);
        if (!ec)
            context.use_private_key(asio::buffer(tls->key.constData(), tls->key.size()),
                                    asio::ssl::context::pem, ec);
        crypto::wipe(tls->key);
        if (ec)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("the TLS certificate or key was refused: %1")
                                 .arg(QString::fromStdString(ec.message())));
    }
    error_code ec;
    const auto ip = asio::ip::make_address(address.toString().toStdString(), ec);
    if (ec)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot listen on %1").arg(address.toString()));
    auto &acceptor = d->acceptor.emplace(asio::make_strand(*d->core.io));
    const tcp::endpoint endpoint(ip, port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    // A deep backlog: a burst of senders must not see refused connections.
    if (!ec)
        acceptor.listen(1024, ec);
    if (ec)
        return makeError(ErrorCode::Io, QStringLiteral("cannot listen on %1 port %2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(QString::fromStdString(ec.message())));
    const quint16 bound = acceptor.local_endpoint(ec).port();
    d->accept();
    const int count = threads > 0 ? threads : int(qMax(2u, std::thread::hardware_concurrency()));
    for (int i = 0; i < count; ++i)
        d->threads.emplace_back([io = d->core.io.get(), i] {
            const std::string name = "inbox-io-" + std::to_string(i);
            ::pthread_setname_np(::pthread_self(), name.c_str());
            io->run();
        });
    return bound;
}

void HttpServer::stop()
{
    if (d->stopped)
        return;
    d->stopped = true;
    if (d->acceptor) {
        asio::post(d->acceptor->get_executor(), [this] {
            error_code ignored;
            d->acceptor->close(ignored);
        });
    }
    d->core.closeAll();
    d->core.io->stop();
    for (std::thread &thread : d->threads)
        thread.join();
    d->threads.clear();
    d->acceptor.reset();
}

HttpServer::Stats HttpServer::stats() const
{
    Stats stats;
    stats.connections = d->core.servedCount();
    stats.overflow = d->core.overflowCount();
    stats.evicted = d->core.evicted;
    stats.overloaded = d->core.overloaded;
    stats.dropped = d->core.dropped;
    return stats;
}

std::shared_ptr<HttpSession> HttpServerCore::evictable(bool overflow, const std::string *address)
{
    std::shared_ptr<HttpSession> oldest;
    for (const Entry &entry : m_entries) {
        if (entry.overflow != overflow || (address && entry.address != *address))
            continue;
        auto session = entry.session.lock();
        if (!session || !HttpSession::isEvictable(session->phase()) || !session->isOpen())
            continue;
        if (!oldest || session->lastActivityMs() < oldest->lastActivityMs())
            oldest = std::move(session);
    }
    return oldest;
}

HttpServerCore::Admission HttpServerCore::admit(const std::shared_ptr<HttpSession> &session,
                                                const std::string &address)
{
    const std::lock_guard lock(m_mutex);
    int fromAddress = 0;
    for (const Entry &entry : m_entries)
        fromAddress += !entry.overflow && entry.address == address;
    bool overflow = false;
    if (fromAddress >= limits.maxPerAddress || m_served >= limits.maxConnections) {
        // Make room by closing the longest-quiet connection that has nothing in progress: of
        // the same address when that address is at its limit, else of anyone.
        auto victim = evictable(false, fromAddress >= limits.maxPerAddress ? &address : nullptr);
        if (victim) {
            ++evicted;
            victim->evict();
        } else {
            overflow = true;
        }
    }
    if (overflow && m_overflow >= limits.maxOverflow) {
        auto victim = evictable(true, nullptr);
        if (!victim) {
            ++dropped;
            return Admission::Refused;
        }
        ++dropped;
        victim->evict();
    }
    m_entries.push_back(Entry{session, session.get(), address, overflow});
    ++(overflow ? m_overflow : m_served);
    return overflow ? Admission::Overflow : Admission::Served;
}

void HttpServerCore::release(HttpSession *session)
{
    const std::lock_guard lock(m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->raw == session) {
            --(it->overflow ? m_overflow : m_served);
            m_entries.erase(it);
            return;
        }
    }
}

void HttpServerCore::closeAll()
{
    const std::lock_guard lock(m_mutex);
    for (const Entry &entry : m_entries) {
        if (auto session = entry.session.lock())
            session->close();
    }
}

int HttpServerCore::servedCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_served;
}

int HttpServerCore::overflowCount() const
{
    const std::lock_guard lock(m_mutex);
    return m_overflow;
}

} // namespace clinicdesk
