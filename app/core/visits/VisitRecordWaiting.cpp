// VisitRecord, continued: whether the visit waits for staff (VisitRecord.cpp reads the record).
#include "visits/VisitRecord.h"

#include <algorithm>

namespace clinicdesk {

bool VisitRecord::waitingForStaff() const
{
    return status == VisitStateMachine::Status::NeedsInfo && pendingReplies() == 0;
}

int VisitRecord::pendingReplies() const
{
    return int(std::count_if(messages.cbegin(), messages.cend(), [](const Message &m) {
        return m.from == Message::From::Staff && m.delivery == Message::Delivery::Sending;
    }));
}

} // namespace clinicdesk
