#include "AdminCommand.h"

#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QTextStream>
#include <cstdio>

namespace clinicdesk {
namespace {

// 20 characters from an alphabet without look-alikes: about 115 bits, unbiased.
QString generatePassword()
{
    static const QString alphabet =
        QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString out;
    while (out.size() < 20) {
        const QByteArray bytes = crypto::randomBytes(32);
        for (char b : bytes) {
            const int v = static_cast<unsigned char>(b);
            if (v < 256 - 256 % alphabet.size() && out.size() < 20)
                out += alphabet[v % alphabet.size()];
        }
    }
    return out;
}

// The new password comes from stdin (--password-stdin) or is generated and printed once
// (--generate-password); never from the command line, where other users could read it.
Result<QString> newPassword(const QCommandLineParser &options, bool *generated)
{
    *generated = options.isSet(QStringLiteral("generate-password"));
    if (*generated)
        return generatePassword();
    if (!options.isSet(QStringLiteral("password-stdin")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("give --password-stdin or --generate-password"));
    QTextStream in(stdin);
    return in.readLine();
}

QJsonObject userJson(const User &u)
{
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("username"), u.username},
            {QStringLiteral("displayName"), u.displayName},
            {QStringLiteral("role"), roleToString(u.role)},
            {QStringLiteral("disabled"), u.disabled},
            {QStringLiteral("createdAt"), u.createdAt.toString(Qt::ISODate)}};
}

Result<AdminOutput> usersAdd(AdminContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: users add USERNAME "
                                        "[--display-name NAME] [--role staff|admin] "
                                        "(--password-stdin | --generate-password)"));
    const auto role = roleFromString(ctx.options.value(QStringLiteral("role")));
    if (!role)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--role must be staff or admin"));
    bool generated = false;
    auto password = newPassword(ctx.options, &generated);
    if (!password)
        return password.error();
    QString displayName = ctx.options.value(QStringLiteral("display-name"));
    if (displayName.isEmpty())
        displayName = args[0];
    UserRepository users(*ctx.store);
    auto user = users.createUser(args[0], displayName, *role, *password);
    if (!user)
        return user.error();
    if (auto a = ctx.recordAdmin(QStringLiteral("user"), user->id,
                                 QStringLiteral("account %1 created, role %2")
                                     .arg(user->username, roleToString(user->role)));
        !a)
        return a.error();
    AdminOutput out;
    out.json = userJson(*user);
    if (generated) {
        out.json.insert(QStringLiteral("password"), *password);
        out.text = *password; // scripts capture it; shown once, stored only as a scrypt hash
    } else {
        out.text =
            QStringLiteral("user %1 created (%2)").arg(user->username, roleToString(user->role));
    }
    return out;
}

Result<AdminOutput> usersList(AdminContext &ctx, const QStringList &)
{
    auto all = UserRepository(*ctx.store).list();
    if (!all)
        return all.error();
    AdminOutput out;
    QJsonArray array;
    QStringList lines;
    for (const User &u : *all) {
        array.append(userJson(u));
        lines << QStringLiteral("%1 %2 %3%4")
                     .arg(u.username, -20)
                     .arg(roleToString(u.role), -6)
                     .arg(u.displayName, u.disabled ? QStringLiteral(" (disabled)") : QString());
    }
    out.json = {{QStringLiteral("users"), array}};
    out.text = lines.isEmpty() ? QStringLiteral("no users yet") : lines.join(QLatin1Char('\n'));
    return out;
}

} // namespace

// `users`: staff accounts. Passwords come from stdin or are generated, never from argv.
QList<AdminCommand> usersCommands()
{
    return {
        {QStringLiteral("users"),
         QStringLiteral("add"),
         QStringLiteral("USERNAME [--display-name NAME] [--role staff|admin] (--password-stdin | "
                        "--generate-password): create a staff account"),
         usersAdd,
         {{QStringLiteral("display-name"), QStringLiteral("the name shown in the console."),
           QStringLiteral("NAME")},
          {QStringLiteral("role"), QStringLiteral("staff (default) or admin."),
           QStringLiteral("ROLE"), QStringLiteral("staff")},
          {QStringLiteral("password-stdin"), QStringLiteral("read the password from stdin.")},
          {QStringLiteral("generate-password"),
           QStringLiteral("generate a strong password and print it once.")}}},
        {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("list staff accounts"),
         usersList},
    };
}

} // namespace clinicdesk
