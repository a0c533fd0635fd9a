#pragma once

#include "intake/IntakeForm.h"

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace clinicdesk {

class QuestionnaireItemWidget;

// One wizard step built from questionnaire items (a top-level group, usually): a title, the
// items' widgets, and room above them for widgets of the wizard's own (visit type, patient
// lookup, review summary). Scrolls, so long groups fit a 1366x768 screen.
class QuestionnairePage : public QScrollArea
{
    Q_OBJECT

public:
    QuestionnairePage(const QString &title, IntakeForm &form, QWidget *parent = nullptr);

    void addItem(const QuestionnaireItem &item);
    // Deletes the items (not the header widgets): the visit step changes its questions with the
    // visit type while its type selector keeps the keyboard.
    void clearItems();
    // A widget of the wizard's own, placed before the items.
    void addHeaderWidget(QWidget *widget);
    void addFooterWidget(QWidget *widget);

    QString title() const { return m_titleText; }
    // The linkIds of the items on this page (top level).
    QStringList roots() const;
    void refresh();
    void loadAnswers();
    // Shows every problem on the page next to its field; focuses and reveals the first.
    bool validate();
    void revalidateShown();
    // The first input on the page.
    void focusFirst();
    QuestionnaireItemWidget *itemWidget(const QString &linkId) const;

Q_SIGNALS:
    void answerEdited(const QString &linkId);

private:
    IntakeForm &m_form;
    QString m_titleText;
    QVBoxLayout *m_layout = nullptr;
    int m_headerCount = 0;
    QList<QuestionnaireItemWidget *> m_items;
};

} // namespace clinicdesk
