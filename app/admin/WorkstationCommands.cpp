#include "AdminCommand.h"

#include "access/WorkstationJoin.h"
#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"
#include "store/StoreLocation.h"
#include "store/Workstations.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <memory>

namespace clinicdesk {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Invitations move a clinic's keys between PCs that share one PostgreSQL store; a SQLite store
// is one PC's.
Result<void> requirePostgres(LocalStore &store, const QString &what)
{
    if (store.db().isPostgres())
        return {};
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("%1 is for a clinic store on PostgreSQL (--database "
                                    "postgresql://...); a SQLite store belongs to one PC")
                         .arg(what));
}

Result<AdminOutput> invite(AdminContext &ctx, const QStringList &)
{
    if (auto r = requirePostgres(*ctx.store, QStringLiteral("workstation invite")); !r)
        return r.error();
    Workstations workstations(ctx.store->db());
    auto made = workstations.invite(ctx.store->storeId(), ctx.store->cipher().ring(),
                                    ctx.operatorName, nowMs());
    if (!made)
        return made.error();
    const QString expires = TimeText::utcFromMs(made->expiresMs);
    if (auto r = ctx.recordAdmin(QStringLiteral("workstation_invite"), made->id,
                                 QStringLiteral("expires %1").arg(expires));
        !r)
        return r.error();
    AdminOutput out;
    out.text = QStringLiteral("One-time code: %1\nValid until %2 (15 minutes), for one "
                              "workstation.\nOn the new PC: clinicdesk-admin workstation join "
                              "--database URI --code-stdin (or the console's first-run page), "
                              "and type the code.")
                   .arg(made->code, expires);
    out.json = {{QStringLiteral("code"), made->code},
                {QStringLiteral("invitation"), made->id},
                {QStringLiteral("expires"), expires}};
    return out;
}

// No store to open yet: this PC has no key. The code unwraps the ring, the provider keeps it,
// then the store is opened with it (its key check proves the ring) and the join is audited.
Result<AdminOutput> join(AdminContext &ctx, const QStringList &)
{
    if (!ctx.options.isSet(QStringLiteral("code-stdin")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("give the one-time code on stdin (--code-stdin); it never "
                                        "goes on the command line"));
    auto location =
        StoreLocation::fromOptions(ctx.options.value(QStringLiteral("database")),
                                   ctx.options.value(QStringLiteral("database-password-file")));
    if (!location)
        return location.error();
    if (!location->isPostgres())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("workstation join needs the clinic's store: --database "
                                        "postgresql://..."));
    auto code = secretFromStdin(QStringLiteral("one-time code"));
    if (!code)
        return code.error();
    const QString typed = QString::fromUtf8(code.value());
    crypto::wipe(code.value());

    std::unique_ptr<KeyProvider> keys;
    const QString keyFile = ctx.options.value(QStringLiteral("key-file"));
    if (!keyFile.isEmpty()) {
        if (QFile::exists(keyFile)) {
            if (auto check = KeyFileKeyProvider::checkPermissions(keyFile); !check)
                return check.error();
        }
        if (!QFileInfo(keyFile).absoluteDir().exists())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("the folder of the key file %1 does not exist (the "
                                            "code was not used)")
                                 .arg(keyFile));
        keys = std::make_unique<KeyFileKeyProvider>(keyFile);
    } else {
        keys = std::make_unique<KeychainKeyProvider>();
    }
    auto joined = WorkstationJoin::join(location.value(), *keys,
                                        ctx.options.value(QStringLiteral("data-dir")), typed,
                                        ctx.operatorName);
    if (!joined)
        return joined.error();
    const QString name = joined->workstation;
    AdminOutput out;
    out.text = QStringLiteral("This workstation (%1) joined the clinic's store; its data keys "
                              "are in %2.")
                   .arg(name, keys->description());
    out.json = {{QStringLiteral("workstation"), name},
                {QStringLiteral("store"), joined->storeId},
                {QStringLiteral("keys"), keys->description()}};
    return out;
}

Result<AdminOutput> list(AdminContext &ctx, const QStringList &)
{
    if (auto r = requirePostgres(*ctx.store, QStringLiteral("workstation list")); !r)
        return r.error();
    Workstations workstations(ctx.store->db());
    auto all = workstations.list();
    if (!all)
        return all.error();
    auto pending = workstations.pendingInvitations(nowMs());
    if (!pending)
        return pending.error();
    AdminOutput out;
    QJsonArray rows;
    QStringList lines{QStringLiteral("Workstations:")};
    for (const auto &w : std::as_const(all.value())) {
        const bool revoked = w.revokedMs != 0;
        lines << QStringLiteral("  %1  joined %2 (%3)%4")
                     .arg(w.name, TimeText::utcFromMs(w.joinedMs), w.joinedBy,
                          revoked ? QStringLiteral("  REVOKED %1 by %2")
                                        .arg(TimeText::utcFromMs(w.revokedMs), w.revokedBy)
                                  : QString());
        QJsonObject row{{QStringLiteral("name"), w.name},
                        {QStringLiteral("joined"), TimeText::utcFromMs(w.joinedMs)},
                        {QStringLiteral("joinedBy"), w.joinedBy},
                        {QStringLiteral("revoked"), revoked}};
        if (revoked) {
            row[QStringLiteral("revokedAt")] = TimeText::utcFromMs(w.revokedMs);
            row[QStringLiteral("revokedBy")] = w.revokedBy;
        }
        rows << row;
    }
    QJsonArray invitations;
    lines << QStringLiteral("Open invitations: %1").arg(pending->size());
    for (const auto &p : std::as_const(pending.value())) {
        lines << QStringLiteral("  %1  by %2, expires %3, wrong codes %4")
                     .arg(p.id, p.createdBy, TimeText::utcFromMs(p.expiresMs))
                     .arg(p.wrongCodes);
        invitations << QJsonObject{{QStringLiteral("invitation"), p.id},
                                   {QStringLiteral("createdBy"), p.createdBy},
                                   {QStringLiteral("expires"), TimeText::utcFromMs(p.expiresMs)},
                                   {QStringLiteral("wrongCodes"), p.wrongCodes}};
    }
    out.text = lines.join(u'\n');
    out.json = {{QStringLiteral("workstations"), rows},
                {QStringLiteral("invitations"), invitations}};
    return out;
}

Result<AdminOutput> revoke(AdminContext &ctx, const QStringList &args)
{
    if (auto r = requirePostgres(*ctx.store, QStringLiteral("workstation revoke")); !r)
        return r.error();
    if (args.size() != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: workstation revoke NAME (see 'workstation list')"));
    const QString name = args.constFirst();
    if (name == Workstations::thisWorkstation())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("%1 is this workstation; revoke it from another one").arg(name));
    if (auto r = Workstations(ctx.store->db()).revoke(name, ctx.operatorName, nowMs()); !r)
        return r.error();
    if (auto r = ctx.recordAdmin(QStringLiteral("workstation"), name, QStringLiteral("revoked"));
        !r)
        return r.error();
    AdminOutput out;
    out.text = QStringLiteral("%1 is revoked: its programs can no longer open the store. If the "
                              "PC was lost, also rotate the data key (keys rotate) and the "
                              "database password.")
                   .arg(name);
    out.json = {{QStringLiteral("workstation"), name}, {QStringLiteral("revoked"), true}};
    return out;
}

} // namespace

// `workstation`: the PCs of a clinic store on PostgreSQL (DESIGN, "Several workstations").
QList<AdminCommand> workstationCommands()
{
    return {
        {QStringLiteral("workstation"), QStringLiteral("invite"),
         QStringLiteral("print a one-time code (15 minutes) that lets one new PC join the "
                        "clinic's store"),
         invite},
        {QStringLiteral("workstation"),
         QStringLiteral("join"),
         QStringLiteral("bring the clinic's data keys to this PC with a one-time code read from "
                        "stdin (--database, --code-stdin; keychain or --key-file)"),
         join,
         {{QStringLiteral("code-stdin"),
           QStringLiteral("Read the one-time code from stdin (never the command line).")}},
         false},
        {QStringLiteral("workstation"), QStringLiteral("list"),
         QStringLiteral("the workstations (joined, revoked) and the open invitations"), list},
        {QStringLiteral("workstation"), QStringLiteral("revoke"),
         QStringLiteral("refuse a workstation from now on (NAME as in 'workstation list')"),
         revoke},
    };
}

} // namespace clinicdesk
