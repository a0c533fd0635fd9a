#include "VisitLabsTab.h"

#include "VisitText.h"
#include "provider/ProviderClient.h"
#include "visits/VisitLabs.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    VisitText::setUpTable(table);
    table->setAccessibleName(name);
    return table;
}

} // namespace

VisitLabsTab::VisitLabsTab(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("labsTab"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_empty = new QLabel(tr("No lab orders for this visit."), this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    auto *form = new QFormLayout;
    m_orderBox = new QComboBox(this);
    m_orderBox->setObjectName(QStringLiteral("labOrder"));
    m_orderBox->setAccessibleName(tr("Lab order"));
    form->addRow(tr("Lab order:"), m_orderBox);
    auto *linkRow = new QHBoxLayout;
    m_link = new QLabel(this);
    m_link->setObjectName(QStringLiteral("bookingLink"));
    m_link->setTextFormat(Qt::RichText);
    m_link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_link->setAccessibleName(tr("Booking link"));
    m_link->setWordWrap(true);
    connect(m_link, &QLabel::linkActivated, this, [this] { openBookingLink(); });
    m_openLink = new QPushButton(tr("Open boo&king link"), this);
    m_openLink->setObjectName(QStringLiteral("openBookingLink"));
    m_openLink->setAccessibleName(tr("Open the booking link for the results consult"));
    connect(m_openLink, &QPushButton::clicked, this, &VisitLabsTab::openBookingLink);
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_openLink);
    form->addRow(tr("Results consult:"), linkRow);
    layout->addLayout(form);

    m_steps = makeTable(this, {tr("Step"), tr("When"), tr("Carrier"), tr("Tracking")},
                        tr("Lab order steps"));
    m_steps->setObjectName(QStringLiteral("labSteps"));
    layout->addWidget(m_steps, 2);

    auto *buttons = new QHBoxLayout;
    m_requisition = new QPushButton(tr("Open &requisition…"), this);
    m_requisition->setObjectName(QStringLiteral("openRequisition"));
    m_requisition->setAccessibleName(tr("Open the lab requisition"));
    connect(m_requisition, &QPushButton::clicked, this,
            [this] { Q_EMIT requisitionRequested(currentOrderId()); });
    m_fetch = new QPushButton(tr("Fetch lab res&ults"), this);
    m_fetch->setObjectName(QStringLiteral("fetchLabResults"));
    m_fetch->setAccessibleName(tr("Fetch lab results from the provider"));
    connect(m_fetch, &QPushButton::clicked, this, &VisitLabsTab::fetchResults);
    buttons->addWidget(m_requisition);
    buttons->addWidget(m_fetch);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_resultsStatus = new QLabel(this);
    m_resultsStatus->setObjectName(QStringLiteral("labResultsStatus"));
    m_resultsStatus->setWordWrap(true);
    layout->addWidget(m_resultsStatus);
    m_results = makeTable(
        this,
        {tr("Test"), tr("Result"), tr("Unit"), tr("Reference range"), tr("Flag"), tr("Resulted")},
        tr("Lab results"));
    m_results->setObjectName(QStringLiteral("labResults"));
    layout->addWidget(m_results, 1);
    m_results->hide();

    connect(m_orderBox, &QComboBox::currentIndexChanged, this, &VisitLabsTab::showOrder);
    setTabOrder(m_orderBox, m_link);
    setTabOrder(m_link, m_openLink);
    setTabOrder(m_openLink, m_steps);
    setTabOrder(m_steps, m_requisition);
    setTabOrder(m_requisition, m_fetch);
    setTabOrder(m_fetch, m_results);
    showOrder(-1);
}

VisitLabsTab::~VisitLabsTab() = default;

void VisitLabsTab::setProviderClient(ProviderClient *client)
{
    m_client = client;
    m_fetch->setEnabled(m_client && !m_orders.isEmpty());
}

QString VisitLabsTab::currentOrderId() const
{
    const int i = m_orderBox->currentIndex();
    return i >= 0 && i < m_orders.size() ? m_orders.at(i).orderId : QString();
}

void VisitLabsTab::display(const VisitRecord &record)
{
    const QString keep = currentOrderId();
    const bool sameVisit = m_masterId == record.masterId;
    m_masterId = record.masterId;
    m_orders = record.labs;
    {
        const QSignalBlocker block(m_orderBox);
        m_orderBox->clear();
        for (const VisitRecord::LabOrder &o : std::as_const(m_orders))
            m_orderBox->addItem(o.orderId);
        const int found = m_orderBox->findText(keep);
        m_orderBox->setCurrentIndex(found >= 0 ? found : int(m_orders.size()) - 1);
    }
    if (!sameVisit) {
        m_results->setRowCount(0);
        m_results->hide();
        m_resultsStatus->clear();
    }
    showOrder(m_orderBox->currentIndex());
}

void VisitLabsTab::showOrder(int index)
{
    const bool any = index >= 0 && index < m_orders.size();
    m_empty->setVisible(m_orders.isEmpty());
    m_orderBox->setEnabled(!m_orders.isEmpty());
    m_steps->setRowCount(0);
    m_link->clear();
    m_openLink->setEnabled(false);
    m_requisition->setEnabled(false);
    m_fetch->setEnabled(m_client && !m_orders.isEmpty());
    if (!any)
        return;
    const VisitRecord::LabOrder &o = m_orders.at(index);
    for (const VisitRecord::LabStep &s : o.steps) {
        const int row = m_steps->rowCount();
        m_steps->insertRow(row);
        m_steps->setItem(row, 0, VisitText::cell(VisitLabs::stepName(s.event)));
        m_steps->setItem(row, 1, VisitText::cell(VisitText::time(s.at)));
        m_steps->setItem(row, 2, VisitText::cell(s.carrier));
        m_steps->setItem(row, 3, VisitText::cell(s.tracking));
    }
    m_steps->resizeColumnsToContents();
    const QUrl url(o.bookingLink);
    if (url.isValid() && !o.bookingLink.isEmpty()) {
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                 o.bookingLink.toHtmlEscaped()));
        m_openLink->setEnabled(true);
    } else {
        m_link->setText(tr("Not yet (the lab has no results)"));
    }
    m_requisition->setEnabled(o.requisition);
    m_requisition->setToolTip(o.requisition ? QString() : tr("No requisition yet"));
}

void VisitLabsTab::openBookingLink()
{
    const int i = m_orderBox->currentIndex();
    if (i < 0 || i >= m_orders.size() || m_orders.at(i).bookingLink.isEmpty())
        return;
    QDesktopServices::openUrl(QUrl(m_orders.at(i).bookingLink));
}

void VisitLabsTab::showResultsMessage(const QString &text)
{
    m_resultsStatus->setText(text);
}

void VisitLabsTab::fetchResults()
{
    if (!m_client || m_masterId.isEmpty())
        return;
    m_fetch->setEnabled(false);
    showResultsMessage(tr("Asking the provider for the lab results…"));
    QPointer<VisitLabsTab> self(this);
    const QString masterId = m_masterId;
    m_client->fetchVisitDetails(masterId, [self, masterId](const auto &reply) {
        if (!self || self->m_masterId != masterId)
            return;
        self->m_fetch->setEnabled(true);
        if (!reply.ok()) {
            self->showResultsMessage(
                tr("The lab results could not be fetched: %1").arg(reply.result.message));
            return;
        }
        self->showResults(reply.value.labResults);
    });
}

void VisitLabsTab::showResults(const QList<LabResult> &results)
{
    const QString orderId = currentOrderId();
    m_results->setRowCount(0);
    for (const LabResult &r : results) {
        if (!orderId.isEmpty() && !r.orderId.isEmpty() && r.orderId != orderId)
            continue;
        const int row = m_results->rowCount();
        m_results->insertRow(row);
        const QStringList cells = {r.test,           r.value, r.unit,
                                   r.referenceRange, r.flag,  VisitText::time(r.resultedAt)};
        for (int c = 0; c < cells.size(); ++c)
            m_results->setItem(row, c, VisitText::cell(cells.at(c)));
    }
    m_results->resizeColumnsToContents();
    m_results->setVisible(m_results->rowCount() > 0);
    showResultsMessage(m_results->rowCount() > 0
                           ? tr("%n result(s) from the provider.", nullptr, m_results->rowCount())
                           : tr("The provider has no results for this order yet."));
}

} // namespace clinicdesk
