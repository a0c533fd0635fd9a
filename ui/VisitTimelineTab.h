#pragma once

#include "visits/VisitRecord.h"

#include <QWidget>

#include <memory>

namespace Ui {
class VisitTimelineTab;
}

namespace clinicdesk {

// The visit detail's timeline: every event of the visit, oldest first, with who or what caused it.
class VisitTimelineTab : public QWidget
{
    Q_OBJECT

public:
    explicit VisitTimelineTab(QWidget *parent = nullptr);
    ~VisitTimelineTab() override;

    void display(const VisitRecord &record);

private:
    std::unique_ptr<Ui::VisitTimelineTab> m_ui;
};

} // namespace clinicdesk
