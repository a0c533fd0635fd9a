#include "InboxMetrics.h"

namespace clinicdesk {
namespace {

// Label values come from configuration (provider and consumer names); escaped all the same.
QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

} // namespace

QByteArray InboxMetrics::reasonName(Rejection reason)
{
    switch (reason) {
    case Rejection::Malformed:
        return "malformed";
    case Rejection::Signature:
        return "signature";
    case Rejection::Timestamp:
        return "timestamp";
    case Rejection::UnknownProvider:
        return "unknown_provider";
    case Rejection::TooLarge:
        return "too_large";
    case Rejection::Overloaded:
        return "overloaded";
    case Rejection::StoreFailed:
        return "store_failed";
    }
    return "other";
}

QByteArray InboxMetrics::render(const Gauges &gauges) const
{
    const std::lock_guard lock(m_mutex);
    QByteArray out;
    family(out, "clinicdesk_inbox_webhooks_received_total", "counter",
           "Webhooks received for a known provider, before verification.");
    for (auto it = m_received.constBegin(); it != m_received.constEnd(); ++it)
        out += "clinicdesk_inbox_webhooks_received_total{provider=\"" + label(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';
    family(out, "clinicdesk_inbox_webhooks_rejected_total", "counter",
           "Webhooks answered with an error, by reason.");
    for (Rejection reason : {Rejection::Malformed, Rejection::Signature, Rejection::Timestamp,
                             Rejection::UnknownProvider, Rejection::TooLarge, Rejection::Overloaded,
                             Rejection::StoreFailed})
        out += "clinicdesk_inbox_webhooks_rejected_total{reason=\"" + reasonName(reason) + "\"} " +
               QByteArray::number(m_rejected.value(reason)) + '\n';
    family(out, "clinicdesk_inbox_webhooks_duplicate_total", "counter",
           "Webhooks acknowledged as duplicates of a stored event.");
    out += "clinicdesk_inbox_webhooks_duplicate_total " + QByteArray::number(m_duplicates) + '\n';
    family(out, "clinicdesk_inbox_webhooks_conflict_total", "counter",
           "Webhook ids that came back with a different body (answered 409, body kept sealed).");
    out += "clinicdesk_inbox_webhooks_conflict_total " + QByteArray::number(m_conflicts) + '\n';
    family(out, "clinicdesk_inbox_events_stored_total", "counter",
           "Events durably stored (committed) since start.");
    out += "clinicdesk_inbox_events_stored_total " + QByteArray::number(m_stored) + '\n';
    family(out, "clinicdesk_inbox_events_served_total", "counter", "Events served, by consumer.");
    for (auto it = gauges.committed.constBegin(); it != gauges.committed.constEnd(); ++it)
        out += "clinicdesk_inbox_events_served_total{consumer=\"" + label(it.key()) + "\"} " +
               QByteArray::number(m_served.value(it.key())) + '\n';
    family(out, "clinicdesk_inbox_consumer_lag", "gauge",
           "Events stored after the consumer's committed cursor.");
    for (auto it = gauges.committed.constBegin(); it != gauges.committed.constEnd(); ++it)
        out += "clinicdesk_inbox_consumer_lag{consumer=\"" + label(it.key()) + "\"} " +
               QByteArray::number(qMax<qint64>(0, gauges.lastCursor - it.value())) + '\n';
    family(out, "clinicdesk_inbox_consumer_committed_cursor", "gauge",
           "The consumer's committed cursor.");
    for (auto it = gauges.committed.constBegin(); it != gauges.committed.constEnd(); ++it)
        out += "clinicdesk_inbox_consumer_committed_cursor{consumer=\"" + label(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';
    family(out, "clinicdesk_inbox_last_cursor", "gauge", "The newest event's cursor.");
    out += "clinicdesk_inbox_last_cursor " + QByteArray::number(gauges.lastCursor) + '\n';
    family(out, "clinicdesk_inbox_connections", "gauge", "Open client connections.");
    out += "clinicdesk_inbox_connections " + QByteArray::number(gauges.connections) + '\n';
    family(out, "clinicdesk_inbox_connections_overflow", "gauge",
           "Connections over a connection limit, being answered 429.");
    out += "clinicdesk_inbox_connections_overflow " + QByteArray::number(gauges.overflow) + '\n';
    family(out, "clinicdesk_inbox_connections_evicted_total", "counter",
           "Quiet connections closed to make room at a connection limit.");
    out +=
        "clinicdesk_inbox_connections_evicted_total " + QByteArray::number(gauges.evicted) + '\n';
    family(out, "clinicdesk_inbox_connections_overloaded_total", "counter",
           "Requests answered 429 + Retry-After because a connection limit was reached.");
    out += "clinicdesk_inbox_connections_overloaded_total " +
           QByteArray::number(gauges.overloaded) + '\n';
    family(out, "clinicdesk_inbox_connections_dropped_total", "counter",
           "Connections closed unanswered: even the overflow was full.");
    out +=
        "clinicdesk_inbox_connections_dropped_total " + QByteArray::number(gauges.dropped) + '\n';
    family(out, "clinicdesk_inbox_commit_queue", "gauge", "Webhooks waiting for the commit.");
    out += "clinicdesk_inbox_commit_queue " + QByteArray::number(gauges.queued) + '\n';
    family(out, "clinicdesk_inbox_long_polls", "gauge", "Parked long-poll requests.");
    out += "clinicdesk_inbox_long_polls " + QByteArray::number(gauges.waiting) + '\n';
    return out;
}

} // namespace clinicdesk
