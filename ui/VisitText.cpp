#include "VisitText.h"

#include "intake/QuestionnaireLibrary.h"

#include <QHash>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace clinicdesk {

QString VisitText::time(const QDateTime &t)
{
    if (!t.isValid())
        return tr("unknown time");
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString VisitText::typeTitle(const QString &code)
{
    static const QHash<QString, QString> titles = QuestionnaireLibrary::load().visitTypeTitles();
    return titles.value(code, code);
}

QTableWidgetItem *VisitText::cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

void VisitText::setUpTable(QTableWidget *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace clinicdesk
