#pragma once

#include <QListWidget>

namespace clinicdesk {

// The intake wizard's list of steps beside the form: a display of where the intake is, never
// selected and never focused. The current step is highlighted as a selection would be and said
// in words ("Step 2 of 5: Visit… (current step)"): selecting it would move a screen reader's
// attention to the list at each step, after the new step's first field already had the keyboard.
class IntakeStepList : public QListWidget
{
    Q_OBJECT

public:
    explicit IntakeStepList(QWidget *parent = nullptr);

    void setSteps(const QStringList &titles);
    void setCurrentStep(int step);
};

} // namespace clinicdesk
