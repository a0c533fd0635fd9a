#include "visits/LabRequisition.h"

#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "store/LabOrderRepository.h"
#include "store/LocalStore.h"

#include <QFile>

namespace clinicdesk {

LabRequisition::LabRequisition(LocalStore &store, AuditLog &audit, QString username,
                               QString visitId, QString orderId)
    : m_store(store)
    , m_audit(audit)
    , m_username(std::move(username))
    , m_visitId(std::move(visitId))
    , m_orderId(std::move(orderId))
{}

QString LabRequisition::entityId() const
{
    return LabOrderRepository::rowId(m_visitId, m_orderId);
}

Result<QByteArray> LabRequisition::open()
{
    auto pdf = LabOrderRepository(m_store.db(), m_store.cipher()).requisition(m_visitId, m_orderId);
    AuditEvent event{AuditAction::PhiView,
                     m_username,
                     QStringLiteral("lab_requisition"),
                     entityId(),
                     AuditOutcome::Success,
                     QStringLiteral("lab requisition opened")};
    if (!pdf) {
        event.outcome = AuditOutcome::Failure;
        event.detail =
            QStringLiteral("lab requisition not opened: error code %1").arg(int(pdf.error().code));
    }
    if (auto logged = m_audit.append(event); !logged) {
        if (pdf)
            crypto::wipe(pdf.value());
        return makeError(logged.error().code,
                         tr("The requisition is not shown because its view could not be "
                            "recorded in the audit log: %1")
                             .arg(logged.error().message));
    }
    if (!pdf)
        return makeError(pdf.error().code,
                         pdf.error().code == ErrorCode::NotFound
                             ? tr("This lab order has no requisition yet.")
                             : tr("The requisition cannot be opened: %1").arg(pdf.error().message));
    return pdf;
}

Result<void> LabRequisition::recordExport(Export kind, bool ok, const QString &detail)
{
    QString what = kind == Export::Printed ? QStringLiteral("lab requisition printed")
                                           : QStringLiteral("lab requisition saved as PDF");
    if (!detail.isEmpty())
        what += QStringLiteral(": ") + detail;
    AuditEvent event{AuditAction::Export,
                     m_username,
                     QStringLiteral("lab_requisition"),
                     entityId(),
                     ok ? AuditOutcome::Success : AuditOutcome::Failure,
                     what};
    if (auto logged = m_audit.append(event); !logged)
        return logged.error();
    return {};
}

Result<void> LabRequisition::createPrivateFile(const QString &path)
{
    // Replaced, not truncated: an existing file would keep its own (wider) mode.
    if (QFile::exists(path) && !QFile::remove(path))
        return makeError(ErrorCode::Io, tr("The file cannot be replaced."));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(ErrorCode::Io,
                         tr("The file cannot be created: %1").arg(file.errorString()));
    return {};
}

Result<void> LabRequisition::saveCopy(const QByteArray &pdf, const QString &path)
{
    // The export is in the audit log before the file exists: no entry, no file.
    if (auto logged = recordExport(Export::SavedAsPdf, true); !logged)
        return logged;
    auto created = createPrivateFile(path);
    QString error = created ? QString() : created.error().message;
    if (created) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(pdf) != pdf.size() || !file.flush())
            error = tr("The file cannot be written: %1").arg(file.errorString());
    }
    if (error.isEmpty())
        return {};
    QFile::remove(path);
    recordExport(Export::SavedAsPdf, false, QStringLiteral("failed")).ok();
    return makeError(ErrorCode::Io, error);
}

} // namespace clinicdesk
