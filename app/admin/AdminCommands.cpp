#include "AdminCommand.h"

#include "audit/AuditLog.h"

namespace clinicdesk {

Result<void> AdminContext::recordAdmin(const QString &entityType, const QString &entityId,
                                       const QString &detail) const
{
    auto appended = audit->append(
        {AuditAction::Admin, operatorName, entityType, entityId, AuditOutcome::Success, detail});
    if (!appended)
        return appended.error();
    return {};
}

QList<AdminCommand> adminCommands()
{
    return keysCommands() + usersCommands() + auditCommands() + providerCommands() +
           relayCommands() + visitsCommands() + inboxCommands() + storeCommands() + demoCommands() +
           notificationsCommands();
}

} // namespace clinicdesk
