#include "HttpListener.h"

#include "base/Logging.h"

#include <QSslSocket>

#include <unistd.h>

namespace clinicdesk {

HttpListener::HttpListener(std::optional<QSslConfiguration> tls, HttpConnection::Limits limits,
                           int maxConnections, QObject *parent)
    : QTcpServer(parent)
    , m_tls(std::move(tls))
    , m_limits(limits)
    , m_maxConnections(maxConnections)
{}

bool HttpListener::evictOne()
{
    HttpConnection *oldest = nullptr;
    for (HttpConnection *connection : std::as_const(m_connections)) {
        const auto phase = connection->phase();
        if (phase == HttpConnection::Phase::Busy || phase == HttpConnection::Phase::Body)
            continue;
        if (!oldest || connection->lastActivityMs() < oldest->lastActivityMs())
            oldest = connection;
    }
    if (!oldest)
        return false;
    ++m_evicted;
    oldest->abort();
    return true;
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    if (m_connections.size() >= m_maxConnections && !evictOne()) {
        ::close(int(socketDescriptor));
        ++m_evicted;
        return;
    }
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(*m_tls);
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(int(socketDescriptor));
        return;
    }
    auto *connection = new HttpConnection(socket, m_tls.has_value(), m_limits, this);
    m_connections.append(connection);
    connect(connection, &HttpConnection::requestReady, this,
            [this, connection](HttpRequest request) {
                Q_EMIT requestReady(connection, std::move(request));
            });
    connect(connection, &HttpConnection::refused, this, &HttpListener::refused);
    connect(connection, &HttpConnection::closed, this, [this, connection] {
        m_connections.removeOne(connection);
        Q_EMIT connectionClosed(connection);
    });
    if (m_tls)
        static_cast<QSslSocket *>(socket)->startServerEncryption();
}

} // namespace clinicdesk
