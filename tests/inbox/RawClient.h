#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>

#include <memory>

// One TLS connection to the inbox for requests no HTTP client library would send (smuggling
// attempts, bare LFs, dribbled bodies), optionally from another loopback source address
// (127.0.0.2) so that per-address limits can be told apart. Blocking calls with deadlines.
namespace inboxtest {

class RawClient
{
public:
    // Connects and finishes the TLS handshake; isOpen() says whether that worked.
    // `host` is where to connect; the certificate is checked for `peerName` (the inbox's
    // generated one names 127.0.0.1 and localhost).
    RawClient(const QSslConfiguration &tls, quint16 port,
              const QHostAddress &source = QHostAddress(),
              const QString &host = QStringLiteral("127.0.0.1"),
              const QString &peerName = QStringLiteral("127.0.0.1"), int timeoutMs = 20000)
        : m_socket(std::make_unique<QSslSocket>())
    {
        m_socket->setSslConfiguration(tls);
        if (!source.isNull())
            m_socket->bind(source, 0);
        m_socket->connectToHostEncrypted(host, port, peerName);
        m_encrypted = m_socket->waitForEncrypted(timeoutMs);
    }

    bool isOpen() const
    {
        return m_encrypted && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    QSslSocket &socket() { return *m_socket; }

    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    // Everything the server sends until it closes the connection (or the deadline passes).
    QByteArray readUntilClosed(int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        QByteArray all = m_socket->readAll();
        while (!deadline.hasExpired() && m_socket->state() == QAbstractSocket::ConnectedState) {
            if (m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                all += m_socket->readAll();
        }
        all += m_socket->readAll();
        m_closedByPeer = m_socket->state() != QAbstractSocket::ConnectedState;
        return all;
    }
    bool closedByPeer() const { return m_closedByPeer; }

    // One complete response (head and Content-Length body), leaving the connection open.
    QByteArray readResponse(int timeoutMs = 30000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const QByteArray head = m_buffer.left(headEnd).toLower();
                const qsizetype at = head.indexOf("content-length:");
                const qint64 length = at < 0 ? 0
                                             : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                                   .trimmed()
                                                   .toLongLong();
                if (m_buffer.size() >= headEnd + 4 + length) {
                    const QByteArray response = m_buffer.left(headEnd + 4 + length);
                    m_buffer.remove(0, response.size());
                    return response;
                }
            }
            if (m_socket->bytesAvailable() == 0 &&
                !m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                if (m_socket->state() != QAbstractSocket::ConnectedState)
                    break;
            m_buffer += m_socket->readAll();
        }
        return QByteArray();
    }

    // The status code of each response in `bytes` (no body the inbox sends contains a status
    // line).
    static QList<int> statuses(const QByteArray &bytes)
    {
        QList<int> out;
        qsizetype at = 0;
        while ((at = bytes.indexOf("HTTP/1.1 ", at)) >= 0) {
            bool ok = false;
            const int status = bytes.mid(at + 9, 3).toInt(&ok);
            if (ok && bytes.mid(at + 12, 1) == " ")
                out.append(status);
            at += 9;
        }
        return out;
    }

private:
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
    bool m_encrypted = false;
    bool m_closedByPeer = false;
};

} // namespace inboxtest
