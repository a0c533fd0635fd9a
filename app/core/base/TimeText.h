#pragma once

#include <QDateTime>
#include <QString>

namespace clinicdesk {

// The one text form of a moment that ClinicDesk stores, sends and logs: ISO 8601 in UTC with
// milliseconds and a Z, "2026-11-24T01:50:00.123Z" (exactly what Qt::ISODateWithMs gives for a
// UTC QDateTime, which is how every stored time so far was written).
//
// Why one helper: stored times are compared as text (ORDER BY, <= in SQL, the board's fast
// parser) and the audit chain hashes them as bytes, so a writer that used another form (an
// offset instead of Z, no milliseconds) would sort wrongly or break the chain.
class TimeText
{
public:
    // Now, e.g. for created_at / updated_at.
    static QString utcNow();
    // `moment` in UTC (a local or offset time is converted first).
    static QString utc(const QDateTime &moment);
    // Milliseconds since the Unix epoch.
    static QString utcFromMs(qint64 msSinceEpoch);
};

} // namespace clinicdesk
