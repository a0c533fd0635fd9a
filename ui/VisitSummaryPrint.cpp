#include "VisitSummaryPrint.h"

#include "PdfSavePath.h"
#include "VisitStatusStyle.h"
#include "VisitText.h"
#include "audit/AuditLog.h"
#include "visits/LabRequisition.h"

#include <QBoxLayout>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QTextDocument>

namespace clinicdesk {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// One "caption: value" row; an empty value reads "not given".
QString row(const QString &caption, const QString &value)
{
    return QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
        .arg(esc(caption), esc(value.isEmpty() ? VisitSummaryPrint::tr("not given") : value));
}

QString heading(const QString &text)
{
    return QStringLiteral("<h2>%1</h2>").arg(esc(text));
}

const QString kTable = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                      "width=\"100%\" style=\"border-collapse: collapse\">");

} // namespace

VisitSummaryPrint::VisitSummaryPrint(AuditLog &audit, QString username, QWidget *page)
    : QObject(page)
    , m_audit(audit)
    , m_username(std::move(username))
    , m_page(page)
{
    m_print = new QPushButton(tr("Print su&mmary…"), page);
    m_print->setObjectName(QStringLiteral("printSummary"));
    m_print->setAccessibleName(tr("Print the visit summary"));
    m_print->setToolTip(tr("Print the visit summary (Ctrl+P)"));
    m_save = new QPushButton(tr("Save summary as P&DF…"), page);
    m_save->setObjectName(QStringLiteral("saveSummary"));
    m_save->setAccessibleName(tr("Save the visit summary as a PDF file"));
    m_save->setToolTip(tr("Save the visit summary as a PDF file (Ctrl+Shift+S)"));
    connect(m_print, &QPushButton::clicked, this, &VisitSummaryPrint::print);
    connect(m_save, &QPushButton::clicked, this, &VisitSummaryPrint::save);
    const std::pair<QKeySequence, QPushButton *> keys[] = {
        {QKeySequence(QKeySequence::Print), m_print},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), m_save}};
    for (const auto &[sequence, button] : keys) {
        auto *shortcut = new QShortcut(sequence, page);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, button, [b = button] {
            if (b->isEnabled())
                b->click();
        });
    }
    setRecord({});
}

void VisitSummaryPrint::addButtons(QBoxLayout *row, QWidget *after)
{
    const int at = row->indexOf(after) + 1;
    row->insertWidget(at, m_print, 0, Qt::AlignRight | Qt::AlignTop);
    row->insertWidget(at + 1, m_save, 0, Qt::AlignRight | Qt::AlignTop);
    QWidget::setTabOrder(after, m_print);
    QWidget::setTabOrder(m_print, m_save);
}

QWidget *VisitSummaryPrint::lastButton() const
{
    return m_save;
}

void VisitSummaryPrint::setRecord(const VisitRecord &record)
{
    m_record = record;
    const bool any = !m_record.id.isEmpty();
    m_print->setEnabled(any);
    m_save->setEnabled(any);
}

QString VisitSummaryPrint::html() const
{
    const VisitRecord &r = m_record;
    const Patient p = r.patient.value_or(Patient{});
    const QString name = QStringList{p.firstName, p.lastName}.join(QLatin1Char(' ')).trimmed();
    QString h = QStringLiteral("<html><body>");
    h += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Visit summary")));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Printed on %1 by %2")
                          .arg(VisitText::time(QDateTime::currentDateTimeUtc()), m_username)));

    h += heading(tr("Patient")) + kTable;
    h += row(tr("Name"), name);
    h += row(tr("Date of birth"),
             p.dob.isValid() ? QLocale().toString(p.dob, QLocale::ShortFormat) : QString());
    h += row(tr("Phone"), p.phone);
    h += QStringLiteral("</table>");
    if (!r.patientError.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(r.patientError));

    h += heading(tr("Visit")) + kTable;
    h += row(tr("Visit type"), VisitText::typeTitle(r.visitType));
    h += row(tr("Status"), VisitStatusStyle::text(r.status));
    h += row(tr("Prescription"), VisitStatusStyle::text(r.rxStatus));
    h += row(tr("Submitted"), tr("%1 by %2").arg(VisitText::time(r.createdAt), r.createdByName));
    h += row(tr("Provider reference"), r.masterId);
    h += QStringLiteral("</table>");

    // The answers as the visit detail lists them (VisitRecordReader reads the
    // QuestionnaireResponse once for both).
    h += heading(tr("Intake answers"));
    if (!r.answersError.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(r.answersError));
    if (r.answers.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No answers recorded.")));
    } else {
        h +=
            kTable + QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th></tr>")
                         .arg(esc(tr("Question")), esc(tr("Answer")));
        for (const VisitRecord::Answer &a : r.answers)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                     .arg(esc(a.question), esc(a.answer));
        h += QStringLiteral("</table>");
    }

    h += heading(tr("Prescriptions"));
    if (r.prescriptions.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No prescription yet.")));
    } else {
        h += kTable + QStringLiteral("<tr>");
        // Single words stay whole (no break inside "Concentración"); the last may wrap.
        for (const QString &c :
             {tr("Medication"), tr("Strength"), tr("Quantity"), tr("Refills"), tr("Prescriber")})
            h += QStringLiteral("<th align=\"left\" style=\"white-space: nowrap\">%1</th>")
                     .arg(esc(c));
        h += QStringLiteral("<th align=\"left\">%1</th>").arg(esc(tr("Prescribed")));
        h += QStringLiteral("</tr>");
        for (const VisitRecord::Prescription &rx : r.prescriptions) {
            for (const VisitRecord::Medication &m : rx.medications) {
                h += QStringLiteral("<tr>");
                for (const QString &c :
                     {m.name, m.strength, m.quantity, m.refills, rx.doctor, VisitText::time(rx.at)})
                    h += QStringLiteral("<td>%1</td>").arg(esc(c));
                h += QStringLiteral("</tr>");
            }
        }
        h += QStringLiteral("</table>");
    }

    h += heading(tr("Pharmacy order"));
    const VisitRecord::PharmacyOrder &o = r.pharmacy;
    if (!o.present) {
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No pharmacy order yet.")));
    } else {
        h += kTable;
        h += row(tr("State"), VisitStatusStyle::text(o.state));
        h += row(tr("Order"), o.orderId);
        h += row(tr("Carrier"), o.carrier);
        h += row(tr("Tracking number"), o.tracking);
        h += row(tr("Last update"), VisitText::time(o.updatedAt));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

bool VisitSummaryPrint::record(Kind kind, bool ok, const QString &detail)
{
    QString what = kind == Kind::Printed ? QStringLiteral("visit summary printed")
                                         : QStringLiteral("visit summary saved as PDF");
    if (!detail.isEmpty())
        what += QStringLiteral(": ") + detail;
    return bool(
        m_audit.append({AuditAction::Export, m_username, QStringLiteral("visit"), m_record.id,
                        ok ? AuditOutcome::Success : AuditOutcome::Failure, what}));
}

bool VisitSummaryPrint::exportTo(QPrinter &printer, Kind kind)
{
    if (m_record.id.isEmpty())
        return false;
    const bool toFile = !printer.outputFileName().isEmpty();
    const QString where = kind == Kind::SavedAsPdf ? QString()
                          : toFile                 ? QStringLiteral("to a PDF file")
                                                   : QStringLiteral("to a printer");
    // The export is in the audit log before any page leaves: no entry, no export.
    if (!record(kind, true, where)) {
        Q_EMIT announce(tr("The summary was not exported: the audit log could not record it."));
        return false;
    }
    QString error;
    if (toFile) {
        if (auto created = LabRequisition::createPrivateFile(printer.outputFileName()); !created)
            error = created.error().message;
    }
    if (error.isEmpty()) {
        QTextDocument document;
        document.setHtml(html());
        document.print(&printer);
        if (printer.printerState() == QPrinter::Error)
            error = tr("The printer reported an error.");
    }
    if (error.isEmpty()) {
        Q_EMIT announce(kind == Kind::SavedAsPdf ? tr("The visit summary was saved.")
                                                 : tr("The visit summary was sent to print."));
        return true;
    }
    if (toFile)
        QFile::remove(printer.outputFileName());
    record(kind, false,
           where.isEmpty() ? QStringLiteral("failed") : where + QStringLiteral(" failed"));
    Q_EMIT announce(kind == Kind::SavedAsPdf
                        ? tr("The visit summary was not saved: %1").arg(error)
                        : tr("The visit summary was not printed: %1").arg(error));
    return false;
}

bool VisitSummaryPrint::printTo(QPrinter &printer)
{
    return exportTo(printer, Kind::Printed);
}

bool VisitSummaryPrint::saveAs(const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    return exportTo(printer, Kind::SavedAsPdf);
}

void VisitSummaryPrint::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, m_page);
    dialog.setWindowTitle(tr("Print the visit summary"));
    if (dialog.exec() == QDialog::Accepted)
        printTo(printer);
}

void VisitSummaryPrint::save()
{
    const QString path =
        askPdfSavePath(m_page, tr("Save the visit summary"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveAs(path);
}

} // namespace clinicdesk
