#include "SandboxClock.h"

#include "SandboxStore.h"

#include <QDateTime>

namespace clinicdesk {
namespace {

const QString kOffsetKey = QStringLiteral("clock_offset_ms");

} // namespace

SandboxClock::SandboxClock(SandboxStore &store)
    : m_store(store)
{}

Result<void> SandboxClock::load()
{
    auto q =
        m_store.db().exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kOffsetKey});
    if (!q)
        return q.error();
    m_offsetMs = q->next() ? q->value(0).toLongLong() : 0;
    return {};
}

qint64 SandboxClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

Result<void> SandboxClock::advance(qint64 ms)
{
    if (ms < 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the clock only moves forward"));
    const qint64 offset = m_offsetMs + ms;
    auto r =
        m_store.db().exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON "
                                         "CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {kOffsetKey, QString::number(offset)});
    if (!r)
        return r.error();
    m_offsetMs = offset;
    return {};
}

int SandboxClock::daysBetween(qint64 fromMs, qint64 toMs)
{
    const qint64 diff = toMs - fromMs;
    return int(diff >= 0 ? diff / kDayMs : -((-diff + kDayMs - 1) / kDayMs));
}

} // namespace clinicdesk
