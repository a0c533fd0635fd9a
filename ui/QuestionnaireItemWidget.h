#pragma once

#include "intake/IntakeForm.h"

#include <QList>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace clinicdesk {

class FieldErrorLabel;

// One questionnaire item on screen, built from data: a question's label, editor, format hint and
// inline error, a display item's text, or a group's heading with its children. Edits go straight
// into the shared IntakeForm (what was typed, even half-typed), then answerEdited() fires.
//
// For a screen reader: the options of a question (radio buttons, check boxes) sit in a group
// named by the question; a required question says so in its accessible name; a consent box is
// named and labelled by its own statement; the format hint stays visible under the field while
// an error shows, and is the field's description until then.
class QuestionnaireItemWidget : public QWidget
{
    Q_OBJECT

public:
    QuestionnaireItemWidget(const QuestionnaireItem &item, IntakeForm &form, int depth,
                            QWidget *parent = nullptr);

    QString linkId() const { return m_linkId; }
    // Shows or hides this item and its children as enableWhen says.
    void refresh();
    // Puts the form's answer back into the editor (restoring a draft, reusing a patient).
    void loadAnswer();
    // Validates this item and its enabled children, showing or clearing the messages; returns
    // the first widget with a problem (to focus), or nullptr.
    QWidget *validate();
    // Re-checks only the messages already shown (so that fixing a field clears its message
    // while typing, without shouting at fields not visited yet).
    void revalidateShown();
    QWidget *focusTarget() const;
    void setLabelVisible(bool visible);
    QString errorText() const;
    const QList<QuestionnaireItemWidget *> &children() const { return m_children; }

Q_SIGNALS:
    void answerEdited(const QString &linkId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build(const QuestionnaireItem &item, int depth);
    // The group that holds a question's options, named by the question.
    QWidget *optionGroup(const QString &name);
    void fitTextHeight();
    void keepCursorInSight();
    void buildEditor(const QuestionnaireItem &item);
    void storeFromEditor();
    QString language() const;

    IntakeForm &m_form;
    QString m_linkId;
    QuestionnaireItem::Type m_type;
    QLabel *m_label = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_editor = nullptr; // the main input (focus target)
    QWidget *m_group = nullptr;  // the options' named group, when there are options
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_combo = nullptr;
    QButtonGroup *m_radios = nullptr;
    QList<QAbstractButton *> m_checks; // check boxes of a repeating choice
    QLineEdit *m_other = nullptr;      // free text of an open choice with check boxes
    QAbstractButton *m_consent = nullptr;
    bool m_loading = false;
    bool m_scrollPending = false;
    FieldErrorLabel *m_error = nullptr;
    QList<QuestionnaireItemWidget *> m_children;
};

} // namespace clinicdesk
