#pragma once

#include "base/Result.h"

#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace clinicdesk {

class Database;

// Live changes from the other workstations of a store on PostgreSQL (docs/postgresql.md,
// "Several consoles, live"): migration 11's triggers NOTIFY, in the writer's transaction, one
// message per changed visit ("visit <id>": the visit, its timeline, its messages) or draft
// ("draft <id>") on the store's own channel; this object LISTENs on a connection of its own
// (QPSQL delivers notifications through the event loop of the thread that opened it: create it
// on the thread whose event loop runs, the GUI thread in the console) and says which ids changed.
// Notifications arriving together (a relay batch) come out as one signal.
//
// A lost connection (server restart, pg_terminate_backend, network) is noticed within a second
// (libpq's state every kCheckIntervalMs, and a `SELECT 1` every few seconds for a silent
// network), opened again with the LISTEN, and resynced() says that anything may have changed
// meanwhile. (QPSQL's own socket notifier, which this cannot reach, then logs once
// "QSocketNotifier: Invalid socket … disabling": libpq closed the socket under it.) On SQLite (one
// PC) there is nothing to listen to: open() returns null.
class ChangeFeed final : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Database>>()>;

    // `opener` makes a new connection to the store (LocalStore::connectionOpener()); null when
    // `database` is SQLite.
    static Result<std::unique_ptr<ChangeFeed>> open(const Database &database, Opener opener);
    ~ChangeFeed() override;

    // The channel of the store whose tables live in `schema` (the triggers compute the same).
    static QString channelFor(const QString &schema);
    QString channel() const { return m_channel; }
    // The listening connection's server process (tests end it with pg_terminate_backend).
    qint64 backendPid() const { return m_backendPid; }
    bool isListening() const;

    static constexpr int kCheckIntervalMs = 250;
    static constexpr int kHeartbeatIntervalMs = 5000;

Q_SIGNALS:
    void visitsChanged(const QStringList &visitIds);
    void draftsChanged(const QStringList &draftIds);
    // The connection came back after a loss: notifications sent meanwhile are gone, so read
    // everything shown again.
    void resynced();

private:
    ChangeFeed(Opener opener, QString channel);
    Result<void> listen();
    void check();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);
    void flush();

    Opener m_opener;
    QString m_channel;
    std::unique_ptr<Database> m_connection;
    qint64 m_backendPid = 0;
    QTimer m_check;
    QTimer m_flush;
    int m_ticksSinceHeartbeat = 0;
    int m_retryTicks = 0;
    bool m_lost = false;
    QSet<QString> m_visits;
    QSet<QString> m_drafts;
};

} // namespace clinicdesk
