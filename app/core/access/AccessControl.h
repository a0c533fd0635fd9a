#pragma once

#include "base/Result.h"
#include "domain/User.h"

namespace clinicdesk {

class AuditLog;
class UserRepository;

// Who may do what, decided in the core whatever the UI shows or hides. Every refusal is itself
// audited (AccessDenied, outcome "denied"), naming the actor and the thing they tried to reach.
//
// The acting User a caller passes may be stale (a session signed in an hour ago): require()
// reads the account again, so an admin disabled or demoted since is refused at once.
class AccessControl
{
public:
    enum class Permission
    {
        ManageAccounts, // list, create, disable, enable, reset passwords
        ExportAuditLog,
        VerifyAuditLog,
    };
    static QString permissionName(Permission permission);

    AccessControl(UserRepository &users, AuditLog &audit)
        : m_users(users)
        , m_audit(audit)
    {}

    // Whether the role allows it: for showing or hiding controls only, never as the check.
    static bool allows(const User &actor, Permission permission);

    // The actor as stored now, or AccessDenied (audited) when they may not do it.
    // `entityType` / `entityId` say what was being reached, for the audit entry.
    Result<User> require(const User &actor, Permission permission, const QString &entityType,
                         const QString &entityId = {});

private:
    UserRepository &m_users;
    AuditLog &m_audit;
};

} // namespace clinicdesk
