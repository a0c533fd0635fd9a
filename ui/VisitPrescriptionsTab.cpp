#include "VisitPrescriptionsTab.h"
#include "ui_VisitPrescriptionsTab.h"

#include "VisitStatusStyle.h"
#include "VisitText.h"

namespace clinicdesk {

VisitPrescriptionsTab::VisitPrescriptionsTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitPrescriptionsTab>())
{
    m_ui->setupUi(this);
    VisitText::setUpTable(m_ui->prescriptions);
    connect(m_ui->titrationButton, &QPushButton::clicked, this,
            &VisitPrescriptionsTab::titrationRequested);
    connect(m_ui->checkinButton, &QPushButton::clicked, this,
            &VisitPrescriptionsTab::checkinRequested);
    connect(m_ui->changeButton, &QPushButton::clicked, this,
            &VisitPrescriptionsTab::changeRequested);
    setCareActions(false, false, false);
}

void VisitPrescriptionsTab::setCareActions(bool titration, bool checkin, bool change)
{
    m_ui->titrationButton->setVisible(titration);
    m_ui->checkinButton->setVisible(checkin);
    m_ui->changeButton->setVisible(change);
}

VisitPrescriptionsTab::~VisitPrescriptionsTab() = default;

void VisitPrescriptionsTab::display(const VisitRecord &record)
{
    QTableWidget *table = m_ui->prescriptions;
    table->setRowCount(0);
    for (const VisitRecord::Prescription &p : record.prescriptions) {
        for (const VisitRecord::Medication &m : p.medications) {
            const int row = table->rowCount();
            table->insertRow(row);
            const QStringList cells = {m.name,    m.strength, m.quantity,
                                       m.refills, p.doctor,   VisitText::time(p.at)};
            for (int column = 0; column < cells.size(); ++column)
                table->setItem(row, column, VisitText::cell(cells[column]));
        }
    }
    m_ui->noPrescription->setVisible(record.prescriptions.isEmpty());
    const VisitRecord::PharmacyOrder &o = record.pharmacy;
    if (!o.present) {
        m_ui->pharmacy->setText(tr("No pharmacy order yet."));
        return;
    }
    const QString none = tr("not given");
    m_ui->pharmacy->setText(
        tr("State: %1\nOrder: %2\nCarrier: %3\nTracking number: %4\nLast update: %5")
            .arg(VisitStatusStyle::text(o.state), o.orderId.isEmpty() ? none : o.orderId,
                 o.carrier.isEmpty() ? none : o.carrier, o.tracking.isEmpty() ? none : o.tracking,
                 VisitText::time(o.updatedAt)));
}

} // namespace clinicdesk
