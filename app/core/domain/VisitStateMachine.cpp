#include "domain/VisitStateMachine.h"

#include <algorithm>

namespace clinicdesk {
namespace {

using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

// The join order. Canceled and Rejected share the top rank; Rejected is only ever set locally.
int rank(Status status)
{
    switch (status) {
    case Status::Draft:
        return 0;
    case Status::Queued:
        return 1;
    case Status::Submitted:
        return 2;
    case Status::NeedsInfo:
        return 3;
    case Status::Prescribed:
        return 4;
    case Status::Referred:
        return 5;
    case Status::Canceled:
    case Status::Rejected:
        return 6;
    }
    return 0;
}

Status joinStatus(Status current, Status target)
{
    // Equal ranks (Canceled vs Rejected): the current one stays.
    return rank(target) > rank(current) ? target : current;
}

const QStringList kStatusNames = {
    QStringLiteral("Draft"),     QStringLiteral("Queued"),     QStringLiteral("Submitted"),
    QStringLiteral("NeedsInfo"), QStringLiteral("Prescribed"), QStringLiteral("Referred"),
    QStringLiteral("Canceled"),  QStringLiteral("Rejected"),
};
const QStringList kRxNames = {
    QStringLiteral("None"),    QStringLiteral("Written"),   QStringLiteral("InFulfillment"),
    QStringLiteral("Shipped"), QStringLiteral("Delivered"),
};

// One local move: `from` -> `to`, nothing else.
VisitStateMachine::State localMove(VisitStateMachine::State state, Status from, Status to)
{
    if (state.status == from)
        state.status = to;
    return state;
}

} // namespace

bool VisitStateMachine::isTerminal(Status status)
{
    return rank(status) >= rank(Status::Prescribed);
}

VisitStateMachine::State VisitStateMachine::apply(State state, const VisitEvent &event)
{
    return apply(state, event.type, event.outcome);
}

VisitStateMachine::State VisitStateMachine::apply(State state, VisitEvent::Type type,
                                                  VisitEvent::Outcome outcome)
{
    using Type = VisitEvent::Type;
    Status target = Status::Submitted;
    RxStatus rx = RxStatus::None;
    switch (type) {
    case Type::RxWritten:
        target = Status::Prescribed;
        rx = RxStatus::Written;
        break;
    case Type::ConsultConcluded:
        target = outcome == VisitEvent::Outcome::Referred ? Status::Referred : Status::Prescribed;
        break;
    case Type::ConsultCanceled:
        target = Status::Canceled;
        break;
    case Type::DoctorChat:
        target = Status::NeedsInfo; // below every conclusion: a late chat changes nothing
        break;
    case Type::CsMessage:
    case Type::NameUpdate:
    // A lab order runs beside the visit: it proves the provider has it, nothing more.
    case Type::LabShippedToPatient:
    case Type::LabDeliveredToPatient:
    case Type::LabShippedToLab:
    case Type::LabReceivedByLab:
    case Type::LabResults:
    case Type::LabRequisitionCreated:
        target = Status::Submitted;
        break;
    case Type::PharmacyInFulfillment:
        target = Status::Prescribed;
        rx = RxStatus::InFulfillment;
        break;
    case Type::PharmacyShipped:
        target = Status::Prescribed;
        rx = RxStatus::Shipped;
        break;
    case Type::PharmacyDelivered:
        target = Status::Prescribed;
        rx = RxStatus::Delivered;
        break;
    }
    state.status = joinStatus(state.status, target);
    state.rx = std::max(state.rx, rx);
    return state;
}

VisitStateMachine::State VisitStateMachine::accepted(State state)
{
    return localMove(state, Status::Queued, Status::Submitted);
}

VisitStateMachine::State VisitStateMachine::refused(State state)
{
    return localMove(state, Status::Queued, Status::Rejected);
}

VisitStateMachine::State VisitStateMachine::resubmitted(State state)
{
    return localMove(state, Status::Rejected, Status::Queued);
}

VisitStateMachine::State VisitStateMachine::staffReplied(State state)
{
    return localMove(state, Status::NeedsInfo, Status::Submitted);
}

VisitStateMachine::State VisitStateMachine::afterCheck(State state, Checked checked)
{
    using Type = VisitEvent::Type;
    if (isTerminal(state.status) || state.rx != RxStatus::None)
        return state;
    switch (checked) {
    case Checked::Open:
        return state;
    case Checked::Canceled:
        return apply(state, Type::ConsultCanceled);
    case Checked::ResolvedWithRx:
        return apply(apply(state, Type::RxWritten), Type::ConsultConcluded,
                     VisitEvent::Outcome::Prescribed);
    case Checked::ResolvedWithoutRx:
        return apply(state, Type::ConsultConcluded, VisitEvent::Outcome::Referred);
    }
    return state;
}

QString VisitStateMachine::name(Status status)
{
    return kStatusNames.value(int(status));
}

QString VisitStateMachine::name(RxStatus status)
{
    return kRxNames.value(int(status));
}

bool VisitStateMachine::parse(const QString &text, Status *status)
{
    const qsizetype index = kStatusNames.indexOf(text);
    if (index < 0)
        return false;
    *status = Status(index);
    return true;
}

bool VisitStateMachine::parse(const QString &text, RxStatus *status)
{
    const qsizetype index = kRxNames.indexOf(text);
    if (index < 0)
        return false;
    *status = RxStatus(index);
    return true;
}

} // namespace clinicdesk
