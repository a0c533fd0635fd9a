#pragma once

#include <QTextBrowser>

namespace clinicdesk {

class IntakeForm;
class QuestionnairePage;

// The review step's summary: the visit type, then every enabled, answered question of each step
// with its answer, in the user's language. A read-only text rather than a label, so a screen
// reader can read it line by line (the caret moves with the arrow keys, Tab moves on); it is as
// tall as its text, the page around it scrolls.
class IntakeReview : public QTextBrowser
{
    Q_OBJECT

public:
    explicit IntakeReview(QWidget *parent = nullptr);

    // `pages`: every step before the review, in order.
    void summarize(const IntakeForm &form, const QList<QuestionnairePage *> &pages,
                   const QString &visitTypeTitle);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
};

} // namespace clinicdesk
