#pragma once

#include "provider/ProviderRecords.h"
#include "visits/VisitRecord.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace clinicdesk {

class ProviderClient;

// The visit detail's Labs tab (issue 14): the provider's lab orders of the visit, one chosen at
// a time — its steps (kit to the patient, sample to the lab, each with carrier and tracking), the
// booking link for the results consult (opened with QDesktopServices), "Open requisition…" for
// the requisition PDF (the page opens it, audited), and the results the provider holds
// (externalFetch labResults), fetched when staff ask.
class VisitLabsTab : public QWidget
{
    Q_OBJECT

public:
    explicit VisitLabsTab(QWidget *parent = nullptr);
    ~VisitLabsTab() override;

    void display(const VisitRecord &record);
    // Null: results cannot be fetched (no provider configured).
    void setProviderClient(ProviderClient *client);
    QString currentOrderId() const;
    // What "Fetch lab results" does, for the tests.
    void fetchResults();
    void showResults(const QList<LabResult> &results);

Q_SIGNALS:
    void requisitionRequested(const QString &orderId);

private:
    void showOrder(int index);
    void openBookingLink();
    void showResultsMessage(const QString &text);

    QList<VisitRecord::LabOrder> m_orders;
    QString m_masterId;
    QPointer<ProviderClient> m_client;
    QComboBox *m_orderBox = nullptr;
    QLabel *m_empty = nullptr;
    QTableWidget *m_steps = nullptr;
    QLabel *m_link = nullptr;
    QPushButton *m_openLink = nullptr;
    QPushButton *m_requisition = nullptr;
    QPushButton *m_fetch = nullptr;
    QLabel *m_resultsStatus = nullptr;
    QTableWidget *m_results = nullptr;
};

} // namespace clinicdesk
