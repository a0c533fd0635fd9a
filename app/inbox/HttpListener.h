#pragma once

#include "HttpConnection.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace clinicdesk {

// Accepts TCP connections, does the TLS handshake itself (so handshaking connections count
// against the same limit and time out like any other), and hands out HttpConnections. At
// `maxConnections` a new connection evicts the longest-quiet one that has no request in progress
// (half-open and idle keep-alive connections cannot lock senders out); with none to evict, the
// newcomer is closed at once.
class HttpListener final : public QTcpServer
{
    Q_OBJECT

public:
    HttpListener(std::optional<QSslConfiguration> tls, HttpConnection::Limits limits,
                 int maxConnections, QObject *parent = nullptr);

    int connectionCount() const { return int(m_connections.size()); }
    qint64 evictedCount() const { return m_evicted; }

Q_SIGNALS:
    void requestReady(clinicdesk::HttpConnection *connection, clinicdesk::HttpRequest request);
    void connectionClosed(clinicdesk::HttpConnection *connection);
    void refused(int status);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    bool evictOne();

    std::optional<QSslConfiguration> m_tls;
    HttpConnection::Limits m_limits;
    int m_maxConnections;
    QList<HttpConnection *> m_connections;
    qint64 m_evicted = 0;
};

} // namespace clinicdesk
