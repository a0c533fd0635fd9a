#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace clinicdesk {

// The relay -> console channel: a QLocalServer created with UserAccessOption (only this OS user
// may connect), named after the store's data dir so that a relay reaches the console of the same
// store. Messages are single lines `visits <id>,<id>…\n` carrying visit ids only (never PHI): the
// console reloads those rows from its store at once, without polling the disk.
//
// ConsoleNotifierServer lives in the console; ConsoleNotifierClient in the relay. A client with
// no console to talk to drops its message (the console reads everything when it starts) and tries
// again with the next one.
class ConsoleNotifier
{
public:
    static QString serverName(const QString &dataDir);
    static constexpr int kMaxLineBytes = 64 * 1024;
};

class ConsoleNotifierServer final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleNotifierServer(QObject *parent = nullptr);
    ~ConsoleNotifierServer() override;

    // Listens for the store in `dataDir`; false when another live console already does. A stale
    // socket left by a crashed console is removed.
    bool listen(const QString &dataDir);
    QString errorString() const;

Q_SIGNALS:
    void visitsChanged(const QStringList &visitIds);

private:
    void onNewConnection();
    void readClient(QLocalSocket *socket);

    QLocalServer *m_server;
    QString m_error;
};

class ConsoleNotifierClient final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleNotifierClient(const QString &dataDir, QObject *parent = nullptr);
    ~ConsoleNotifierClient() override;

    void notifyVisitsChanged(const QStringList &visitIds);
    qint64 sentCount() const { return m_sent; }

private:
    void flush();

    QString m_name;
    QLocalSocket *m_socket;
    QList<QByteArray> m_queue;
    qint64 m_sent = 0;
    int m_retries = 0; // connection attempts Qt gave up on silently (see the .cpp)
};

} // namespace clinicdesk
