#pragma once

#include "accounts/UserRepository.h"
#include "audit/AuditEvent.h"
#include "base/Result.h"
#include "domain/User.h"

#include <optional>

namespace clinicdesk {

class AuditLog;

// Who is at the console, and whether it is locked. Every transition writes an audit entry:
// SignIn / SignInFailed (a username nobody has is recorded as "unknown account", never as typed:
// it may be a password typed into the wrong field), SignOut, Lock (detail "idle" or "manual") and
// Unlock. Never a password.
//
// A locked session continues only with the same user's password, or with an administrator's,
// who then signs in as themselves: the previous user's session ends (their drafts stay saved).
class Session
{
public:
    enum class State
    {
        SignedOut,
        Active,
        Locked,
    };
    enum class LockReason
    {
        Idle,
        Manual,
    };
    enum class UnlockResult
    {
        Resumed,  // the same user continues where they were
        TakenOver // an administrator signed in; the previous session ended
    };

    static inline const QString kUnknownAccount = QStringLiteral("unknown account");

    Session(UserRepository &users, AuditLog &audit);

    State state() const { return m_state; }
    bool isLocked() const { return m_state == State::Locked; }
    // The signed-in user (also while locked); empty when signed out.
    const std::optional<User> &user() const { return m_user; }

    // Refused (AccessDenied with a message for people) on bad credentials, a locked or disabled
    // account, or when the sign-in cannot be audited.
    Result<User> signIn(const QString &username, const QString &password,
                        UserRepository::SignInFailure *failure = nullptr);
    // The first administrator, just created on the first-run page with their password: signed
    // in without asking for it again.
    Result<User> signInFirstAdministrator(const User &created);
    void signOut(const QString &detail = {});
    void lock(LockReason reason);
    Result<UnlockResult> unlock(const QString &username, const QString &password,
                                UserRepository::SignInFailure *failure = nullptr);

private:
    Result<User> authenticate(const QString &username, const QString &password,
                              UserRepository::SignInFailure *failure, const QString &detail);
    void record(AuditAction action, const QString &user, const QString &entityId,
                AuditOutcome outcome, const QString &detail);
    Result<qint64> append(AuditAction action, const QString &user, const QString &entityId,
                          AuditOutcome outcome, const QString &detail);

    UserRepository &m_users;
    AuditLog &m_audit;
    State m_state = State::SignedOut;
    std::optional<User> m_user;
};

} // namespace clinicdesk
