#include "store/ChangeFeed.h"

#include "base/Logging.h"
#include "store/Database.h"
#include "store/PostgresSession.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace clinicdesk {

ChangeFeed::ChangeFeed(Opener opener, QString channel)
    : m_opener(std::move(opener))
    , m_channel(std::move(channel))
{
    m_check.setInterval(kCheckIntervalMs);
    connect(&m_check, &QTimer::timeout, this, &ChangeFeed::check);
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &ChangeFeed::flush);
}

ChangeFeed::~ChangeFeed() = default;

QString ChangeFeed::channelFor(const QString &schema)
{
    // As the trigger: 'clinicdesk_' || left(md5(schema), 16). A fixed form whatever the schema
    // is called (a channel is at most 63 bytes, and QPSQL's LISTEN quotes it as an identifier).
    const QByteArray digest =
        QCryptographicHash::hash(schema.toUtf8(), QCryptographicHash::Md5).toHex();
    return QStringLiteral("clinicdesk_") + QString::fromLatin1(digest.left(16));
}

Result<std::unique_ptr<ChangeFeed>> ChangeFeed::open(const Database &database, Opener opener)
{
    if (!database.isPostgres())
        return std::unique_ptr<ChangeFeed>();
    std::unique_ptr<ChangeFeed> feed(new ChangeFeed(std::move(opener), QString()));
    if (auto r = feed->listen(); !r)
        return r.error();
    feed->m_check.start();
    return feed;
}

bool ChangeFeed::isListening() const
{
    return m_connection && !postgres::connectionLost(m_connection->handle());
}

Result<void> ChangeFeed::listen()
{
    auto db = m_opener();
    if (!db)
        return db.error();
    auto who = db.value()->exec(QStringLiteral("SELECT current_schema(), pg_backend_pid()"));
    if (!who)
        return who.error();
    if (!who->next())
        return makeError(ErrorCode::Database, QStringLiteral("no current schema to listen on"));
    const QString channel = channelFor(who->value(0).toString());
    if (!m_channel.isEmpty() && channel != m_channel)
        return makeError(ErrorCode::Database,
                         QStringLiteral("the store's schema changed while listening"));
    QSqlDriver *driver = db.value()->handle().driver();
    if (!driver->subscribeToNotification(channel))
        return makeError(ErrorCode::Database, QStringLiteral("cannot listen for changes: %1")
                                                  .arg(driver->lastError().text().simplified()));
    connect(driver, &QSqlDriver::notification, this, &ChangeFeed::onNotification);
    m_channel = channel;
    m_backendPid = who->value(1).toLongLong();
    m_connection = std::move(db).value();
    m_ticksSinceHeartbeat = 0;
    return {};
}

void ChangeFeed::check()
{
    if (m_connection && !postgres::connectionLost(m_connection->handle())) {
        if (++m_ticksSinceHeartbeat * kCheckIntervalMs < kHeartbeatIntervalMs)
            return;
        // A network that went silent shows only when something is sent. Through QPSQL's own
        // exec, which then looks for notifications that arrived with the answer.
        m_ticksSinceHeartbeat = 0;
        QSqlQuery heartbeat(m_connection->handle());
        if (heartbeat.exec(QStringLiteral("SELECT 1")) ||
            !postgres::connectionLost(m_connection->handle()))
            return;
    }
    if (!m_lost) {
        m_lost = true;
        qCWarning(lcStore) << "change feed: connection lost; listening again";
    }
    m_connection.reset();
    // Once a second while the server is away.
    if (m_retryTicks++ % (1000 / kCheckIntervalMs) != 0)
        return;
    if (auto r = listen(); !r) {
        qCDebug(lcStore) << "change feed: not listening yet:" << r.error().message;
        return; // the next check tries again
    }
    m_lost = false;
    m_retryTicks = 0;
    qCInfo(lcStore) << "change feed: listening again";
    Q_EMIT resynced();
}

void ChangeFeed::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                const QVariant &payload)
{
    if (name != m_channel)
        return;
    const QString text = payload.toString();
    const qsizetype space = text.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return;
    const QStringView kind = QStringView(text).left(space);
    const QString id = text.mid(space + 1);
    if (kind == QLatin1String("visit"))
        m_visits.insert(id);
    else if (kind == QLatin1String("draft"))
        m_drafts.insert(id);
    else
        return;
    m_flush.start();
}

void ChangeFeed::flush()
{
    if (!m_visits.isEmpty()) {
        QStringList ids = m_visits.values();
        m_visits.clear();
        ids.sort();
        Q_EMIT visitsChanged(ids);
    }
    if (!m_drafts.isEmpty()) {
        QStringList ids = m_drafts.values();
        m_drafts.clear();
        ids.sort();
        Q_EMIT draftsChanged(ids);
    }
}

} // namespace clinicdesk
