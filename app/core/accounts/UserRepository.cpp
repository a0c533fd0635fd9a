#include "accounts/UserRepository.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

namespace clinicdesk {
namespace {

const QString kColumns = QStringLiteral("id, username, display_name, role, disabled, "
                                        "failed_attempts, locked_until, created_at, password_hash");

QDateTime fromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    parsed.setTimeSpec(Qt::UTC);
    return parsed;
}

Error badCredentials()
{
    return makeError(
        ErrorCode::AccessDenied,
        QCoreApplication::translate("UserRepository", "The username or password is not correct."));
}

void setFailure(UserRepository::SignInFailure *out, UserRepository::SignInFailure value)
{
    if (out)
        *out = value;
}

} // namespace

UserRepository::UserRepository(LocalStore &store, PasswordHasher hasher, PasswordPolicy policy)
    : m_store(store)
    , m_hasher(hasher)
    , m_policy(std::move(policy))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

Result<QString> UserRepository::normaliseUsername(const QString &username)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]+$"));
    const QString name = username.trimmed().toLower();
    if (name.size() < kMinUsernameLength || name.size() > kMaxUsernameLength ||
        !pattern.match(name).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("UserRepository",
                                                     "Use %1 to %2 characters: letters a–z, "
                                                     "digits, dot, underscore or hyphen.")
                             .arg(kMinUsernameLength)
                             .arg(kMaxUsernameLength));
    return name;
}

Result<QString> UserRepository::normaliseDisplayName(const QString &displayName)
{
    const QString name = displayName.simplified();
    if (name.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("UserRepository", "Enter the name shown to colleagues."));
    if (name.size() > kMaxDisplayNameLength)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("UserRepository", "Use at most %1 characters.")
                             .arg(kMaxDisplayNameLength));
    return name;
}

Result<bool> UserRepository::hasUsers()
{
    auto q = m_store.db().exec(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() > 0;
}

UserRepository::Row UserRepository::decode(const QSqlQuery &q)
{
    Row row;
    row.user.id = q.value(0).toString();
    row.user.username = q.value(1).toString();
    row.user.displayName = q.value(2).toString();
    row.user.role = roleFromString(q.value(3).toString()).value_or(Role::Staff);
    row.user.disabled = q.value(4).toInt() != 0;
    row.user.failedAttempts = q.value(5).toInt();
    row.user.lockedUntil = fromText(q.value(6).toString());
    row.user.createdAt = fromText(q.value(7).toString());
    row.passwordHash = q.value(8).toString();
    return row;
}

Result<UserRepository::Row> UserRepository::fetch(const QString &column, const QString &value)
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT %1 FROM users WHERE %2 = ?").arg(kColumns, column), {value});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate(
                                                  "UserRepository", "There is no such account."));
    return decode(q.value());
}

Result<User> UserRepository::get(const QString &userId)
{
    auto row = fetch(QStringLiteral("id"), userId);
    if (!row)
        return row.error();
    return row->user;
}

Result<User> UserRepository::findByUsername(const QString &username)
{
    auto row = fetch(QStringLiteral("username"), username.trimmed().toLower());
    if (!row)
        return row.error();
    return row->user;
}

Result<QList<User>> UserRepository::list()
{
    auto q =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kColumns));
    if (!q)
        return q.error();
    QList<User> users;
    while (q->next())
        users << decode(q.value()).user;
    return users;
}

Result<User> UserRepository::createUser(const QString &username, const QString &displayName,
                                        Role role, const QString &password)
{
    auto name = normaliseUsername(username);
    if (!name)
        return name.error();
    auto shownName = normaliseDisplayName(displayName);
    if (!shownName)
        return shownName.error();
    if (const auto problem = m_policy.check(password, *name);
        problem != PasswordPolicy::Problem::None)
        return makeError(ErrorCode::InvalidInput, PasswordPolicy::message(problem));
    auto existing = fetch(QStringLiteral("username"), *name);
    if (existing)
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("UserRepository", "That username is already taken."));
    if (existing.error().code != ErrorCode::NotFound)
        return existing.error();

    const QString hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("UserRepository", "The password could not be hashed."));
    User user;
    user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    user.username = *name;
    user.displayName = *shownName;
    user.role = role;
    user.createdAt = m_now();
    const QString now = TimeText::utc(user.createdAt);
    auto r = m_store.db().exec(
        QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash, "
                       "disabled, failed_attempts, locked_until, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, 0, 0, NULL, ?, ?)"),
        {user.id, user.username, user.displayName, roleToString(role), hash, now, now});
    if (!r) {
        // A concurrent insert of the same name loses here, on the UNIQUE constraint.
        if (fetch(QStringLiteral("username"), *name))
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("UserRepository", "That username is already taken."));
        return r.error();
    }
    // Keep the stored form exact to the millisecond, as it reads back.
    user.createdAt = fromText(now);
    qCInfo(lcAccounts) << "account created:" << user.username << "id" << user.id << "role"
                       << roleToString(role);
    return user;
}

QString UserRepository::retryTime(const QDateTime &lockedUntilUtc) const
{
    // Shown to the minute, so round up: "after 14:33" must not be a minute too early.
    QDateTime until = lockedUntilUtc;
    const QTime t = until.time();
    if (t.second() != 0 || t.msec() != 0)
        until = until.addSecs(60 - t.second()).addMSecs(-t.msec());
    const QDateTime local = until.toLocalTime();
    const QLocale locale;
    if (local.date() == m_now().toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

Result<User> UserRepository::authenticate(const QString &username, const QString &password,
                                          SignInFailure *failure)
{
    setFailure(failure, SignInFailure::None);
    auto name = normaliseUsername(username);
    Result<Row> row = name ? fetch(QStringLiteral("username"), *name) : Result<Row>(name.error());
    if (!row) {
        if (row.error().code != ErrorCode::NotFound &&
            row.error().code != ErrorCode::InvalidInput) {
            setFailure(failure, SignInFailure::StoreError);
            return row.error();
        }
        // Unknown user: spend the same time as a real check. The typed name is not logged: it
        // may be a password typed into the wrong field.
        (void)m_hasher.verify(password, m_hasher.dummyHash());
        qCInfo(lcAccounts) << "sign-in refused: unknown username";
        setFailure(failure, SignInFailure::BadCredentials);
        return badCredentials();
    }
    const QDateTime now = m_now();
    if (row->user.isLockedAt(now)) {
        // A lockout is named only to someone who knows the password: anyone else gets what an
        // unknown name gets, after the same work, so guessing cannot find out which accounts
        // exist by locking them.
        const bool knowsPassword = m_hasher.verify(password, row->passwordHash);
        qCInfo(lcAccounts) << "sign-in refused: account locked:" << row->user.username << "id"
                           << row->user.id;
        setFailure(failure, SignInFailure::Locked);
        if (!knowsPassword)
            return badCredentials();
        return makeError(ErrorCode::AccessDenied,
                         QCoreApplication::translate(
                             "UserRepository",
                             "This account is locked after too many failed sign-ins. Try again "
                             "after %1.")
                             .arg(retryTime(row->user.lockedUntil)));
    }
    if (!m_hasher.verify(password, row->passwordHash))
        return recordFailure(row.value(), failure);
    // A disabled account is named only to someone who knows its password.
    if (row->user.disabled) {
        qCInfo(lcAccounts) << "sign-in refused: account disabled:" << row->user.username << "id"
                           << row->user.id;
        setFailure(failure, SignInFailure::Disabled);
        return makeError(
            ErrorCode::AccessDenied,
            QCoreApplication::translate(
                "UserRepository", "This account is disabled. Ask an administrator to enable it."));
    }
    return recordSuccess(row.value(), password);
}

Result<User> UserRepository::recordFailure(const Row &row, SignInFailure *failure)
{
    const QDateTime now = m_now();
    User user = row.user;
    bool lock = false;
    bool alreadyLocked = false;
    // Read, count and write in one write transaction: failures that happen at the same time
    // (two consoles on one store, a script) are each counted, none overwrites another.
    auto counted = m_store.db().transaction([&]() -> Result<void> {
        auto current = m_store.db().exec(
            QStringLiteral("SELECT failed_attempts, locked_until FROM users WHERE id = ?"),
            {user.id});
        if (!current)
            return current.error();
        if (!current->next())
            return makeError(ErrorCode::NotFound, QStringLiteral("no user %1").arg(user.id));
        const int before = current->value(0).toInt();
        const QDateTime lockedUntil = fromText(current->value(1).toString());
        current->finish();
        if (lockedUntil.isValid() && lockedUntil > now) {
            alreadyLocked = true; // locked meanwhile by another failure
            user.lockedUntil = lockedUntil;
            return {};
        }
        user.failedAttempts = before + 1;
        lock = user.failedAttempts >= kMaxFailedAttempts;
        if (lock) {
            // The count starts again after the lock, so the lock is what limits guessing.
            user.failedAttempts = 0;
            user.lockedUntil = now.addSecs(qint64(kLockoutMinutes) * 60);
        } else {
            user.lockedUntil = {}; // any earlier lock has expired
        }
        auto r = m_store.db().exec(
            QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until = ?, "
                           "updated_at = ? WHERE id = ?"),
            {user.failedAttempts,
             user.lockedUntil.isValid() ? QVariant(TimeText::utc(user.lockedUntil))
                                        : QVariant(QMetaType::fromType<QString>()),
             TimeText::utc(now), user.id});
        if (!r)
            return r.error();
        return {};
    });
    if (!counted) {
        setFailure(failure, SignInFailure::StoreError);
        return counted.error();
    }
    if (lock || alreadyLocked) {
        if (lock)
            qCWarning(lcAccounts) << "sign-in failed: wrong password; account locked for"
                                  << kLockoutMinutes << "minutes:" << user.username << "id"
                                  << user.id;
        setFailure(failure, SignInFailure::Locked);
        // The same answer as any wrong password: the lock is named only to whoever knows the
        // password (authenticate()).
        return badCredentials();
    }
    qCInfo(lcAccounts) << "sign-in failed: wrong password:" << user.username << "id" << user.id
                       << "consecutive failures" << user.failedAttempts;
    setFailure(failure, SignInFailure::BadCredentials);
    return badCredentials();
}

Result<User> UserRepository::recordSuccess(const Row &row, const QString &password)
{
    User user = row.user;
    user.failedAttempts = 0;
    user.lockedUntil = {};
    QVariantList values = {TimeText::utc(m_now())};
    QString sql = QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL, "
                                 "updated_at = ?");
    // Hashes made at an older cost are upgraded while the password is at hand.
    if (m_hasher.needsRehash(row.passwordHash)) {
        const QString upgraded = m_hasher.hash(password);
        if (!upgraded.isEmpty()) {
            sql += QStringLiteral(", password_hash = ?");
            values << upgraded;
        }
    }
    sql += QStringLiteral(" WHERE id = ?");
    values << user.id;
    if (auto r = m_store.db().exec(sql, values); !r)
        return r.error();
    qCInfo(lcAccounts) << "sign-in succeeded:" << user.username << "id" << user.id;
    return user;
}

Result<void> UserRepository::setDisabled(const QString &userId, bool disabled)
{
    auto r = m_store.db().exec(
        QStringLiteral("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?"),
        {disabled ? 1 : 0, TimeText::utc(m_now()), userId});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate(
                                                  "UserRepository", "There is no such account."));
    qCInfo(lcAccounts) << (disabled ? "account disabled: id" : "account enabled: id") << userId;
    return {};
}

Result<void> UserRepository::resetPassword(const QString &userId, const QString &newPassword)
{
    auto row = fetch(QStringLiteral("id"), userId);
    if (!row)
        return row.error();
    if (const auto problem = m_policy.check(newPassword, row->user.username);
        problem != PasswordPolicy::Problem::None)
        return makeError(ErrorCode::InvalidInput, PasswordPolicy::message(problem));
    const QString hash = m_hasher.hash(newPassword);
    if (hash.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("UserRepository", "The password could not be hashed."));
    auto r =
        m_store.db().exec(QStringLiteral("UPDATE users SET password_hash = ?, failed_attempts = 0, "
                                         "locked_until = NULL, updated_at = ? WHERE id = ?"),
                          {hash, TimeText::utc(m_now()), userId});
    if (!r)
        return r.error();
    qCInfo(lcAccounts) << "password reset:" << row->user.username << "id" << userId;
    return {};
}

} // namespace clinicdesk
