#include "QuestionnairePage.h"

#include "PageStyle.h"
#include "QuestionnaireItemWidget.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <functional>

namespace clinicdesk {

QuestionnairePage::QuestionnairePage(const QString &title, IntakeForm &form, QWidget *parent)
    : QScrollArea(parent)
    , m_form(form)
    , m_titleText(title)
{
    setWidgetResizable(true);
    setFocusPolicy(Qt::NoFocus); // Tab goes from field to field, not to the scroll area
    setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(this);
    m_layout = new QVBoxLayout(content);
    const int gap = fontMetrics().height();
    m_layout->setContentsMargins(gap, gap / 2, gap, gap);
    m_layout->setSpacing(gap * 3 / 4);
    auto *heading = new QLabel(title, content);
    heading->setObjectName(QStringLiteral("pageTitle"));
    PageStyle::makeTitle(heading);
    m_layout->addWidget(heading);
    m_headerCount = 1;
    m_layout->addStretch();
    setWidget(content);
    setAccessibleName(title);
}

void QuestionnairePage::addHeaderWidget(QWidget *widget)
{
    m_layout->insertWidget(m_headerCount++, widget);
}

void QuestionnairePage::addFooterWidget(QWidget *widget)
{
    m_layout->insertWidget(m_layout->count() - 1, widget);
}

void QuestionnairePage::addItem(const QuestionnaireItem &item)
{
    auto *w = new QuestionnaireItemWidget(item, m_form, 1, widget());
    // A group that is the whole step would repeat the step's title.
    if (item.type == QuestionnaireItem::Type::Group &&
        item.text.in(QLocale().name()) == m_titleText)
        w->setLabelVisible(false);
    connect(w, &QuestionnaireItemWidget::answerEdited, this, &QuestionnairePage::answerEdited);
    m_layout->insertWidget(m_layout->count() - 1, w);
    m_items << w;
}

void QuestionnairePage::clearItems()
{
    for (QuestionnaireItemWidget *w : std::as_const(m_items)) {
        m_layout->removeWidget(w);
        delete w;
    }
    m_items.clear();
}

QStringList QuestionnairePage::roots() const
{
    QStringList ids;
    for (const QuestionnaireItemWidget *w : m_items)
        ids << w->linkId();
    return ids;
}

void QuestionnairePage::refresh()
{
    for (QuestionnaireItemWidget *w : std::as_const(m_items))
        w->refresh();
}

void QuestionnairePage::loadAnswers()
{
    for (QuestionnaireItemWidget *w : std::as_const(m_items))
        w->loadAnswer();
    refresh();
}

bool QuestionnairePage::validate()
{
    QWidget *first = nullptr;
    for (QuestionnaireItemWidget *w : std::as_const(m_items)) {
        QWidget *bad = w->validate();
        if (!first)
            first = bad;
    }
    if (first) {
        ensureWidgetVisible(first);
        first->setFocus(Qt::OtherFocusReason);
    }
    return first == nullptr;
}

void QuestionnairePage::revalidateShown()
{
    for (QuestionnaireItemWidget *w : std::as_const(m_items))
        w->revalidateShown();
}

void QuestionnairePage::focusFirst()
{
    for (QWidget *w = widget()->nextInFocusChain(); w && w != widget(); w = w->nextInFocusChain()) {
        if (w->isVisibleTo(widget()) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            widget()->isAncestorOf(w)) {
            w->setFocus(Qt::TabFocusReason);
            ensureWidgetVisible(w);
            return;
        }
    }
}

QuestionnaireItemWidget *QuestionnairePage::itemWidget(const QString &linkId) const
{
    std::function<QuestionnaireItemWidget *(QuestionnaireItemWidget *)> find =
        [&](QuestionnaireItemWidget *w) -> QuestionnaireItemWidget * {
        if (w->linkId() == linkId)
            return w;
        for (QuestionnaireItemWidget *c : w->children())
            if (auto *found = find(c))
                return found;
        return nullptr;
    };
    for (QuestionnaireItemWidget *w : m_items)
        if (auto *found = find(w))
            return found;
    return nullptr;
}

} // namespace clinicdesk
