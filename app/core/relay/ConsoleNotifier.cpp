#include "relay/ConsoleNotifier.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include <unistd.h>

namespace clinicdesk {

QString ConsoleNotifier::serverName(const QString &dataDir)
{
    // Per user and per store: the same path always gives the same short name.
    const QByteArray identity = QFileInfo(dataDir).absoluteFilePath().toUtf8() + '\0' +
                                QByteArray::number(qulonglong(::getuid()));
    return QStringLiteral("clinicdesk-console-") +
           QString::fromLatin1(crypto::sha256(identity).toHex().left(20));
}

ConsoleNotifierServer::ConsoleNotifierServer(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &ConsoleNotifierServer::onNewConnection);
}

ConsoleNotifierServer::~ConsoleNotifierServer() = default;

bool ConsoleNotifierServer::listen(const QString &dataDir)
{
    const QString name = ConsoleNotifier::serverName(dataDir);
    // Probe first: with UserAccessOption Qt binds in a private directory and renames the socket
    // into place, which would silently take the name from a live console.
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(500)) {
        m_error = QStringLiteral("another console already serves this store");
        return false;
    }
    // Nobody answers: whatever is there is a stale socket of a console that crashed.
    QLocalServer::removeServer(name);
    if (!m_server->listen(name)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

QString ConsoleNotifierServer::errorString() const
{
    return m_error;
}

void ConsoleNotifierServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        readClient(socket);
    }
}

void ConsoleNotifierServer::readClient(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(ConsoleNotifier::kMaxLineBytes).trimmed();
        if (!line.startsWith("visits "))
            continue;
        QStringList ids;
        for (const QByteArray &id : line.mid(7).split(',')) {
            if (!id.isEmpty())
                ids << QString::fromLatin1(id);
        }
        if (!ids.isEmpty())
            Q_EMIT visitsChanged(ids);
    }
    if (socket->bytesAvailable() > ConsoleNotifier::kMaxLineBytes)
        socket->abort();
}

ConsoleNotifierClient::ConsoleNotifierClient(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_name(ConsoleNotifier::serverName(dataDir))
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_retries = 0;
        flush();
    });
    // A console too busy to accept at once (its listen queue full: EAGAIN) makes Qt give up the
    // attempt after 100 ms and close the socket without any error signal. The message must not
    // wait for the next event, which may be hours away: try again a few times.
    connect(m_socket, &QLocalSocket::stateChanged, this, [this](QLocalSocket::LocalSocketState s) {
        if (s != QLocalSocket::UnconnectedState || m_queue.isEmpty() || m_retries >= 20)
            return;
        ++m_retries;
        QTimer::singleShot(50 * m_retries, this, [this] {
            if (m_socket->state() == QLocalSocket::UnconnectedState && !m_queue.isEmpty())
                m_socket->connectToServer(m_name);
        });
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError) {
        // No console running (or it went away): nothing to tell; it reloads when it starts.
        m_queue.clear();
        m_socket->abort();
    });
}

ConsoleNotifierClient::~ConsoleNotifierClient() = default;

void ConsoleNotifierClient::notifyVisitsChanged(const QStringList &visitIds)
{
    if (visitIds.isEmpty())
        return;
    QByteArray line = "visits ";
    for (const QString &id : visitIds) {
        if (line.size() > ConsoleNotifier::kMaxLineBytes - 128) {
            m_queue.append(line + '\n');
            line = "visits ";
        }
        line += id.toLatin1() + ',';
    }
    line.chop(1);
    m_queue.append(line + '\n');
    if (m_queue.size() > 1000)
        m_queue.remove(0, m_queue.size() - 1000);
    if (m_socket->state() == QLocalSocket::ConnectedState)
        flush();
    else if (m_socket->state() == QLocalSocket::UnconnectedState) {
        m_retries = 0;
        m_socket->connectToServer(m_name);
    }
}

void ConsoleNotifierClient::flush()
{
    for (const QByteArray &line : std::as_const(m_queue)) {
        m_socket->write(line);
        ++m_sent;
    }
    m_queue.clear();
    m_socket->flush();
}

} // namespace clinicdesk
