#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace clinicdesk {

// A staff account. Staff names are not PHI, but passwords never leave UserRepository: this type
// carries no hash and no password.
enum class Role
{
    Staff,
    Admin,
};

inline QString roleToString(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("staff");
}

inline std::optional<Role> roleFromString(const QString &text)
{
    if (text == QLatin1String("admin"))
        return Role::Admin;
    if (text == QLatin1String("staff"))
        return Role::Staff;
    return std::nullopt;
}

struct User
{
    QString id;
    QString username; // normalised: lower-case [a-z0-9._-], 3 to 32 characters
    QString displayName;
    Role role = Role::Staff;
    bool disabled = false;
    int failedAttempts = 0; // consecutive failed sign-ins since the last success or lock
    QDateTime lockedUntil;  // UTC; invalid when not locked
    QDateTime createdAt;    // UTC

    bool isAdmin() const { return role == Role::Admin; }
    bool isLockedAt(const QDateTime &now) const
    {
        return lockedUntil.isValid() && lockedUntil > now;
    }
    friend bool operator==(const User &, const User &) = default;
};

} // namespace clinicdesk
