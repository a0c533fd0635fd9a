#include "PageSwitch.h"

#include <QApplication>
#include <QStackedWidget>

namespace clinicdesk::PageSwitch {

void show(QStackedWidget *stack, QWidget *page)
{
    QWidget *old = stack->currentWidget();
    if (old && old != page)
        if (QWidget *focused = QApplication::focusWidget(); focused && old->isAncestorOf(focused))
            focused->clearFocus();
    stack->setCurrentWidget(page);
}

} // namespace clinicdesk::PageSwitch
