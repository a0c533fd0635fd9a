#include "AdminCommand.h"

#include "crypto/Crypto.h"

#include <QCommandLineParser>
#include <QFile>

namespace clinicdesk {
namespace {

// Random secrets for the inbox, written 0600 for --consumer NAME=TOKENFILE (the relay's bearer
// token; the inbox keeps only its hash) and --provider NAME=SECRETFILE (a whsec_ signing secret
// to register with the provider). Appending to a secret file rotates: all its lines are accepted.
// Writes a generated secret to an owner-only file. A webhook secret file may hold several (all
// accepted: rotation), so `appendable` adds a line to an existing one; a consumer token file holds
// exactly one token, so an existing file is refused rather than made unusable.
Result<AdminOutput> writeGenerated(AdminContext &ctx, const QByteArray &value, const QString &what,
                                   bool appendable)
{
    const QString path = ctx.options.value(QStringLiteral("output"));
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--output FILE is required"));
    QFile file(path);
    const bool append = file.exists();
    if (append && !appendable)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 exists: a %2 file holds exactly one; delete it first "
                                        "or choose another file")
                             .arg(path, what));
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // A new file is created 0600 (never briefly readable by others); an existing one is fixed.
    const bool written =
        (append ? file.open(QIODevice::Append) && file.setPermissions(ownerOnly)
                : file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)) &&
        file.write(value + '\n') == value.size() + 1;
    if (!written)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    AdminOutput out;
    out.json = {{QStringLiteral("file"), path}, {QStringLiteral("appended"), append}};
    out.text =
        QStringLiteral("%1 %2 %3 (mode 0600)")
            .arg(what, append ? QStringLiteral("appended to") : QStringLiteral("written to"), path);
    return out;
}

Result<AdminOutput> inboxToken(AdminContext &ctx, const QStringList &)
{
    return writeGenerated(ctx,
                          crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals),
                          QStringLiteral("consumer token"), false);
}

Result<AdminOutput> inboxSecret(AdminContext &ctx, const QStringList &)
{
    return writeGenerated(ctx, "whsec_" + crypto::randomBytes(32).toBase64(),
                          QStringLiteral("webhook secret"), true);
}

} // namespace

// `inbox`: secrets for clinicdesk-inbox, written owner-only. No store needed.
QList<AdminCommand> inboxCommands()
{
    const QList<QCommandLineOption> output = {{QStringLiteral("output"),
                                               QStringLiteral("the file to write (owner-only)."),
                                               QStringLiteral("FILE")}};
    return {
        {QStringLiteral("inbox"), QStringLiteral("token"),
         QStringLiteral("--output FILE: a new consumer token for --consumer NAME=FILE"), inboxToken,
         output, false},
        {QStringLiteral("inbox"), QStringLiteral("secret"),
         QStringLiteral(
             "--output FILE: a new whsec_ webhook secret for --provider NAME=FILE (appends: "
             "rotation)"),
         inboxSecret, output, false},
    };
}

} // namespace clinicdesk
