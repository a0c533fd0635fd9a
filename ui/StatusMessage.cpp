#include "StatusMessage.h"

#include "Accessibility.h"

#include <QAccessible>

namespace clinicdesk {

StatusMessage::StatusMessage(QWidget *parent)
    : QLabel(parent)
{
    Accessibility::install();
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
}

void StatusMessage::announce(const QString &message)
{
    if (message.isEmpty()) {
        clear();
        hide();
        return;
    }
    setText(message);
    ++m_announced;
    if (isHidden()) {
        show(); // showing it is the announcement
        return;
    }
    QAccessibleEvent renamed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&renamed);
    QAccessibleEvent shown(this, QAccessible::ObjectShow);
    QAccessible::updateAccessibility(&shown);
}

} // namespace clinicdesk
