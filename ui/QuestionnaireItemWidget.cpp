#include "QuestionnaireItemWidget.h"

#include "Accessibility.h"
#include "FieldErrorLabel.h"
#include "GroupFrame.h"

#include <QAbstractTextDocumentLayout>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace clinicdesk {
namespace {

using Type = QuestionnaireItem::Type;

// Radio buttons while the options fit on screen at a glance; a list beyond that.
constexpr int kMaxRadioOptions = 6;

QString optionKey(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString();
}

} // namespace

QuestionnaireItemWidget::QuestionnaireItemWidget(const QuestionnaireItem &item, IntakeForm &form,
                                                 int depth, QWidget *parent)
    : QWidget(parent)
    , m_form(form)
    , m_linkId(item.linkId)
    , m_type(item.type)
{
    setObjectName(QStringLiteral("item:") + item.linkId);
    build(item, depth);
    loadAnswer();
    refresh();
}

QString QuestionnaireItemWidget::language() const
{
    return QLocale().name();
}

void QuestionnaireItemWidget::build(const QuestionnaireItem &item, int depth)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(depth > 1 ? fontMetrics().averageCharWidth() * 3 : 0, 0, 0, 0);
    layout->setSpacing(fontMetrics().height() / 4);
    QString text = item.text.in(language());
    const bool consentBox =
        item.type == Type::Boolean && item.itemControl == QLatin1String("check-box");
    if (item.isQuestion() && item.required && !consentBox)
        text += QStringLiteral(" *");
    m_label = new QLabel(text, this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    if (item.type == Type::Group) {
        QFont f = m_label->font();
        f.setBold(true);
        if (depth <= 1)
            f.setPointSizeF(f.pointSizeF() * 1.15);
        m_label->setFont(f);
    } else if (item.type == Type::Display) {
        // Warnings and notes: framed, so they stand out from the questions.
        m_label->setFrameShape(QFrame::StyledPanel);
        m_label->setMargin(fontMetrics().height() / 3);
        if (!item.enableWhen.isEmpty()) {
            // Shown because of an answer: a warning for the staff member, in bold.
            QFont f = m_label->font();
            f.setBold(true);
            m_label->setFont(f);
        }
        m_label->setAccessibleName(text);
    }
    if (text.trimmed().isEmpty())
        m_label->hide();
    layout->addWidget(m_label);
    if (item.isQuestion()) {
        buildEditor(item);
        m_error = new FieldErrorLabel(this);
        m_error->setObjectName(QStringLiteral("error:") + item.linkId);
        m_error->setField(m_editor);
        // The format stays in sight (a placeholder would vanish with the first key).
        if (const QString hint = item.hint.in(language()); !hint.isEmpty() && m_line) {
            m_hint = new QLabel(tr("Format: %1").arg(hint), this);
            m_hint->setObjectName(QStringLiteral("hint:") + item.linkId);
            m_hint->setTextFormat(Qt::PlainText);
            layout->addWidget(m_hint);
            m_error->setHint(m_hint->text());
        }
        layout->addWidget(m_error);
    }
    for (const QuestionnaireItem &child : item.items) {
        auto *w = new QuestionnaireItemWidget(child, m_form, depth + 1, this);
        connect(w, &QuestionnaireItemWidget::answerEdited, this,
                &QuestionnaireItemWidget::answerEdited);
        layout->addWidget(w);
        m_children << w;
    }
}

void QuestionnaireItemWidget::buildEditor(const QuestionnaireItem &item)
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    const QString name = item.text.in(language());
    auto edited = [this]() {
        if (m_loading)
            return;
        storeFromEditor();
        Q_EMIT answerEdited(m_linkId);
    };
    const bool radios =
        item.itemControl == QLatin1String("radio-button") ||
        (item.itemControl != QLatin1String("drop-down") && item.options.size() <= kMaxRadioOptions);

    // A statement ending in a full stop (a consent) drops it before ", required".
    const QString base = item.required && name.endsWith(QLatin1Char('.')) ? name.chopped(1) : name;
    const QString accessibleName =
        item.required ? QCoreApplication::translate("Accessibility", "%1, required").arg(base)
                      : name;
    if (item.type == Type::Boolean && item.itemControl == QLatin1String("check-box")) {
        // The statement is the box's own label, beside it and in its name (not "Confirmed").
        auto *row = new QHBoxLayout;
        auto *box = new QCheckBox(this);
        box->setAccessibleName(accessibleName);
        layout->removeWidget(m_label);
        m_label->installEventFilter(this); // a click on the statement ticks the box
        row->addWidget(box, 0, Qt::AlignTop);
        row->addWidget(m_label, 1);
        layout->addLayout(row);
        connect(box, &QCheckBox::toggled, this, edited);
        m_consent = box;
        m_editor = box;
    } else if (item.type == Type::Boolean) {
        QWidget *group = optionGroup(accessibleName);
        auto *row = new QHBoxLayout(group);
        row->setContentsMargins(0, 0, 0, 0);
        m_radios = new QButtonGroup(this);
        auto *yes = new QRadioButton(tr("Yes"), group);
        auto *no = new QRadioButton(tr("No"), group);
        m_radios->addButton(yes, 1);
        m_radios->addButton(no, 0);
        row->addWidget(yes);
        row->addWidget(no);
        row->addStretch();
        connect(m_radios, &QButtonGroup::idToggled, this, [edited](int, bool on) {
            if (on)
                edited();
        });
        m_editor = yes;
    } else if (item.hasOptions() && item.repeats) {
        QWidget *group = optionGroup(accessibleName);
        auto *column = new QVBoxLayout(group);
        column->setContentsMargins(0, 0, 0, 0);
        for (const QuestionnaireOption &o : item.options) {
            auto *box = new QCheckBox(o.display.in(language()), group);
            box->setProperty("optionValue", o.value.toVariant());
            connect(box, &QCheckBox::toggled, this, edited);
            column->addWidget(box);
            m_checks << box;
        }
        if (item.type == Type::OpenChoice) {
            m_other = new QLineEdit(group);
            m_other->setPlaceholderText(tr("Other (type here)"));
            m_other->setAccessibleName(tr("Other"));
            connect(m_other, &QLineEdit::textEdited, this, edited);
            column->addWidget(m_other);
        }
        m_editor = m_checks.value(0);
    } else if (item.type == Type::Choice && radios) {
        QWidget *group = optionGroup(accessibleName);
        auto *column = new QVBoxLayout(group);
        column->setContentsMargins(0, 0, 0, 0);
        m_radios = new QButtonGroup(this);
        for (int i = 0; i < item.options.size(); ++i) {
            auto *b = new QRadioButton(item.options[i].display.in(language()), group);
            m_radios->addButton(b, i);
            column->addWidget(b);
        }
        connect(m_radios, &QButtonGroup::idToggled, this, [edited](int, bool on) {
            if (on)
                edited();
        });
        m_editor = m_radios->button(0);
    } else if (item.hasOptions()) {
        m_combo = new QComboBox(this);
        m_combo->addItem(item.type == Type::OpenChoice ? QString() : tr("Choose..."), QVariant());
        for (const QuestionnaireOption &o : item.options)
            m_combo->addItem(o.display.in(language()), o.value.toVariant());
        m_combo->setEditable(item.type == Type::OpenChoice);
        m_combo->setAccessibleName(accessibleName);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(m_combo, &QComboBox::currentIndexChanged, this, edited);
        if (m_combo->isEditable())
            connect(m_combo, &QComboBox::editTextChanged, this, edited);
        m_editor = m_combo;
        layout->addWidget(m_combo, 0, Qt::AlignLeft);
    } else if (item.type == Type::Text || item.repeats) {
        m_text = new QPlainTextEdit(this);
        m_text->setTabChangesFocus(true);
        m_text->setMaximumWidth(fontMetrics().averageCharWidth() * 100);
        m_text->setAccessibleName(accessibleName);
        if (item.repeats)
            m_text->setPlaceholderText(tr("One answer per line"));
        connect(m_text, &QPlainTextEdit::textChanged, this, edited);
        connect(m_text, &QPlainTextEdit::cursorPositionChanged, this,
                &QuestionnaireItemWidget::keepCursorInSight);
        m_editor = m_text;
        layout->addWidget(m_text);
        fitTextHeight();
        connect(m_text->document()->documentLayout(),
                &QAbstractTextDocumentLayout::documentSizeChanged, this,
                &QuestionnaireItemWidget::fitTextHeight);
    } else {
        m_line = new QLineEdit(this);
        m_line->setAccessibleName(accessibleName);
        if (item.maxLength)
            m_line->setMaxLength(*item.maxLength);
        const int chars = item.type == Type::String ? 48 : 16;
        m_line->setMaximumWidth(fontMetrics().averageCharWidth() * chars);
        connect(m_line, &QLineEdit::textEdited, this, edited);
        m_editor = m_line;
        layout->addWidget(m_line);
    }
    // The "*" on screen is said in words by the label too: a combo box's name on Linux is its
    // value, so its label is what names it.
    if (item.required && !m_consent)
        m_label->setAccessibleName(accessibleName);
    m_editor->setObjectName(QStringLiteral("edit:") + item.linkId);
    if (m_label)
        m_label->setBuddy(m_editor);

    if (item.readOnly) {
        for (QWidget *w : findChildren<QWidget *>())
            if (w != m_label)
                w->setEnabled(false);
    }
}

QWidget *QuestionnaireItemWidget::optionGroup(const QString &name)
{
    auto *group = new GroupFrame(this);
    group->setObjectName(QStringLiteral("options:") + m_linkId);
    group->setAccessibleName(name);
    static_cast<QVBoxLayout *>(layout())->addWidget(group);
    m_group = group;
    return group;
}

bool QuestionnaireItemWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_label && m_consent && event->type() == QEvent::MouseButtonRelease &&
        m_consent->isEnabled()) {
        m_consent->toggle();
        m_consent->setFocus(Qt::MouseFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void QuestionnaireItemWidget::fitTextHeight()
{
    // Grows with the answer from four lines to twelve, then scrolls inside; the page scrolls to
    // keep the line being typed in sight (keepCursorInSight).
    const int line = fontMetrics().lineSpacing();
    const int frame = 2 * m_text->frameWidth() + int(2 * m_text->document()->documentMargin());
    const int lines = int(m_text->document()->size().height());
    m_text->setFixedHeight(std::clamp(lines * line, 4 * line, 12 * line) + frame);
}

void QuestionnaireItemWidget::keepCursorInSight()
{
    // Inside a scrolling page the editor may be partly below the fold: scroll the page to the
    // cursor's line, not just to the editor. Once the page has laid out the editor's new height
    // (the next event-loop pass), or the scroll range would still be the old one.
    if (m_scrollPending)
        return;
    m_scrollPending = true;
    QTimer::singleShot(0, this, [this] {
        m_scrollPending = false;
        for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(w)) {
                m_text->ensureCursorVisible();
                const QRect cursor = m_text->cursorRect();
                const QPoint centre = m_text->viewport()->mapTo(area->widget(), cursor.center());
                area->ensureVisible(centre.x(), centre.y(), 0, cursor.height() * 2);
                return;
            }
        }
    });
}

void QuestionnaireItemWidget::storeFromEditor()
{
    const QuestionnaireItem *item = m_form.questionnaire().item(m_linkId);
    if (!item)
        return;
    if (m_consent) {
        m_form.setAnswer(m_linkId, m_consent->isChecked() ? QJsonValue(true) : QJsonValue());
    } else if (m_type == Type::Boolean) {
        const int id = m_radios->checkedId();
        m_form.setAnswer(m_linkId, id < 0 ? QJsonValue() : QJsonValue(id == 1));
    } else if (!m_checks.isEmpty()) {
        QJsonArray values;
        for (QAbstractButton *b : std::as_const(m_checks))
            if (b->isChecked())
                values.append(QJsonValue::fromVariant(b->property("optionValue")));
        if (m_other)
            values.append(m_other->text());
        m_form.setAnswers(m_linkId, values);
    } else if (m_radios) {
        const int id = m_radios->checkedId();
        m_form.setAnswer(m_linkId, id < 0 ? QJsonValue() : item->options.value(id).value);
    } else if (m_combo) {
        const int index = m_combo->currentIndex();
        if (m_combo->isEditable()) {
            const QString typed = m_combo->currentText();
            const int match = m_combo->findText(typed, Qt::MatchFixedString);
            m_form.setAnswer(m_linkId, match > 0 ? QJsonValue::fromVariant(m_combo->itemData(match))
                                                 : QJsonValue(typed));
        } else {
            m_form.setAnswer(m_linkId, index > 0 ? QJsonValue::fromVariant(m_combo->itemData(index))
                                                 : QJsonValue());
        }
    } else if (m_text) {
        if (item->repeats) {
            QJsonArray values;
            for (const QString &line : m_text->toPlainText().split(QLatin1Char('\n')))
                values.append(line);
            m_form.setAnswers(m_linkId, values);
        } else {
            m_form.setAnswer(m_linkId, m_text->toPlainText());
        }
    } else if (m_line) {
        const QString typed = m_line->text();
        QJsonValue value = typed;
        bool ok = false;
        if (m_type == Type::Integer) {
            const qint64 n = typed.trimmed().toLongLong(&ok);
            if (ok)
                value = double(n);
        } else if (m_type == Type::Decimal) {
            const double d = typed.trimmed().toDouble(&ok);
            if (ok)
                value = d;
        } else if (m_type == Type::Date) {
            value = IntakeForm::dateAnswer(typed);
        }
        m_form.setAnswer(m_linkId, value);
    }
}

void QuestionnaireItemWidget::loadAnswer()
{
    m_loading = true;
    const QJsonArray values = m_form.answers(m_linkId);
    const QJsonValue first = values.first();
    if (m_consent) {
        m_consent->setChecked(first.toBool());
    } else if (m_radios) {
        int id = -1;
        if (m_type == Type::Boolean) {
            id = first.isBool() ? (first.toBool() ? 1 : 0) : -1;
        } else if (const QuestionnaireItem *item = m_form.questionnaire().item(m_linkId)) {
            for (int i = 0; i < item->options.size(); ++i)
                if (item->option(first) == &item->options[i])
                    id = i;
        }
        m_radios->setExclusive(false);
        for (QAbstractButton *b : m_radios->buttons())
            b->setChecked(m_radios->id(b) == id);
        m_radios->setExclusive(true);
    } else if (!m_checks.isEmpty()) {
        QStringList chosen;
        for (const QJsonValue &v : values)
            chosen << optionKey(v);
        QStringList other;
        for (QAbstractButton *b : std::as_const(m_checks)) {
            const QString key = optionKey(QJsonValue::fromVariant(b->property("optionValue")));
            b->setChecked(chosen.contains(key));
            chosen.removeAll(key);
        }
        if (m_other)
            m_other->setText(chosen.join(QStringLiteral("; ")));
    } else if (m_combo) {
        int index = 0;
        for (int i = 1; i < m_combo->count(); ++i)
            if (optionKey(QJsonValue::fromVariant(m_combo->itemData(i))) == optionKey(first))
                index = i;
        m_combo->setCurrentIndex(index);
        if (m_combo->isEditable() && index == 0)
            m_combo->setEditText(first.toString());
    } else if (m_text) {
        QStringList lines;
        for (const QJsonValue &v : values)
            lines << v.toString();
        if (m_text->toPlainText() != lines.join(QLatin1Char('\n')))
            m_text->setPlainText(lines.join(QLatin1Char('\n')));
    } else if (m_line) {
        QString shown;
        if (m_type == Type::Date)
            shown = IntakeForm::dateText(first);
        else if (first.isDouble())
            shown = QString::number(first.toDouble(), 'g', 15);
        else
            shown = first.toString();
        if (m_line->text() != shown)
            m_line->setText(shown);
    }
    m_loading = false;
    for (QuestionnaireItemWidget *child : std::as_const(m_children))
        child->loadAnswer();
}

void QuestionnaireItemWidget::refresh()
{
    const bool enabled = m_form.isEnabled(m_linkId);
    if (isHidden() == enabled)
        setVisible(enabled);
    if (!enabled && m_error)
        m_error->clearError();
    for (QuestionnaireItemWidget *child : std::as_const(m_children))
        child->refresh();
}

QWidget *QuestionnaireItemWidget::validate()
{
    if (!m_form.isEnabled(m_linkId)) {
        if (m_error)
            m_error->clearError();
        return nullptr;
    }
    QWidget *first = nullptr;
    if (m_error) {
        const QString message = m_form.validateItem(m_linkId);
        m_error->showError(message);
        if (!message.isEmpty())
            first = m_editor;
    }
    for (QuestionnaireItemWidget *child : std::as_const(m_children)) {
        QWidget *w = child->validate();
        if (!first)
            first = w;
    }
    return first;
}

void QuestionnaireItemWidget::revalidateShown()
{
    if (m_error && m_error->hasError())
        m_error->showError(m_form.validateItem(m_linkId));
    for (QuestionnaireItemWidget *child : std::as_const(m_children))
        child->revalidateShown();
}

QWidget *QuestionnaireItemWidget::focusTarget() const
{
    if (m_radios && m_radios->checkedButton())
        return m_radios->checkedButton();
    return m_editor;
}

void QuestionnaireItemWidget::setLabelVisible(bool visible)
{
    m_label->setVisible(visible);
}

QString QuestionnaireItemWidget::errorText() const
{
    return m_error ? m_error->text() : QString();
}

} // namespace clinicdesk
