#pragma once

#include "visits/VisitRecord.h"

#include <QObject>

class QBoxLayout;
class QPrinter;
class QPushButton;
class QWidget;

namespace clinicdesk {

class AuditLog;

// The visit detail's paper (issue 14, item 5): "Print summary…" (Ctrl+P) and "Save summary as
// PDF…" (Ctrl+Shift+S) for the visit shown. The summary is HTML built from the VisitRecord the
// page shows (patient, visit type, status, the intake answers as the patient tab lists them,
// prescriptions, pharmacy order), every value escaped, laid out by QTextDocument into a QPrinter.
// Every print or saved PDF is in the audit log as a PHI export of the visit before anything
// leaves (no entry, no export), a failure is recorded too; a saved PDF is created owner-only
// (0600) and nothing is written to a temporary file.
class VisitSummaryPrint : public QObject
{
    Q_OBJECT

public:
    VisitSummaryPrint(AuditLog &audit, QString username, QWidget *page);

    // Puts the two buttons into `row` after `after` (and after it in the Tab order).
    void addButtons(QBoxLayout *row, QWidget *after);
    QWidget *lastButton() const;
    // The visit to print; an empty record (no id) turns the buttons off.
    void setRecord(const VisitRecord &record);
    // The summary as HTML, for the document and the tests.
    QString html() const;
    // What the buttons do after their dialogs, for the tests; a failure is also announced.
    bool printTo(QPrinter &printer);
    bool saveAs(const QString &path);

Q_SIGNALS:
    // A short sentence for the page's status line (what was saved, or why not).
    void announce(const QString &text);

private:
    enum class Kind
    {
        Printed,
        SavedAsPdf,
    };
    bool exportTo(QPrinter &printer, Kind kind);
    bool record(Kind kind, bool ok, const QString &detail);
    void print();
    void save();

    AuditLog &m_audit;
    QString m_username;
    QWidget *m_page;
    VisitRecord m_record;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace clinicdesk
