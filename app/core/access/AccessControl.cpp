#include "access/AccessControl.h"

#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"

#include <QCoreApplication>

namespace clinicdesk {

QString AccessControl::permissionName(Permission permission)
{
    switch (permission) {
    case Permission::ManageAccounts:
        return QStringLiteral("manage-accounts");
    case Permission::ExportAuditLog:
        return QStringLiteral("export-audit-log");
    case Permission::VerifyAuditLog:
        return QStringLiteral("verify-audit-log");
    }
    return {};
}

bool AccessControl::allows(const User &actor, Permission permission)
{
    switch (permission) {
    case Permission::ManageAccounts:
    case Permission::ExportAuditLog:
    case Permission::VerifyAuditLog:
        return actor.isAdmin() && !actor.disabled;
    }
    return false;
}

Result<User> AccessControl::require(const User &actor, Permission permission,
                                    const QString &entityType, const QString &entityId)
{
    auto current = actor.id.isEmpty() ? Result<User>(makeError(ErrorCode::NotFound, QString()))
                                      : m_users.get(actor.id);
    if (!current && current.error().code != ErrorCode::NotFound)
        return current.error();
    if (current && allows(current.value(), permission))
        return current;

    const QString reason = !current            ? QStringLiteral("no such account")
                           : current->disabled ? QStringLiteral("account disabled")
                                               : QStringLiteral("admin role required");
    qCInfo(lcAccess) << "access denied:" << actor.username << "id" << actor.id << "permission"
                     << permissionName(permission) << "reason" << reason;
    const auto audited = m_audit.append(
        {AuditAction::AccessDenied, actor.username, entityType, entityId, AuditOutcome::Denied,
         QStringLiteral("%1 refused: %2").arg(permissionName(permission), reason)});
    if (!audited)
        qCWarning(lcAccess) << "access denial not audited:" << audited.error().message;
    return makeError(
        ErrorCode::AccessDenied,
        QCoreApplication::translate("AccessControl", "Only an administrator may do this."));
}

} // namespace clinicdesk
