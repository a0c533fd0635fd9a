#include "VisitTimelineTab.h"
#include "ui_VisitTimelineTab.h"

#include "VisitText.h"

namespace clinicdesk {

VisitTimelineTab::VisitTimelineTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitTimelineTab>())
{
    m_ui->setupUi(this);
    layout()->setContentsMargins(0, 0, 0, 0);
    VisitText::setUpTable(m_ui->timeline);
}

VisitTimelineTab::~VisitTimelineTab() = default;

void VisitTimelineTab::display(const VisitRecord &record)
{
    QTableWidget *table = m_ui->timeline;
    table->setRowCount(0);
    for (const VisitRecord::TimelineEntry &e : record.timeline) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, VisitText::cell(VisitText::time(e.at)));
        QString source = VisitRecordReader::sourceName(e.source);
        if (!e.who.isEmpty())
            source = tr("%1 (%2)").arg(e.who, source);
        table->setItem(row, 1, VisitText::cell(source));
        table->setItem(row, 2, VisitText::cell(e.label));
    }
    table->scrollToBottom();
}

} // namespace clinicdesk
