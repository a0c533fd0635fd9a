#pragma once

#include "accounts/PasswordPolicy.h"
#include "base/Result.h"
#include "crypto/PasswordHasher.h"
#include "domain/User.h"

#include <QList>
#include <QSqlQuery>

#include <functional>

namespace clinicdesk {

class LocalStore;

// Staff accounts in the local store's `users` table: creation under the password policy,
// sign-in with lockout, disabling and password resets.
//
// Sign-in never reveals whether a username exists, neither through its timing (an unknown
// username is checked against a dummy hash of the same cost) nor through its messages: after
// kMaxFailedAttempts consecutive failures the account is locked for kLockoutMinutes, and that is
// said only to someone who then gives its password; everyone else keeps getting "not correct",
// as for a name that does not exist. Simultaneous failures are each counted (read and written in
// one write transaction). A successful sign-in resets the count. Error
// messages are translated (context "UserRepository") and meant for people; the log gets ids,
// usernames and outcomes only, never a password.
class UserRepository
{
public:
    static constexpr int kMaxFailedAttempts = 5;
    static constexpr int kLockoutMinutes = 15;
    static constexpr int kMinUsernameLength = 3;
    static constexpr int kMaxUsernameLength = 32;
    static constexpr int kMaxDisplayNameLength = 100;

    // Why a sign-in failed, for callers that react differently (e.g. which field to focus).
    enum class SignInFailure
    {
        None,
        BadCredentials, // unknown username or wrong password: deliberately not told apart
        Locked,
        Disabled,
        StoreError,
    };

    explicit UserRepository(LocalStore &store, PasswordHasher hasher = PasswordHasher(),
                            PasswordPolicy policy = PasswordPolicy());

    // The clock used for lockouts (UTC); tests move it instead of sleeping.
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }
    const PasswordPolicy &policy() const { return m_policy; }

    Result<bool> hasUsers();
    // The username is normalised (trimmed, lower-case) and must be unique (Conflict otherwise);
    // the password must pass the policy (InvalidInput with the policy's message otherwise).
    Result<User> createUser(const QString &username, const QString &displayName, Role role,
                            const QString &password);
    // AccessDenied with a message for people when refused; `failure` says why.
    Result<User> authenticate(const QString &username, const QString &password,
                              SignInFailure *failure = nullptr);

    Result<User> get(const QString &userId);
    Result<User> findByUsername(const QString &username);
    Result<QList<User>> list();
    Result<void> setDisabled(const QString &userId, bool disabled);
    // Sets a new password (policy applies) and clears any lockout.
    Result<void> resetPassword(const QString &userId, const QString &newPassword);

    // Lower-cased, trimmed username, or InvalidInput with a message for people.
    static Result<QString> normaliseUsername(const QString &username);
    // Trimmed display name, or InvalidInput with a message for people.
    static Result<QString> normaliseDisplayName(const QString &displayName);

private:
    struct Row
    {
        User user;
        QString passwordHash;
    };
    static Row decode(const QSqlQuery &query);
    Result<Row> fetch(const QString &column, const QString &value);
    Result<User> recordFailure(const Row &row, SignInFailure *failure);
    Result<User> recordSuccess(const Row &row, const QString &password);
    QString retryTime(const QDateTime &lockedUntilUtc) const;

    LocalStore &m_store;
    PasswordHasher m_hasher;
    PasswordPolicy m_policy;
    std::function<QDateTime()> m_now;
};

} // namespace clinicdesk
