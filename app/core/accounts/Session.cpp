#include "accounts/Session.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"

#include <QCoreApplication>

namespace clinicdesk {
namespace {

const QString kUserEntity = QStringLiteral("user");

QString lockReasonName(Session::LockReason reason)
{
    return reason == Session::LockReason::Idle ? QStringLiteral("idle") : QStringLiteral("manual");
}

QString failureName(UserRepository::SignInFailure failure)
{
    switch (failure) {
    case UserRepository::SignInFailure::None:
        return QStringLiteral("none");
    case UserRepository::SignInFailure::BadCredentials:
        return QStringLiteral("bad credentials");
    case UserRepository::SignInFailure::Locked:
        return QStringLiteral("account locked out");
    case UserRepository::SignInFailure::Disabled:
        return QStringLiteral("account disabled");
    case UserRepository::SignInFailure::StoreError:
        return QStringLiteral("store error");
    }
    return {};
}

} // namespace

Session::Session(UserRepository &users, AuditLog &audit)
    : m_users(users)
    , m_audit(audit)
{}

Result<qint64> Session::append(AuditAction action, const QString &user, const QString &entityId,
                               AuditOutcome outcome, const QString &detail)
{
    return m_audit.append({action, user, kUserEntity, entityId, outcome, detail});
}

void Session::record(AuditAction action, const QString &user, const QString &entityId,
                     AuditOutcome outcome, const QString &detail)
{
    if (const auto audited = append(action, user, entityId, outcome, detail); !audited)
        qCWarning(lcAccounts) << "session event not audited, action" << auditActionName(action)
                              << "error code" << int(audited.error().code);
}

Result<User> Session::authenticate(const QString &username, const QString &password,
                                   UserRepository::SignInFailure *failure, const QString &detail)
{
    UserRepository::SignInFailure why = UserRepository::SignInFailure::None;
    auto user = m_users.authenticate(username, password, &why);
    if (failure)
        *failure = why;
    if (!user) {
        // Name the account only when it exists: the typed text may be anything.
        QString who = kUnknownAccount;
        QString id;
        if (auto normalised = UserRepository::normaliseUsername(username)) {
            if (auto known = m_users.findByUsername(normalised.value())) {
                who = known->username;
                id = known->id;
            }
        }
        record(AuditAction::SignInFailed, who, id, AuditOutcome::Failure,
               detail.isEmpty() ? failureName(why)
                                : QStringLiteral("%1: %2").arg(detail, failureName(why)));
        return user;
    }
    return user;
}

Result<User> Session::signIn(const QString &username, const QString &password,
                             UserRepository::SignInFailure *failure)
{
    if (m_state != State::SignedOut)
        signOut(QStringLiteral("replaced by a new sign-in"));
    auto user = authenticate(username, password, failure, QString());
    if (!user)
        return user;
    // Fail closed: a sign-in that leaves no trace does not happen.
    if (auto audited =
            append(AuditAction::SignIn, user->username, user->id, AuditOutcome::Success, QString());
        !audited) {
        if (failure)
            *failure = UserRepository::SignInFailure::StoreError;
        return audited.error();
    }
    m_user = user.value();
    m_state = State::Active;
    return user;
}

Result<User> Session::signInFirstAdministrator(const User &created)
{
    if (auto audited = append(AuditAction::SignIn, created.username, created.id,
                              AuditOutcome::Success, QStringLiteral("first administrator"));
        !audited)
        return audited.error();
    m_user = created;
    m_state = State::Active;
    return created;
}

void Session::signOut(const QString &detail)
{
    if (!m_user)
        return;
    record(AuditAction::SignOut, m_user->username, m_user->id, AuditOutcome::Success, detail);
    qCInfo(lcAccounts) << "signed out:" << m_user->username << "id" << m_user->id;
    m_user.reset();
    m_state = State::SignedOut;
}

void Session::lock(LockReason reason)
{
    if (m_state != State::Active || !m_user)
        return;
    m_state = State::Locked;
    record(AuditAction::Lock, m_user->username, m_user->id, AuditOutcome::Success,
           lockReasonName(reason));
    qCInfo(lcAccounts) << "console locked:" << lockReasonName(reason) << "id" << m_user->id;
}

Result<Session::UnlockResult> Session::unlock(const QString &username, const QString &password,
                                              UserRepository::SignInFailure *failure)
{
    if (m_state != State::Locked || !m_user)
        return makeError(ErrorCode::Conflict, QStringLiteral("the console is not locked"));
    auto user = authenticate(username, password, failure, QStringLiteral("unlock"));
    if (!user)
        return user.error();
    const User previous = m_user.value();
    if (user->id == previous.id) {
        if (auto audited = append(AuditAction::Unlock, user->username, user->id,
                                  AuditOutcome::Success, QStringLiteral("same user"));
            !audited)
            return audited.error();
        m_user = user.value();
        m_state = State::Active;
        return UnlockResult::Resumed;
    }
    if (!user->isAdmin()) {
        record(AuditAction::AccessDenied, user->username, previous.id, AuditOutcome::Denied,
               QStringLiteral("unlock refused: console locked by another user"));
        if (failure)
            *failure = UserRepository::SignInFailure::BadCredentials;
        return makeError(ErrorCode::AccessDenied,
                         QCoreApplication::translate(
                             "Session", "Only %1 or an administrator can unlock this console.")
                             .arg(previous.displayName));
    }
    // An administrator takes over: the locked session ends, the admin signs in as themselves.
    if (auto audited =
            append(AuditAction::Unlock, user->username, previous.id, AuditOutcome::Success,
                   QStringLiteral("administrator took over from %1").arg(previous.username));
        !audited)
        return audited.error();
    record(AuditAction::SignOut, previous.username, previous.id, AuditOutcome::Success,
           QStringLiteral("session ended by administrator %1").arg(user->username));
    record(AuditAction::SignIn, user->username, user->id, AuditOutcome::Success,
           QStringLiteral("unlock takeover"));
    m_user = user.value();
    m_state = State::Active;
    return UnlockResult::TakenOver;
}

} // namespace clinicdesk
