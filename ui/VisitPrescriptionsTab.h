#pragma once

#include "visits/VisitRecord.h"

#include <QWidget>

#include <memory>

namespace Ui {
class VisitPrescriptionsTab;
}

namespace clinicdesk {

// The visit detail's prescriptions (one row per medication) and the pharmacy order's state,
// carrier and tracking number. The pharmacy text is its own accessible name: a screen reader says
// the state, carrier and tracking number, not just "pharmacy order".
class VisitPrescriptionsTab : public QWidget
{
    Q_OBJECT

public:
    explicit VisitPrescriptionsTab(QWidget *parent = nullptr);
    ~VisitPrescriptionsTab() override;

    void display(const VisitRecord &record);
    // The ongoing-care actions (issue 15): shown when the visit is one they apply to.
    void setCareActions(bool titration, bool checkin, bool change);

Q_SIGNALS:
    void titrationRequested();
    void checkinRequested();
    void changeRequested();

private:
    std::unique_ptr<Ui::VisitPrescriptionsTab> m_ui;
};

} // namespace clinicdesk
