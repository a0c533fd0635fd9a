#pragma once

#include "visits/VisitRecord.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace Ui {
class VisitPatientTab;
}

namespace clinicdesk {

// The visit detail's patient: the ten demographic values and the intake answers. Each value can
// take the keyboard and is named "First name: Ana", so a screen reader says the field and its
// value (Qt reads a label by its name alone, and a name of "First name" would hide the value).
class VisitPatientTab : public QWidget
{
    Q_OBJECT

public:
    explicit VisitPatientTab(QWidget *parent = nullptr);
    ~VisitPatientTab() override;

    void display(const VisitRecord &record);

Q_SIGNALS:
    // "Correct name…": staff want to correct the patient's name (issue 15, item 5).
    void correctNameRequested();

private:
    std::unique_ptr<Ui::VisitPatientTab> m_ui;
    QList<std::pair<QLabel *, QLabel *>> m_values; // caption, value
    QPushButton *m_correctName = nullptr;
};

} // namespace clinicdesk
