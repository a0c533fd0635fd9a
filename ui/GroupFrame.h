#pragma once

#include <QFrame>

namespace clinicdesk {

// A named group of controls: the options of one question, the board's status filters, the
// refusal banner with its button. To assistive technology it is a grouping whose name (the
// question, what the group is for) a screen reader says as the keyboard enters it; Qt reports a
// plain frame as a window border and a plain widget with no role at all. Frameless by default.
class GroupFrame : public QFrame
{
    Q_OBJECT

public:
    explicit GroupFrame(QWidget *parent = nullptr);
};

} // namespace clinicdesk
