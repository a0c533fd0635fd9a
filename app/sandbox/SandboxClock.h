#pragma once

#include "base/Result.h"

#include <QtGlobal>

namespace clinicdesk {

class SandboxStore;

// The sandbox's idea of "now": the wall clock plus an offset that tests move forward with
// POST /_sandbox/clock {"advanceDays":N} (control routes only). Every time the provider's rules
// look at (visit creation and resolution, prescriptions, check-ins, the clinician's schedule) is
// read from here, so a test can reach day 90 of a programme in milliseconds. The offset is kept
// in the sandbox's database: a restart does not travel back in time. Webhook delivery keeps the
// wall clock (the inbox refuses timestamps more than 5 minutes off).
class SandboxClock
{
public:
    static constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

    explicit SandboxClock(SandboxStore &store);

    Result<void> load();
    qint64 nowMs() const;
    qint64 offsetMs() const { return m_offsetMs; }
    // Moves the clock forward (never back: the provider's history only grows).
    Result<void> advance(qint64 ms);

    // Whole days from `fromMs` to `toMs` (floor; 0 for anything less than 24 hours).
    static int daysBetween(qint64 fromMs, qint64 toMs);

private:
    SandboxStore &m_store;
    qint64 m_offsetMs = 0;
};

} // namespace clinicdesk
