#include "FilterChip.h"

#include "Accessibility.h"

namespace clinicdesk {

FilterChip::FilterChip(QWidget *parent)
    : QToolButton(parent)
{
    Accessibility::install();
    setCheckable(true);
    setAutoRaise(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

} // namespace clinicdesk
