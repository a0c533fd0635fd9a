#pragma once

#include <QLabel>

namespace clinicdesk {

// A line of status on a page ("Draft saved at 10:42", "Exported 120 entries…", "Reply queued")
// that a screen reader also says when it changes. To assistive technology it is a notification
// named by its text, and announce() sends each new message as that notification appearing: Qt 6.4
// has no announcement event, and Orca speaks a notification when it is shown. Plain setText()
// changes it quietly.
class StatusMessage : public QLabel
{
    Q_OBJECT

public:
    explicit StatusMessage(QWidget *parent = nullptr);

    // Shows `message` and announces it; an empty message clears and hides the line.
    void announce(const QString &message);
    // How many messages were announced (the accessibility tests count them: offscreen, Qt 6.4
    // delivers no accessibility events at all).
    int announcedCount() const { return m_announced; }

private:
    int m_announced = 0;
};

} // namespace clinicdesk
