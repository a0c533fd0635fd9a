#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace clinicdesk {

// What the audit log records. Names are stable strings (they are hashed into the chain and
// exported): never rename one, add new ones.
enum class AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    Lock,
    Unlock,
    PhiView,
    Create,
    Update,
    Submit,
    Message,
    Export,
    Admin,
    AccessDenied,
};
QString auditActionName(AuditAction action);
std::optional<AuditAction> auditActionFromName(const QString &name);

enum class AuditOutcome
{
    Success,
    Failure,
    Denied
};
QString auditOutcomeName(AuditOutcome outcome);

// One thing that happened. `entityId` is an id (row UUID, username, file name), and `detail` a
// short technical note: neither ever carries PHI values.
struct AuditEvent
{
    AuditAction action = AuditAction::Admin;
    QString user; // the acting username, or "os:<login>" for the admin CLI
    QString entityType;
    QString entityId;
    AuditOutcome outcome = AuditOutcome::Success;
    QString detail;
};

// A stored entry, as read back.
struct AuditEntry
{
    qint64 seq = 0;
    QString time; // as stored and hashed: ISO 8601 UTC with milliseconds
    QDateTime at; // `time` parsed (by forEach; AuditLog::scan leaves it unset for speed)
    QString user;
    QString workstation;
    QString action;
    QString entityType;
    QString entityId;
    QString outcome;
    QString detail;
    QByteArray prevHash;
    QByteArray hash;
};

} // namespace clinicdesk
