#include "IntakeReview.h"

#include "QuestionnairePage.h"
#include "intake/IntakeForm.h"

#include <QLocale>
#include <QTextDocument>

namespace clinicdesk {
namespace {

// One paragraph per answer, not a table: a screen reader reads it line by line as shown
// (table cells reach AT-SPI as object characters between the texts). A question that ends in
// its own mark ("How long has the problem lasted?") gets no colon after it.
QString row(const QString &question, const QString &answer)
{
    const bool marked = question.endsWith(QLatin1Char('?')) || question.endsWith(QLatin1Char(':'));
    return QStringLiteral("<p>%1%2 <b>%3</b></p>")
        .arg(question.toHtmlEscaped(), marked ? QString() : QStringLiteral(":"),
             answer.toHtmlEscaped());
}

} // namespace

IntakeReview::IntakeReview(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("reviewSummary"));
    setAccessibleName(tr("Summary of the answers"));
    setOpenLinks(false);
    setTabChangesFocus(true);
    setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // The page's colours, not a text field's: it reads as part of the page.
    viewport()->setAutoFillBackground(false);
}

void IntakeReview::summarize(const IntakeForm &form, const QList<QuestionnairePage *> &pages,
                             const QString &visitTypeTitle)
{
    const QString language = QLocale().name();
    QString html;
    for (int i = 0; i < pages.size(); ++i) {
        html += QStringLiteral("<h3>%1</h3>").arg(pages[i]->title().toHtmlEscaped());
        // The visit type is chosen on the visit step, outside the questionnaire.
        if (i == 1 && !visitTypeTitle.isEmpty())
            html += row(tr("Visit type"), visitTypeTitle);
        const Questionnaire &q = form.questionnaire();
        for (const QString &root : pages[i]->roots()) {
            QStringList ids{root};
            for (int k = 0; k < ids.size(); ++k) {
                const QuestionnaireItem *item = q.item(ids[k]);
                if (!item || !form.isEnabled(ids[k]))
                    continue;
                for (const QuestionnaireItem &c : item->items)
                    ids << c.linkId;
                if (!item->isQuestion() || !form.isAnswered(ids[k]))
                    continue;
                QStringList shown;
                for (const QJsonValue &v : form.answers(ids[k])) {
                    if (const QuestionnaireOption *o =
                            item->hasOptions() ? item->option(v) : nullptr)
                        shown << o->display.in(language);
                    else if (item->type == QuestionnaireItem::Type::Boolean)
                        shown << (v.toBool() ? tr("Yes") : tr("No"));
                    else if (item->type == QuestionnaireItem::Type::Date)
                        shown << IntakeForm::dateText(v);
                    else if (v.isDouble())
                        shown << QLocale().toString(v.toDouble(), 'g', 15);
                    else
                        shown << v.toString();
                }
                html += row(item->text.in(language), shown.join(QStringLiteral("; ")));
            }
        }
    }
    setHtml(html);
    fitHeight();
}

void IntakeReview::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    fitHeight();
}

void IntakeReview::fitHeight()
{
    document()->setTextWidth(viewport()->width());
    const int height = int(document()->size().height()) + 2 * frameWidth();
    if (height != this->height())
        setFixedHeight(height);
}

} // namespace clinicdesk
