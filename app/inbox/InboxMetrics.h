#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace clinicdesk {

// Counters since start, rendered in the Prometheus text format for GET /metrics.
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

    void received(const QString &provider) { ++m_received[provider]; }
    void rejected(Rejection reason) { ++m_rejected[reason]; }
    void duplicate() { ++m_duplicates; }
    void conflict() { ++m_conflicts; }
    void stored(qint64 count) { m_stored += count; }
    void served(const QString &consumer, qint64 count) { m_served[consumer] += count; }

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
    QMap<QString, qint64> m_received;
    QMap<Rejection, qint64> m_rejected;
    qint64 m_duplicates = 0;
    qint64 m_conflicts = 0;
    qint64 m_stored = 0;
    QMap<QString, qint64> m_served;
};

} // namespace clinicdesk
