#include "access/AccountAdmin.h"

#include "accounts/UserRepository.h"
#include "audit/AuditReport.h"
#include "base/Logging.h"

#include <QCoreApplication>

namespace clinicdesk {
namespace {

const QString kUserEntity = QStringLiteral("user");
const QString kAuditEntity = QStringLiteral("audit_log");

} // namespace

AccountAdmin::AccountAdmin(UserRepository &users, AuditLog &audit)
    : m_users(users)
    , m_audit(audit)
    , m_access(users, audit)
{}

void AccountAdmin::audit(const User &actor, const QString &entityId, AuditOutcome outcome,
                         const QString &detail)
{
    const auto audited = m_audit.append(
        {AuditAction::Admin, actor.username, kUserEntity, entityId, outcome, detail});
    if (!audited)
        qCWarning(lcAccess) << "admin action not audited:" << audited.error().message;
}

Result<QList<User>> AccountAdmin::listAccounts(const User &actor)
{
    auto admin = m_access.require(actor, AccessControl::Permission::ManageAccounts, kUserEntity);
    if (!admin)
        return admin.error();
    return m_users.list();
}

Result<User> AccountAdmin::createAccount(const User &actor, const QString &username,
                                         const QString &displayName, Role role,
                                         const QString &password)
{
    auto admin = m_access.require(actor, AccessControl::Permission::ManageAccounts, kUserEntity);
    if (!admin)
        return admin.error();
    auto created = m_users.createUser(username, displayName, role, password);
    if (!created) {
        // A refused form (policy, taken name) is not an event worth a log entry of its own, but a
        // store failure is.
        if (created.error().code != ErrorCode::InvalidInput &&
            created.error().code != ErrorCode::Conflict)
            audit(admin.value(), QString(), AuditOutcome::Failure,
                  QStringLiteral("create account failed: error %1").arg(int(created.error().code)));
        return created.error();
    }
    audit(admin.value(), created->id, AuditOutcome::Success,
          QStringLiteral("account created: %1 role=%2")
              .arg(created->username, roleToString(created->role)));
    return created;
}

Result<void> AccountAdmin::setDisabled(const User &actor, const QString &userId, bool disabled)
{
    auto admin =
        m_access.require(actor, AccessControl::Permission::ManageAccounts, kUserEntity, userId);
    if (!admin)
        return admin.error();
    if (disabled && userId == admin->id)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("AccountAdmin", "You cannot disable your own account."));
    auto target = m_users.get(userId);
    if (!target)
        return target.error();
    auto changed = m_users.setDisabled(userId, disabled);
    audit(admin.value(), userId, changed ? AuditOutcome::Success : AuditOutcome::Failure,
          QStringLiteral("%1: %2").arg(disabled ? QStringLiteral("account disabled")
                                                : QStringLiteral("account enabled"),
                                       target->username));
    return changed;
}

Result<void> AccountAdmin::resetPassword(const User &actor, const QString &userId,
                                         const QString &newPassword)
{
    auto admin =
        m_access.require(actor, AccessControl::Permission::ManageAccounts, kUserEntity, userId);
    if (!admin)
        return admin.error();
    auto target = m_users.get(userId);
    if (!target)
        return target.error();
    auto reset = m_users.resetPassword(userId, newPassword);
    if (!reset && reset.error().code == ErrorCode::InvalidInput)
        return reset; // the policy refused it: shown next to the field
    audit(admin.value(), userId, reset ? AuditOutcome::Success : AuditOutcome::Failure,
          QStringLiteral("password reset: %1").arg(target->username));
    return reset;
}

Result<AuditExporter::Summary> AccountAdmin::exportAuditLog(const User &actor, QIODevice &out,
                                                            AuditExporter::Format format,
                                                            const AuditLog::Filter &filter,
                                                            const AuditLog::Progress &progress)
{
    auto admin = m_access.require(actor, AccessControl::Permission::ExportAuditLog, kAuditEntity);
    if (!admin)
        return admin.error();
    // The exporter checks the role again and audits the export itself.
    AuditExporter exporter(m_audit);
    return exporter.exportFor(admin.value(), out, format, filter, progress);
}

Result<AuditLog::Verification> AccountAdmin::verifyAuditLog(const User &actor,
                                                            const AuditLog::Progress &progress)
{
    auto admin = m_access.require(actor, AccessControl::Permission::VerifyAuditLog, kAuditEntity);
    if (!admin)
        return admin.error();
    // Compared with the head the inbox witnessed, when the console has one (AuditWitness).
    const auto witness = AuditWitnessCheck::fetch(m_audit.witness(), 10000);
    auto verification = m_audit.verify(progress, witness.head);
    if (!verification)
        return verification;
    const QString detail =
        verification->intact
            ? QStringLiteral("audit verify: intact, %1 entries, head %2")
                  .arg(verification->entries)
                  .arg(verification->head.seq)
            : QStringLiteral("audit verify: broken at entry %1").arg(verification->firstBrokenSeq);
    const auto audited = m_audit.append(
        {AuditAction::Admin, admin->username, kAuditEntity, QString(),
         verification->intact ? AuditOutcome::Success : AuditOutcome::Failure, detail});
    if (!audited)
        qCWarning(lcAccess) << "audit verification not audited:" << audited.error().message;
    return verification;
}

} // namespace clinicdesk
