#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <mutex>

namespace clinicdesk {

// Counters since start, rendered in the Prometheus text format for GET /metrics. Thread-safe:
// the HTTP layer's I/O threads and the writer count as they go.
class InboxMetrics
{
public:
    enum class Rejection
    {
        Malformed,
        Signature,
        Timestamp,
        UnknownProvider,
        TooLarge,
        Overloaded,
        StoreFailed,
    };

    void received(const QString &provider)
    {
        const std::lock_guard lock(m_mutex);
        ++m_received[provider];
    }
    void rejected(Rejection reason)
    {
        const std::lock_guard lock(m_mutex);
        ++m_rejected[reason];
    }
    void committed(qint64 stored, qint64 duplicates, qint64 conflicts)
    {
        const std::lock_guard lock(m_mutex);
        m_stored += stored;
        m_duplicates += duplicates;
        m_conflicts += conflicts;
    }
    void served(const QString &consumer, qint64 count)
    {
        const std::lock_guard lock(m_mutex);
        m_served[consumer] += count;
    }

    struct Gauges
    {
        qint64 lastCursor = 0;
        QMap<QString, qint64> committed;
        int connections = 0;
        int overflow = 0;
        int queued = 0;
        int waiting = 0;
        qint64 evicted = 0;
        qint64 overloaded = 0;
        qint64 dropped = 0;
    };
    QByteArray render(const Gauges &gauges) const;

    static QByteArray reasonName(Rejection reason);

private:
    mutable std::mutex m_mutex;
    QMap<QString, qint64> m_received;
    QMap<Rejection, qint64> m_rejected;
    qint64 m_duplicates = 0;
    qint64 m_conflicts = 0;
    qint64 m_stored = 0;
    QMap<QString, qint64> m_served;
};

} // namespace clinicdesk
