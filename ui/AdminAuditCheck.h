#pragma once

#include "audit/AuditLog.h"
#include "base/Result.h"

#include <QCoreApplication>

class QWidget;

namespace clinicdesk {

class AccountAdmin;
struct User;

// "Verify audit log": checks the whole hash chain and its anchor behind a cancellable progress
// dialog, then says whether the log is intact or names the first broken entry. Admins only:
// AccountAdmin checks the role and audits the check.
class AdminAuditCheck
{
    Q_DECLARE_TR_FUNCTIONS(AdminAuditCheck)

public:
    // Runs the check; `showResult` false skips the message box (tests).
    static Result<AuditLog::Verification> run(QWidget *parent, AccountAdmin &admin,
                                              const User &actor, bool showResult = true);
    // The sentence shown for a finished check.
    static QString describe(const AuditLog::Verification &verification);
};

} // namespace clinicdesk
