// The board's "Due" chip and the Due view it shows in place of the visits (issue 15): kept apart
// from VisitBoardPage.cpp, which is about the visits themselves.
#include "VisitBoardPage.h"
#include "ui_VisitBoardPage.h"

#include "DuePanel.h"
#include "FilterChip.h"

#include <QButtonGroup>
#include <QShortcut>
#include <QTimer>

namespace clinicdesk {

namespace {

constexpr int kDue = -3;

void setRowVisible(QLayout *row, bool visible)
{
    for (int i = 0; i < row->count(); ++i)
        if (QWidget *w = row->itemAt(i)->widget())
            w->setVisible(visible);
}

} // namespace

void VisitBoardPage::setUpDue()
{
    m_due = new DuePanel(m_store, m_source.get(), this);
    m_due->hide();
    m_ui->pageLayout->insertWidget(m_ui->pageLayout->indexOf(m_ui->boardView) + 1, m_due, 1);
    connect(m_due, &DuePanel::openVisitRequested, this, &VisitBoardPage::openVisitRequested);
    connect(m_due, &DuePanel::countsChanged, this, [this](const DueList::Counts &counts) {
        m_dueChip->setText(tr("Due (%L1)").arg(counts.total()));
        m_dueChip->setAccessibleDescription(
            tr("%L1 next titrations, %L2 check-ins, %L3 programmes ended")
                .arg(counts.titration)
                .arg(counts.checkin)
                .arg(counts.ended));
    });

    // The last of the status chips: the same group, so arrows reach it and Tab leaves it.
    m_dueChip = new FilterChip(m_ui->statusFilters);
    m_dueChip->setObjectName(QStringLiteral("dueFilter"));
    m_dueChip->setText(tr("Due (%L1)").arg(0));
    m_dueChip->setToolTip(tr("Weight-loss patients due for a titration or a check-in, or whose "
                             "programme ended (Ctrl+D)"));
    m_dueChip->setFocusPolicy(Qt::ClickFocus);
    m_ui->statusRow->insertWidget(m_ui->statusRow->indexOf(m_ui->rejectedFilter) + 1, m_dueChip);
    m_statusGroup->addButton(m_dueChip, kDue);
    m_statusButtons.insert(kDue, m_dueChip);

    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_D), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        m_dueChip->setChecked(true);
        showDue(true);
        m_due->activate();
    });
}

void VisitBoardPage::showDue(bool due)
{
    if (due && !m_dueChip->isChecked())
        m_dueChip->setChecked(true);
    for (QLayout *row :
         {static_cast<QLayout *>(m_ui->searchRow), static_cast<QLayout *>(m_ui->filterRow),
          static_cast<QLayout *>(m_ui->actionRow)})
        setRowVisible(row, !due);
    m_ui->boardView->setVisible(!due);
    m_ui->boardSummary->setVisible(!due);
    m_due->setVisible(due);
    if (due)
        m_due->reload();
}

void VisitBoardPage::scheduleDueReload()
{
    // Many changes in one burst (a relay batch) compute the list once.
    if (m_dueReloadPending)
        return;
    m_dueReloadPending = true;
    QTimer::singleShot(250, this, [this] {
        m_dueReloadPending = false;
        m_due->reload();
    });
}

} // namespace clinicdesk
