#pragma once

#include "domain/VisitEvent.h"

#include <QString>

namespace clinicdesk {

// The visit and prescription states (DESIGN, "Visit states") and the pure rule that moves them.
//
// Events arrive at least once and in any order, so applying an event is a join in a small
// lattice: the result never ranks below the current state, and applying a set of events gives the
// same state in every order, with or without repeats (tst_visitstatemachine checks this). Ranks:
//   Draft < Queued < Submitted < NeedsInfo < Prescribed < Referred < Canceled, Rejected
// An event from the provider proves the visit was submitted; a DOCTOR_CHAT asks for information
// (NeedsInfo) unless the visit is concluded, when it only goes on the timeline.
// The console's own moves are not events and are not joins: each applies in exactly one status
// and leaves every other state as it is (so a provider event that got there first wins):
//   accepted     Queued -> Submitted    (the provider answered createNoPay)
//   refused      Queued -> Rejected     (the provider refused the submission for good)
//   resubmitted  Rejected -> Queued     (staff corrected a refused visit; same masterId)
//   staffReplied NeedsInfo -> Submitted (the staff's answer reached the clinician)
// Every status the console stores goes through here; VisitRepository only writes what this
// class decided.
// Prescription track: None < Written < InFulfillment < Shipped < Delivered; any Rx event implies
// the visit was prescribed.
class VisitStateMachine
{
public:
    enum class Status
    {
        Draft,
        Queued,
        Submitted,
        NeedsInfo,
        Prescribed,
        Referred,
        Canceled,
        Rejected,
    };
    enum class RxStatus
    {
        None,
        Written,
        InFulfillment,
        Shipped,
        Delivered,
    };

    struct State
    {
        Status status = Status::Queued;
        RxStatus rx = RxStatus::None;
        bool operator==(const State &) const = default;
    };

    static State apply(State state, const VisitEvent &event);
    static State apply(State state, VisitEvent::Type type,
                       VisitEvent::Outcome outcome = VisitEvent::Outcome::None);
    // The console's own moves (above); any other state is kept.
    static State accepted(State state);
    static State refused(State state);
    static State resubmitted(State state);
    static State staffReplied(State state);

    // What a status check (the provider's externalFetch, "Check with provider") reported.
    enum class Checked
    {
        Open,              // still with the clinician: nothing to conclude
        Canceled,          // canceled at the provider
        ResolvedWithRx,    // resolved, with prescriptions in rxHistory
        ResolvedWithoutRx, // resolved, rxHistory empty
    };
    // A status check is weaker evidence than an event: it concludes a visit still open
    // (Queued, Submitted, NeedsInfo) as the matching events would, and changes nothing once the
    // visit is concluded: "resolved" with an empty rxHistory never turns Prescribed into
    // Referred, and no check moves a status back.
    static State afterCheck(State state, Checked checked);

    static bool isTerminal(Status status);
    static QString name(Status status);
    static QString name(RxStatus status);
    // Unknown text -> nullopt-like false.
    static bool parse(const QString &text, Status *status);
    static bool parse(const QString &text, RxStatus *status);
};

} // namespace clinicdesk
