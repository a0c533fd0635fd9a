#pragma once

#include "base/Result.h"

#include <QList>
#include <QString>

#include <Qt>

namespace clinicdesk {

class LocalStore;

// What is due in the weight-loss programmes (issue 15, "What is due"), computed from the local
// store alone, so the board's Due view needs no provider call and stays fast at 100,000 visits
// (bench_due). The windows are the provider's (shared/DESIGN.md, nextTitration; the sandbox
// enforces the same edges), in whole days since the moment (floor of the elapsed milliseconds
// over 86,400,000), measured from a patient's programme visit: the most recently resolved
// weightloss or weightlossfollowup visit (resolved = first Prescribed, as the console learned it).
//
//   ProgrammeEnded  resolved 180 days ago or more, or its prescriptions add up to 6 months: a
//                   follow-up or new visit is needed. daysLeft 180 - days since resolved (<= 0),
//                   or 0 when the months ran out first. Nothing else is listed for the patient.
//   Checkin         resolved 75 days ago or more and no weightlossCheckin created 75 days or
//                   more after the resolution (an earlier one does not count). daysLeft 90 - days
//                   since resolved: at 0 or below the next titration is refused (NEEDS_CHECKIN).
//   Titration       the latest prescription was written 15 to 60 days ago (a 1-month one) or 60
//                   to 120 (a 3-month one), both ends in, and no overdue check-in blocks it.
//                   daysLeft = the window's last day - days since written (0 on the last day).
//
// A patient with a programme visit created after that resolution and still open (queued,
// submitted, waiting for information) is in hand and listed for nothing.
class DueList
{
public:
    enum class Kind
    {
        Titration,
        Checkin,
        ProgrammeEnded,
    };

    struct Item
    {
        QString patientId;
        QString visitId; // the programme visit (a titration or check-in starts from it)
        Kind kind = Kind::Titration;
        int daysLeft = 0;  // see the class comment; negative = overdue
        int daysSince = 0; // since the prescription (Titration) or the resolution (the others)
    };

    struct Counts
    {
        int titration = 0;
        int checkin = 0;
        int ended = 0;
        int total() const { return titration + checkin + ended; }
    };

    // The provider's numbers (DESIGN, nextTitration).
    static constexpr int kTitrationFrom1Month = 15;
    static constexpr int kTitrationTo1Month = 60;
    static constexpr int kTitrationFrom3Month = 60;
    static constexpr int kTitrationTo3Month = 120;
    static constexpr int kCheckinCountsFrom = 75;
    static constexpr int kCheckinDue = 90;
    static constexpr int kProgrammeDays = 180;
    static constexpr int kMaxMonths = 6;
    static constexpr qint64 kDayMs = 86'400'000;

    // The visit types of the programme, as the questionnaires name them.
    static const QString &programmeType();
    static const QString &followupType();
    static const QString &checkinType();

    // Everything due at `nowMs` (milliseconds since the epoch; the caller's clock, so tests and
    // the demo can move it), unsorted.
    static Result<DueList> compute(LocalStore &store, qint64 nowMs);

    const QList<Item> &items() const { return m_items; }
    Counts counts() const;
    // By days left (ties: kind in enum order, then patient id, so the order is stable).
    void sortByDaysLeft(Qt::SortOrder order = Qt::AscendingOrder);
    QList<Item> ofKind(Kind kind) const;

private:
    QList<Item> m_items;
};

} // namespace clinicdesk
