#pragma once

#include "visits/LabRequisition.h"

#include <QBuffer>
#include <QDialog>

class QPdfDocument;
class QPdfView;
class QPrinter;
class QPushButton;

namespace clinicdesk {

// A lab requisition PDF shown inside the console (Qt PDF), with Print… and Save as PDF…
// (issue 14). The PDF is opened from the store as an audited PHI view and kept in memory only
// (QPdfDocument reads it from a QBuffer; the bytes are wiped when the dialog goes); every print
// and saved copy is an audited PHI export, and a saved file or a PDF printed to a file is created
// owner-only (0600).
class LabRequisitionDialog : public QDialog
{
    Q_OBJECT

public:
    LabRequisitionDialog(LabRequisition requisition, QWidget *parent = nullptr);
    ~LabRequisitionDialog() override;

    // Opens the PDF (audited); false with the reason in `error` when it cannot be shown.
    bool load(QString *error);
    QPdfDocument *document() const { return m_document; }
    // What the buttons do after their dialogs, for the tests.
    bool printTo(QPrinter &printer);
    bool saveAs(const QString &path);

private:
    void print();
    void save();
    void showFailure(const QString &text);

    LabRequisition m_requisition;
    QByteArray m_pdf;
    QBuffer m_buffer;
    QPdfDocument *m_document = nullptr;
    QPdfView *m_view = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace clinicdesk
