#include "DateField.h"

#include <QKeyEvent>

namespace clinicdesk {

namespace {
// Where "Any" sits: the earliest date the field accepts (no visit is older).
const QDate kAnyDate(2000, 1, 1);
} // namespace

DateField::DateField(QWidget *parent)
    : QDateEdit(parent)
{
    setCalendarPopup(true);
}

void DateField::setAnyAllowed(bool allowed)
{
    m_anyAllowed = allowed;
    if (allowed) {
        setMinimumDate(kAnyDate);
        setSpecialValueText(tr("Any"));
        setDate(kAnyDate);
        const QString hint = tr("Any date, or a day: Up and Down change it, Delete goes back to "
                                "any date.");
        setToolTip(hint);
        setAccessibleDescription(hint);
    } else {
        setSpecialValueText({});
    }
}

bool DateField::isAny() const
{
    return m_anyAllowed && date() == minimumDate();
}

QDate DateField::value() const
{
    return isAny() ? QDate() : date();
}

void DateField::setAny()
{
    if (m_anyAllowed)
        setDate(minimumDate());
}

void DateField::stepBy(int steps)
{
    if (isAny()) {
        setDate(QDate::currentDate());
        return;
    }
    QDateEdit::stepBy(steps);
}

QAbstractSpinBox::StepEnabled DateField::stepEnabled() const
{
    if (isAny())
        return StepUpEnabled | StepDownEnabled;
    return QDateEdit::stepEnabled();
}

bool DateField::focusNextPrevChild(bool next)
{
    // QWidget's own: to the next control in the focus chain, not to the next date section.
    return QWidget::focusNextPrevChild(next);
}

void DateField::keyPressEvent(QKeyEvent *event)
{
    // Delete only: Backspace still corrects what is being typed.
    if (m_anyAllowed && event->key() == Qt::Key_Delete && event->modifiers() == Qt::NoModifier &&
        !isAny()) {
        setAny();
        event->accept();
        return;
    }
    QDateEdit::keyPressEvent(event);
}

} // namespace clinicdesk
