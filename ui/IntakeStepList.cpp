#include "IntakeStepList.h"

namespace clinicdesk {

IntakeStepList::IntakeStepList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("steps"));
    setFocusPolicy(Qt::NoFocus);
    setSelectionMode(QAbstractItemView::NoSelection);
    setAccessibleName(tr("Intake steps"));
    setFixedWidth(fontMetrics().averageCharWidth() * 34);
    setWordWrap(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSpacing(fontMetrics().height() / 6);
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void IntakeStepList::setSteps(const QStringList &titles)
{
    clear();
    addItems(titles);
}

void IntakeStepList::setCurrentStep(int step)
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *entry = item(i);
        const bool current = i == step;
        QFont bold = font();
        bold.setBold(current);
        entry->setFont(bold);
        entry->setBackground(current ? palette().highlight() : QBrush());
        entry->setForeground(current ? palette().highlightedText() : QBrush());
        const QString text = tr("Step %1 of %2: %3").arg(i + 1).arg(count()).arg(entry->text());
        entry->setData(Qt::AccessibleTextRole, current ? tr("%1 (current step)").arg(text) : text);
    }
}

} // namespace clinicdesk
