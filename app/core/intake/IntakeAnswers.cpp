#include "intake/IntakeAnswers.h"

namespace clinicdesk {

const IntakeAnswers::Item *IntakeAnswers::item(const QString &linkId) const
{
    for (const Item &i : items) {
        if (i.linkId == linkId)
            return &i;
    }
    return nullptr;
}

} // namespace clinicdesk
