#include "AdminCommand.h"

#include "DemoSeed.h"
#include "accounts/UserRepository.h"
#include "audit/AuditExporter.h"
#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "keys/KeyProvider.h"
#include "provider/Outbox.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderCredentials.h"
#include "relay/RelayClient.h"
#include "store/LocalStore.h"
#include "store/Schema.h"
#include "store/VisitRepository.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSettings>
#include <QTextStream>

#include <cstdio>

namespace clinicdesk {
namespace {

Result<qint64> countRows(LocalStore &store, const QString &table)
{
    auto q = store.db().exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Result<AdminOutput> keysStatus(AdminContext &ctx, const QStringList &)
{
    const KeyRing &ring = ctx.store->cipher().ring();
    QJsonArray ids;
    QStringList idText;
    for (quint32 id : ring.ids()) {
        ids.append(qint64(id));
        idText << QString::number(id);
    }
    AdminOutput out;
    out.json = {{QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("keyProvider"), ctx.keys->description()},
                {QStringLiteral("currentKeyId"), qint64(ring.currentId())},
                {QStringLiteral("keyIds"), ids}};
    out.text = QStringLiteral(
                   "store id:       %1\nkey provider:   %2\ncurrent key id: %3\nkey ids:        %4")
                   .arg(ctx.store->storeId(), ctx.keys->description())
                   .arg(ring.currentId())
                   .arg(idText.join(QStringLiteral(", ")));
    return out;
}

Result<AdminOutput> keysRotate(AdminContext &ctx, const QStringList &)
{
    const quint32 oldId = ctx.store->cipher().ring().currentId();
    auto newId = ctx.store->rotateDataKey(*ctx.keys);
    if (!newId)
        return newId.error();
    if (auto a =
            ctx.audit->append({AuditAction::Admin, ctx.operatorName, QStringLiteral("data_key"),
                               QString::number(*newId), AuditOutcome::Success,
                               QStringLiteral("data key rotated from key %1").arg(oldId)});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("previousKeyId"), qint64(oldId)},
                {QStringLiteral("currentKeyId"), qint64(*newId)}};
    out.text = QStringLiteral("data key rotated: key %1 replaced by key %2; every sealed value was "
                              "re-encrypted and the search index rebuilt")
                   .arg(oldId)
                   .arg(*newId);
    return out;
}

Result<AdminOutput> storeInfo(AdminContext &ctx, const QStringList &)
{
    AdminOutput out;
    out.json = {{QStringLiteral("path"), ctx.store->db().path()},
                {QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("schemaVersion"), ctx.store->db().schemaVersion()},
                {QStringLiteral("latestSchemaVersion"), schema::latestVersion()}};
    QStringList lines = {QStringLiteral("database:       %1").arg(ctx.store->db().path()),
                         QStringLiteral("store id:       %1").arg(ctx.store->storeId()),
                         QStringLiteral("schema version: %1 (latest %2)")
                             .arg(ctx.store->db().schemaVersion())
                             .arg(schema::latestVersion())};
    for (const QString &table :
         {QStringLiteral("users"), QStringLiteral("patients"), QStringLiteral("drafts")}) {
        auto n = countRows(*ctx.store, table);
        if (!n)
            return n.error();
        out.json.insert(table, *n);
        lines << QStringLiteral("%1 %2").arg(table + QLatin1Char(':'), -15).arg(*n);
    }
    out.text = lines.join(QLatin1Char('\n'));
    return out;
}

Result<AdminOutput> storeInit(AdminContext &ctx, const QStringList &)
{
    AdminOutput out;
    out.json = {{QStringLiteral("storeId"), ctx.store->storeId()},
                {QStringLiteral("path"), ctx.store->db().path()},
                {QStringLiteral("keyProvider"), ctx.keys->description()}};
    out.text = QStringLiteral("store %1 ready at %2, data key in %3")
                   .arg(ctx.store->storeId(), ctx.store->db().path(), ctx.keys->description());
    return out;
}

Result<AdminOutput> storeMigrate(AdminContext &ctx, const QStringList &)
{
    // Opening the store already migrated it inside a transaction; report where it stands.
    AdminOutput out;
    out.json = {{QStringLiteral("schemaVersion"), ctx.store->db().schemaVersion()}};
    out.text =
        QStringLiteral("schema is at version %1 (latest)").arg(ctx.store->db().schemaVersion());
    return out;
}

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
    if (auto a = ctx.audit->append({AuditAction::Admin, ctx.operatorName, QStringLiteral("user"),
                                    user->id, AuditOutcome::Success,
                                    QStringLiteral("account %1 created, role %2")
                                        .arg(user->username, roleToString(user->role))});
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

QJsonObject verificationJson(const AuditLog::Verification &v)
{
    QJsonObject o{{QStringLiteral("intact"), v.intact},
                  {QStringLiteral("entries"), v.entries},
                  {QStringLiteral("headSeq"), v.head.seq},
                  {QStringLiteral("headHash"), QString::fromLatin1(v.head.hash.toHex())}};
    if (!v.intact) {
        o.insert(QStringLiteral("firstBrokenSeq"), v.firstBrokenSeq);
        o.insert(QStringLiteral("problem"), v.problem);
    }
    return o;
}

Result<AdminOutput> auditVerify(AdminContext &ctx, const QStringList &)
{
    auto v = ctx.audit->verify();
    if (!v)
        return v.error();
    AdminOutput out;
    out.json = verificationJson(*v);
    if (v->intact) {
        out.text = QStringLiteral("audit log intact: %1 entries, head entry %2 (%3)")
                       .arg(v->entries)
                       .arg(v->head.seq)
                       .arg(QString::fromLatin1(v->head.hash.toHex()));
    } else {
        out.text = QStringLiteral("audit log BROKEN at entry %1").arg(v->firstBrokenSeq);
        out.failure = QStringLiteral("audit log broken at entry %1: %2")
                          .arg(v->firstBrokenSeq)
                          .arg(v->problem);
    }
    return out;
}

// Dates are ISO 8601; a bare date means midnight UTC. --to is exclusive.
Result<QDateTime> parseWhen(const QCommandLineParser &options, const QString &name)
{
    const QString text = options.value(name);
    if (text.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--%1 %2 is not an ISO 8601 date or time").arg(name, text));
    return t.toUTC();
}

Result<AdminOutput> auditExport(AdminContext &ctx, const QStringList &)
{
    const auto format = AuditExporter::formatFromName(ctx.options.value(QStringLiteral("format")));
    if (!format)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--format must be csv, jsonl or fhir"));
    const QString path = ctx.options.value(QStringLiteral("output"));
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--output FILE is required"));
    auto from = parseWhen(ctx.options, QStringLiteral("from"));
    if (!from)
        return from.error();
    auto to = parseWhen(ctx.options, QStringLiteral("to"));
    if (!to)
        return to.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const AuditLog::Filter filter{*from, *to, ctx.options.value(QStringLiteral("user"))};
    auto summary =
        AuditExporter(*ctx.audit).exportAsOperator(ctx.operatorName, file, *format, filter);
    if (!summary) {
        file.cancelWriting();
        return summary.error();
    }
    if (!file.commit())
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    AdminOutput out;
    out.json = {{QStringLiteral("file"), path},
                {QStringLiteral("format"), AuditExporter::formatName(*format)},
                {QStringLiteral("entries"), summary->exported},
                {QStringLiteral("verifiedHeadSeq"), summary->verifiedHead.seq},
                {QStringLiteral("verifiedHeadHash"),
                 QString::fromLatin1(summary->verifiedHead.hash.toHex())}};
    out.text = QStringLiteral("%1 entries exported to %2, verified against head entry %3 (%4)")
                   .arg(summary->exported)
                   .arg(path)
                   .arg(summary->verifiedHead.seq)
                   .arg(QString::fromLatin1(summary->verifiedHead.hash.toHex()));
    return out;
}

// Changes <data dir>/clinicdesk.ini (the console's settings) and writes it out at once.
Result<QString> editConsoleSettings(AdminContext &ctx, const std::function<void(QSettings &)> &edit)
{
    const QString path = ProviderConnection::settingsPath(ctx.store->dataDir());
    QSettings settings(path, QSettings::IniFormat);
    edit(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(path));
    return path;
}

// Sets `key` to the absolute path of `file`, or removes it when `file` is empty.
void setPathOrRemove(QSettings &settings, const QString &key, const QString &file)
{
    if (file.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, QFileInfo(file).absoluteFilePath());
}

// [relay] in <data dir>/clinicdesk.ini: the relay that runs inside the console (instead of the
// clinicdesk-relay service). The token stays in its owner-only file; only the path is written.
Result<AdminOutput> relayConfigure(AdminContext &ctx, const QStringList &)
{
    const QString inbox = ctx.options.value(QStringLiteral("inbox"));
    const QString tokenFile = ctx.options.value(QStringLiteral("token-file"));
    const QString caFile = ctx.options.value(QStringLiteral("ca-file"));
    if (inbox.isEmpty() || tokenFile.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("relay configure needs --inbox URL and --token-file FILE"));
    auto checked = RelayClient::Options::load(QUrl(inbox), tokenFile, caFile);
    if (!checked)
        return checked.error();
    crypto::wipe(checked->token); // read only to check it; the console reads it again

    auto written = editConsoleSettings(ctx, [&](QSettings &settings) {
        settings.setValue(QStringLiteral("relay/inbox"), inbox);
        setPathOrRemove(settings, QStringLiteral("relay/tokenFile"), tokenFile);
        setPathOrRemove(settings, QStringLiteral("relay/caFile"), caFile);
    });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a = ctx.audit->append({AuditAction::Admin, ctx.operatorName, QStringLiteral("relay"),
                                    QUrl(inbox).host(), AuditOutcome::Success,
                                    QStringLiteral("in-console relay configured")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("inbox"), inbox}, {QStringLiteral("settings"), path}};
    out.text = QStringLiteral("the console relays events from %1 (restart the console); %2")
                   .arg(inbox, path);
    return out;
}

Result<AdminOutput> relayOff(AdminContext &ctx, const QStringList &)
{
    auto written = editConsoleSettings(
        ctx, [](QSettings &settings) { settings.remove(QStringLiteral("relay")); });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a = ctx.audit->append({AuditAction::Admin, ctx.operatorName, QStringLiteral("relay"),
                                    QStringLiteral("console"), AuditOutcome::Success,
                                    QStringLiteral("in-console relay turned off")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("settings"), path}};
    out.text = QStringLiteral("the console no longer runs a relay (restart the console)");
    return out;
}

// [provider] in <data dir>/clinicdesk.ini: where the console sends visits. The key is not here.
Result<AdminOutput> providerConfigure(AdminContext &ctx, const QStringList &)
{
    ProviderClient::Config config;
    config.baseUrl = QUrl(ctx.options.value(QStringLiteral("url")));
    config.apiKey = "checked separately";
    const QString caFile = ctx.options.value(QStringLiteral("ca-file"));
    if (!caFile.isEmpty()) {
        auto cas = ProviderClient::loadCaFile(caFile);
        if (!cas)
            return cas.error();
    }
    if (auto valid = ProviderClient::validate(config); !valid)
        return valid.error();
    auto written = editConsoleSettings(ctx, [&](QSettings &settings) {
        settings.setValue(QStringLiteral("provider/url"), config.baseUrl.toString());
        setPathOrRemove(settings, QStringLiteral("provider/caFile"), caFile);
    });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a =
            ctx.audit->append({AuditAction::Admin, ctx.operatorName, QStringLiteral("provider"),
                               config.baseUrl.host(), AuditOutcome::Success,
                               QStringLiteral("provider endpoint configured")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("url"), config.baseUrl.toString()},
                {QStringLiteral("caFile"), caFile}};
    out.text =
        QStringLiteral("provider endpoint set to %1 in %2").arg(config.baseUrl.toString(), path);
    return out;
}

// The provider API key goes to the keychain only, read from stdin (never argv).
Result<AdminOutput> providerSetKey(AdminContext &ctx, const QStringList &)
{
    QTextStream in(stdin);
    QByteArray key = in.readLine().trimmed().toUtf8();
    if (key.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("give the API key on stdin"));
    auto saved = ProviderCredentials{}.saveApiKey(key);
    crypto::wipe(key);
    if (!saved)
        return saved.error();
    if (auto a = ctx.audit->append({AuditAction::Admin,
                                    ctx.operatorName,
                                    QStringLiteral("provider"),
                                    {},
                                    AuditOutcome::Success,
                                    QStringLiteral("provider API key replaced")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("saved"), true}};
    out.text = QStringLiteral("provider API key saved to the OS keychain");
    return out;
}

Result<AdminOutput> providerStatus(AdminContext &ctx, const QStringList &)
{
    const QSettings settings(ProviderConnection::settingsPath(ctx.store->dataDir()),
                             QSettings::IniFormat);
    auto counts = Outbox(*ctx.store).counts();
    if (!counts)
        return counts.error();
    const bool hasKey = ProviderCredentials{}.apiKey().ok();
    const QString url = settings.value(QStringLiteral("provider/url")).toString();
    AdminOutput out;
    out.json = {{QStringLiteral("url"), url},
                {QStringLiteral("apiKeyInKeychain"), hasKey},
                {QStringLiteral("outboxPending"), counts->pending},
                {QStringLiteral("outboxSent"), counts->sent},
                {QStringLiteral("outboxRejected"), counts->rejected}};
    out.text = QStringLiteral(
                   "endpoint:   %1\nAPI key:    %2\noutbox:     %3 pending, %4 sent, %5 rejected")
                   .arg(url.isEmpty() ? QStringLiteral("(not configured)") : url,
                        hasKey ? QStringLiteral("in the OS keychain") : QStringLiteral("missing"))
                   .arg(counts->pending)
                   .arg(counts->sent)
                   .arg(counts->rejected);
    return out;
}

// Visits by id and state only: no patient name, answers or messages (those are PHI and need the
// console, where viewing them is audited).
Result<AdminOutput> visitsList(AdminContext &ctx, const QStringList &)
{
    auto rows = VisitRepository(*ctx.store).all();
    if (!rows)
        return rows.error();
    QJsonArray array;
    QStringList lines;
    for (const VisitRepository::Row &row : std::as_const(rows.value())) {
        const QString status = VisitStateMachine::name(row.state.status);
        const QString rx = VisitStateMachine::name(row.state.rx);
        const QJsonObject v{{QStringLiteral("masterId"), row.masterId},
                            {QStringLiteral("visitType"), row.visitType},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("rxStatus"), rx},
                            {QStringLiteral("createdBy"), row.createdBy},
                            {QStringLiteral("createdAt"), row.createdAt},
                            {QStringLiteral("updatedAt"), row.updatedAt}};
        array.append(v);
        lines << QStringLiteral("%1  %2 %3 rx %4 updated %5")
                     .arg(row.masterId, row.visitType.leftJustified(18), status.leftJustified(10),
                          rx.leftJustified(13), row.updatedAt);
    }
    AdminOutput out;
    out.json = {{QStringLiteral("visits"), array}};
    out.text = lines.isEmpty() ? QStringLiteral("no visits yet") : lines.join(QLatin1Char('\n'));
    return out;
}

// The intake as a FHIR R4 QuestionnaireResponse, for a record request or a transfer. It is PHI:
// written 0600 and audited as an export of that visit.
Result<AdminOutput> visitsExportResponse(AdminContext &ctx, const QStringList &args)
{
    const QString path = ctx.options.value(QStringLiteral("output"));
    if (args.size() != 1 || path.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: visits export-response MASTER_ID --output FILE"));
    VisitRepository visits(*ctx.store);
    auto row = visits.findByMasterId(args[0]);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no visit with master id %1").arg(args[0]));
    const QString visitId = row.value()->id;
    auto response = visits.openQuestionnaireResponse(visitId);
    if (!response)
        return response.error();
    if (!response->has_value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("visit %1 has no QuestionnaireResponse").arg(args[0]));
    QByteArray plain = std::move(**response);
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(plain) == plain.size() && file.commit();
    crypto::wipe(plain);
    if (!written)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (auto a = ctx.audit->append({AuditAction::Export, ctx.operatorName, QStringLiteral("visit"),
                                    visitId, AuditOutcome::Success,
                                    QStringLiteral("QuestionnaireResponse exported to a file")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("file"), path}, {QStringLiteral("visitId"), visitId}};
    out.text = QStringLiteral("QuestionnaireResponse of visit %1 written to %2 (mode 0600)")
                   .arg(args[0], path);
    return out;
}

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

QList<AdminCommand> adminCommands()
{
    return {
        {QStringLiteral("keys"), QStringLiteral("status"),
         QStringLiteral("show the store id and the ids of its data keys (never key bytes)"),
         keysStatus},
        {QStringLiteral("keys"), QStringLiteral("rotate"),
         QStringLiteral(
             "add a new data key, re-encrypt everything in one transaction, retire the old key"),
         keysRotate},
        {QStringLiteral("users"), QStringLiteral("add"),
         QStringLiteral("USERNAME [--display-name NAME] [--role staff|admin] (--password-stdin | "
                        "--generate-password): create a staff account"),
         usersAdd},
        {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("list staff accounts"),
         usersList},
        {QStringLiteral("audit"), QStringLiteral("verify"),
         QStringLiteral(
             "check the hash chain and its anchor; names the first broken entry, exit 1 if any"),
         auditVerify},
        {QStringLiteral("audit"), QStringLiteral("export"),
         QStringLiteral(
             "--format csv|jsonl|fhir --output FILE [--from DATE] [--to DATE] [--user NAME]: "
             "verify, then export (itself audited)"),
         auditExport},
        {QStringLiteral("provider"), QStringLiteral("configure"),
         QStringLiteral("--url URL [--ca-file FILE]: where the console sends visits"),
         providerConfigure},
        {QStringLiteral("provider"), QStringLiteral("set-key"),
         QStringLiteral("read the provider API key from stdin into the OS keychain"),
         providerSetKey},
        {QStringLiteral("provider"), QStringLiteral("status"),
         QStringLiteral("endpoint, whether the key is present, outbox counts"), providerStatus},
        {QStringLiteral("relay"), QStringLiteral("configure"),
         QStringLiteral("--inbox URL --token-file FILE [--ca-file FILE]: run the relay inside "
                        "the console (instead of the clinicdesk-relay service)"),
         relayConfigure},
        {QStringLiteral("relay"), QStringLiteral("off"),
         QStringLiteral("stop running a relay inside the console"), relayOff},
        {QStringLiteral("visits"), QStringLiteral("list"),
         QStringLiteral("visits by master id, type and status (no patient data)"), visitsList},
        {QStringLiteral("visits"), QStringLiteral("export-response"),
         QStringLiteral("MASTER_ID --output FILE: the intake as a FHIR QuestionnaireResponse (PHI; "
                        "audited)"),
         visitsExportResponse},
        {QStringLiteral("inbox"), QStringLiteral("token"),
         QStringLiteral("--output FILE: a new consumer token for --consumer NAME=FILE"), inboxToken,
         false},
        {QStringLiteral("inbox"), QStringLiteral("secret"),
         QStringLiteral(
             "--output FILE: a new whsec_ webhook secret for --provider NAME=FILE (appends: "
             "rotation)"),
         inboxSecret, false},
        {QStringLiteral("store"), QStringLiteral("init"),
         QStringLiteral(
             "create an empty store and its data key (keychain, or --key-file created 0600)"),
         storeInit},
        {QStringLiteral("store"), QStringLiteral("info"),
         QStringLiteral("show the database path, schema version and row counts"), storeInfo},
        {QStringLiteral("store"), QStringLiteral("migrate"),
         QStringLiteral("bring the schema to the latest version (also done on every open)"),
         storeMigrate},
        {QStringLiteral("demo"), QStringLiteral("seed"),
         QStringLiteral("[--patients N] [--visits N] [--user USERNAME] [--force]: fake demo "
                        "patients, queued visits and a draft; refuses a store with patients "
                        "unless --force"),
         demoSeed},
    };
}

} // namespace clinicdesk
