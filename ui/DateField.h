#pragma once

#include <QDateEdit>

namespace clinicdesk {

// A date edit the keyboard can leave: Tab and Shift+Tab move to the next and previous control,
// never between the day, month and year inside it (Left and Right do that, Up and Down change the
// part under the cursor, and typing fills them in turn). QDateEdit keeps Tab for its parts, which
// a screen reader does not hear, and swallows it altogether while it shows a special value.
//
// With setAnyAllowed(true) the field can also say "Any" (no date: the filter is open), shown at
// the minimum date. From "Any", Up or Down starts at today rather than the day after the minimum,
// and Delete goes back to "Any"
// (Backspace still corrects what is being typed).
class DateField : public QDateEdit
{
    Q_OBJECT

public:
    explicit DateField(QWidget *parent = nullptr);

    void setAnyAllowed(bool allowed);
    bool isAny() const;
    // The date, or a null QDate for "Any".
    QDate value() const;
    void setAny();

    void stepBy(int steps) override;

protected:
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent *event) override;
    StepEnabled stepEnabled() const override;

private:
    bool m_anyAllowed = false;
};

} // namespace clinicdesk
