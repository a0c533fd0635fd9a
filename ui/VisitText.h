#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QTableWidget;
class QTableWidgetItem;

namespace clinicdesk {

// How the visit detail's sections write times and visit types, and how their read-only tables
// behave (rows selected whole, Tab leaves the table, arrows move inside it).
class VisitText
{
    Q_DECLARE_TR_FUNCTIONS(VisitText)

public:
    // Local time in the user's short format; "unknown time" when not known.
    static QString time(const QDateTime &t);
    // The visit type's title in the user's language (read once per process).
    static QString typeTitle(const QString &code);
    // A read-only cell whose tooltip repeats it (long values are elided on screen).
    static QTableWidgetItem *cell(const QString &text);
    static void setUpTable(QTableWidget *table);
};

} // namespace clinicdesk
