#include "PageStyle.h"

#include <QFontMetrics>
#include <QLabel>
#include <QLayout>
#include <QWidget>

namespace clinicdesk::PageStyle {

void makeTitle(QLabel *title)
{
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);
    title->setWordWrap(true);
}

void makeColumn(QWidget *column, int minChars, int maxChars)
{
    const int charWidth = QFontMetrics(column->font()).averageCharWidth();
    column->setMinimumWidth(minChars * charWidth);
    column->setMaximumWidth(maxChars * charWidth);
    // A little air between title, text, form and buttons: two thirds of a line.
    if (QLayout *layout = column->layout())
        layout->setSpacing(QFontMetrics(column->font()).height() * 2 / 3);
}

} // namespace clinicdesk::PageStyle
