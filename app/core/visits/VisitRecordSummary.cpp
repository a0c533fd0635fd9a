// The small parts of VisitRecord that read no store: who the visit waits for, and the names of
// the timeline's sources (VisitRecord.cpp holds the reader).
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

QString VisitRecordReader::sourceName(VisitRecord::Source source)
{
    switch (source) {
    case VisitRecord::Source::Provider:
        return tr("Provider");
    case VisitRecord::Source::Staff:
        return tr("Clinic staff");
    case VisitRecord::Source::System:
        return tr("System");
    }
    return {};
}

} // namespace clinicdesk
