#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace clinicdesk {

class AuditLog;
class LocalStore;

// A lab order's requisition PDF for staff (issue 14): opened from its sealed column only as an
// audited PHI view, and every print or saved copy audited as a PHI export. The entries name the
// entity "lab_requisition" and "<visit id>:<order id>", never a value. The bytes are PHI: the
// caller keeps them in memory (a QBuffer for Qt PDF) and wipes them; nothing here writes a
// temporary file.
class LabRequisition
{
    Q_DECLARE_TR_FUNCTIONS(LabRequisition)

public:
    enum class Export
    {
        Printed,
        SavedAsPdf,
    };

    LabRequisition(LocalStore &store, AuditLog &audit, QString username, QString visitId,
                   QString orderId);

    // The PDF, after its view entry is in the audit log (no view without its entry; a failed
    // open is recorded as a failure).
    Result<QByteArray> open();
    // Records a print or a saved copy (outcome failure when `ok` is false). Callers record the
    // export before it happens, and a failure after it.
    Result<void> recordExport(Export kind, bool ok, const QString &detail = {});
    // Records the export, then writes `pdf` to `path` as a new file created owner-only (0600; an
    // existing file is replaced); a failed write is recorded too and leaves no file.
    Result<void> saveCopy(const QByteArray &pdf, const QString &path);
    // Makes `path` an empty file created 0600, so a printer writing a PDF there keeps the mode.
    static Result<void> createPrivateFile(const QString &path);

private:
    QString entityId() const;

    LocalStore &m_store;
    AuditLog &m_audit;
    QString m_username;
    QString m_visitId;
    QString m_orderId;
};

} // namespace clinicdesk
