#pragma once

#include <QToolButton>

namespace clinicdesk {

// One of an exclusive set of filter buttons (the board's status filters, with their counts).
// Assistive technology sees it as the radio button it behaves as (Qt reports a checkable tool
// button as a check box); in a QButtonGroup the arrow keys move to the next one and choose it.
class FilterChip : public QToolButton
{
    Q_OBJECT

public:
    explicit FilterChip(QWidget *parent = nullptr);
};

} // namespace clinicdesk
