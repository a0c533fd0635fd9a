#include "AdminAuditCheck.h"

#include "access/AccountAdmin.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QProgressDialog>

namespace clinicdesk {

QString AdminAuditCheck::describe(const AuditLog::Verification &v)
{
    if (v.intact)
        return tr("The audit log is intact: %n entries, newest entry %1 (hash %2).", "",
                  int(qMin<qint64>(v.entries, std::numeric_limits<int>::max())))
            .arg(v.head.seq)
            .arg(QString::fromLatin1(v.head.hash.toHex()));
    return tr("The audit log is broken. First broken entry: %1. Details: %2")
        .arg(v.firstBrokenSeq)
        .arg(v.problem);
}

Result<AuditLog::Verification> AdminAuditCheck::run(QWidget *parent, AccountAdmin &admin,
                                                    const User &actor, bool showResult)
{
    const QString title = tr("Verify audit log");
    QProgressDialog progress(tr("Verifying the audit log…"), tr("Cancel"), 0, 1000, parent);
    progress.setWindowTitle(title);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    bool cancelled = false;
    auto result = admin.verifyAuditLog(actor, [&](qint64 done, qint64 total) {
        progress.setValue(
            int(qBound<qint64>(qint64(0), done * 1000 / qMax<qint64>(total, 1), qint64(1000))));
        QCoreApplication::processEvents();
        cancelled = cancelled || progress.wasCanceled();
        return !cancelled;
    });
    progress.reset();
    if (!showResult)
        return result;
    if (!parent || !parent->isVisible())
        return result;
    if (cancelled) {
        QMessageBox::information(parent, title, tr("The check was cancelled."));
    } else if (!result) {
        QMessageBox::warning(
            parent, title,
            tr("The audit log could not be checked: %1").arg(result.error().message));
    } else if (result->intact) {
        QMessageBox::information(parent, title, describe(result.value()));
    } else {
        QMessageBox::critical(parent, title, describe(result.value()));
    }
    return result;
}

} // namespace clinicdesk
