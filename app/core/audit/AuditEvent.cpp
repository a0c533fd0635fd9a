#include "audit/AuditEvent.h"

#include <array>

namespace clinicdesk {
namespace {

struct ActionName
{
    AuditAction action;
    const char *name;
};

constexpr std::array<ActionName, 13> kActions = {{
    {AuditAction::SignIn, "sign-in"},
    {AuditAction::SignInFailed, "sign-in-failed"},
    {AuditAction::SignOut, "sign-out"},
    {AuditAction::Lock, "lock"},
    {AuditAction::Unlock, "unlock"},
    {AuditAction::PhiView, "phi-view"},
    {AuditAction::Create, "create"},
    {AuditAction::Update, "update"},
    {AuditAction::Submit, "submit"},
    {AuditAction::Message, "message"},
    {AuditAction::Export, "export"},
    {AuditAction::Admin, "admin"},
    {AuditAction::AccessDenied, "access-denied"},
}};

} // namespace

QString auditActionName(AuditAction action)
{
    for (const auto &a : kActions) {
        if (a.action == action)
            return QLatin1String(a.name);
    }
    return QStringLiteral("unknown");
}

std::optional<AuditAction> auditActionFromName(const QString &name)
{
    for (const auto &a : kActions) {
        if (name == QLatin1String(a.name))
            return a.action;
    }
    return std::nullopt;
}

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return QStringLiteral("success");
    case AuditOutcome::Failure:
        return QStringLiteral("failure");
    case AuditOutcome::Denied:
        return QStringLiteral("denied");
    }
    return QStringLiteral("unknown");
}

} // namespace clinicdesk
