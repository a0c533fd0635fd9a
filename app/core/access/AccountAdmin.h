#pragma once

#include "access/AccessControl.h"
#include "audit/AuditExporter.h"
#include "audit/AuditLog.h"
#include "base/Result.h"
#include "domain/User.h"

#include <QList>

namespace clinicdesk {

class UserRepository;

// The console's administration service: staff accounts and the audit log. Every operation takes
// the acting (signed-in) user and runs only when that account is, as stored now, an enabled
// admin: otherwise AccessDenied, and the refusal is audited. Every change is audited as an Admin
// entry naming the account's username and id (never a password).
class AccountAdmin
{
public:
    AccountAdmin(UserRepository &users, AuditLog &audit);

    Result<QList<User>> listAccounts(const User &actor);
    Result<User> createAccount(const User &actor, const QString &username,
                               const QString &displayName, Role role, const QString &password);
    // An admin cannot disable their own account (InvalidInput): it would end their session and
    // could leave the console without an administrator.
    Result<void> setDisabled(const User &actor, const QString &userId, bool disabled);
    Result<void> resetPassword(const User &actor, const QString &userId,
                               const QString &newPassword);

    Result<AuditExporter::Summary> exportAuditLog(const User &actor, QIODevice &out,
                                                  AuditExporter::Format format,
                                                  const AuditLog::Filter &filter,
                                                  const AuditLog::Progress &progress = {});
    // Verifies the whole chain; the result (intact or where it broke) is audited.
    Result<AuditLog::Verification> verifyAuditLog(const User &actor,
                                                  const AuditLog::Progress &progress = {});

    AccessControl &accessControl() { return m_access; }

private:
    void audit(const User &actor, const QString &entityId, AuditOutcome outcome,
               const QString &detail);

    UserRepository &m_users;
    AuditLog &m_audit;
    AccessControl m_access;
};

} // namespace clinicdesk
