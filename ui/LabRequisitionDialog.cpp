#include "LabRequisitionDialog.h"

#include "PdfSavePath.h"
#include "crypto/Crypto.h"

#include <QDialogButtonBox>
#include <QMessageBox>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

constexpr qreal kPrintDpi = 200; // a page image sharp enough on paper, small enough in memory

} // namespace

LabRequisitionDialog::LabRequisitionDialog(LabRequisition requisition, QWidget *parent)
    : QDialog(parent)
    , m_requisition(std::move(requisition))
{
    setObjectName(QStringLiteral("labRequisitionDialog"));
    setWindowTitle(tr("Lab requisition"));
    setAccessibleName(tr("Lab requisition"));
    auto *layout = new QVBoxLayout(this);
    m_document = new QPdfDocument(this);
    m_view = new QPdfView(this);
    m_view->setObjectName(QStringLiteral("requisitionView"));
    m_view->setAccessibleName(tr("Requisition document"));
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_view->setDocument(m_document);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("printRequisition"));
    m_print->setAccessibleName(tr("Print the requisition"));
    m_save = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveRequisition"));
    m_save->setAccessibleName(tr("Save the requisition as a PDF file"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close the requisition"));
    connect(m_print, &QPushButton::clicked, this, &LabRequisitionDialog::print);
    connect(m_save, &QPushButton::clicked, this, &LabRequisitionDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setTabOrder(m_view, m_print);
    setTabOrder(m_print, m_save);
    setTabOrder(m_save, close);
    resize(760, 700); // fits 1366x768 with the window's frame
}

LabRequisitionDialog::~LabRequisitionDialog()
{
    m_view->setDocument(nullptr);
    m_document->close();
    m_buffer.close();
    crypto::wipe(m_pdf);
}

bool LabRequisitionDialog::load(QString *error)
{
    auto pdf = m_requisition.open();
    if (!pdf) {
        if (error)
            *error = pdf.error().message;
        return false;
    }
    m_pdf = std::move(pdf).value();
    // Read in place from memory: the decrypted PDF never reaches a file.
    m_buffer.setData(m_pdf);
    m_buffer.open(QIODevice::ReadOnly);
    m_document->load(&m_buffer);
    if (m_document->status() == QPdfDocument::Status::Error) {
        if (error)
            *error = tr("The requisition is not a readable PDF.");
        return false;
    }
    m_view->setFocus();
    return true;
}

void LabRequisitionDialog::showFailure(const QString &text)
{
    QMessageBox::warning(this, tr("Lab requisition"), text);
}

bool LabRequisitionDialog::printTo(QPrinter &printer)
{
    // The export is in the audit log before any page leaves: no entry, no print.
    const bool toFile = !printer.outputFileName().isEmpty();
    const QString where = toFile ? QStringLiteral("to a PDF file") : QStringLiteral("to a printer");
    if (auto logged = m_requisition.recordExport(LabRequisition::Export::Printed, true, where);
        !logged)
        return false;
    bool ok = m_document->pageCount() > 0;
    if (ok && toFile)
        ok = bool(LabRequisition::createPrivateFile(printer.outputFileName()));
    QPainter painter;
    ok = ok && painter.begin(&printer);
    for (int page = 0; ok && page < m_document->pageCount(); ++page) {
        if (page > 0)
            ok = printer.newPage();
        const QSize pixels = (m_document->pagePointSize(page) * kPrintDpi / 72.0).toSize();
        const QImage image = m_document->render(page, pixels);
        const QRect area = painter.viewport();
        painter.drawImage(QRect(area.topLeft(), pixels.scaled(area.size(), Qt::KeepAspectRatio)),
                          image);
    }
    if (painter.isActive())
        ok = painter.end() && ok;
    if (!ok) // the failure too, after the attempt
        m_requisition
            .recordExport(LabRequisition::Export::Printed, false, where + QStringLiteral(" failed"))
            .ok();
    return ok;
}

void LabRequisitionDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the lab requisition"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!printTo(printer))
        showFailure(tr("The requisition could not be printed."));
}

bool LabRequisitionDialog::saveAs(const QString &path)
{
    auto saved = m_requisition.saveCopy(m_pdf, path);
    if (!saved)
        showFailure(saved.error().message);
    return bool(saved);
}

void LabRequisitionDialog::save()
{
    const QString path =
        askPdfSavePath(this, tr("Save the lab requisition"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveAs(path);
}

} // namespace clinicdesk
