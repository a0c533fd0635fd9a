#include "AdminCommand.h"

#include "audit/AuditLog.h"

#include <QTextStream>

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

Result<QByteArray> secretFromStdin(const QString &what)
{
    QTextStream in(stdin);
    QByteArray secret = in.readLine().trimmed().toUtf8();
    if (secret.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("give the %1 on stdin").arg(what));
    return secret;
}

QList<AdminCommand> adminCommands()
{
    return keysCommands() + usersCommands() + auditCommands() + providerCommands() +
           relayCommands() + visitsCommands() + inboxCommands() + storeCommands() + demoCommands() +
           notificationsCommands() + workstationCommands();
}

} // namespace clinicdesk
