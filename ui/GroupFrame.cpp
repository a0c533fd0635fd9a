#include "GroupFrame.h"

#include "Accessibility.h"

namespace clinicdesk {

GroupFrame::GroupFrame(QWidget *parent)
    : QFrame(parent)
{
    Accessibility::install();
    setFrameShape(QFrame::NoFrame);
}

} // namespace clinicdesk
