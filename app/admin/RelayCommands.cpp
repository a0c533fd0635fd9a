#include "AdminCommand.h"

#include "ConsoleSettingsFile.h"
#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "relay/RelayClient.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QSettings>
#include <QUrl>

namespace clinicdesk {
namespace {

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

    auto written = ConsoleSettingsFile::edit(ctx.store->dataDir(), [&](QSettings &settings) {
        settings.setValue(QStringLiteral("relay/inbox"), inbox);
        ConsoleSettingsFile::setPathOrRemove(settings, QStringLiteral("relay/tokenFile"),
                                             tokenFile);
        ConsoleSettingsFile::setPathOrRemove(settings, QStringLiteral("relay/caFile"), caFile);
    });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a = ctx.recordAdmin(QStringLiteral("relay"), QUrl(inbox).host(),
                                 QStringLiteral("in-console relay configured"));
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
    auto written = ConsoleSettingsFile::edit(ctx.store->dataDir(), [](QSettings &settings) {
        settings.remove(QStringLiteral("relay"));
    });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a = ctx.recordAdmin(QStringLiteral("relay"), QStringLiteral("console"),
                                 QStringLiteral("in-console relay turned off"));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("settings"), path}};
    out.text = QStringLiteral("the console no longer runs a relay (restart the console)");
    return out;
}

} // namespace

// `relay`: the relay that runs inside the console instead of the clinicdesk-relay service.
QList<AdminCommand> relayCommands()
{
    return {
        {QStringLiteral("relay"),
         QStringLiteral("configure"),
         QStringLiteral("--inbox URL --token-file FILE [--ca-file FILE]: run the relay inside "
                        "the console (instead of the clinicdesk-relay service)"),
         relayConfigure,
         {{QStringLiteral("inbox"), QStringLiteral("the webhook inbox's URL."),
           QStringLiteral("URL")},
          {QStringLiteral("token-file"),
           QStringLiteral("the owner-only file with the inbox consumer token."),
           QStringLiteral("FILE")},
          {QStringLiteral("ca-file"), QStringLiteral("extra CA certificates (PEM) to trust."),
           QStringLiteral("FILE")}}},
        {QStringLiteral("relay"), QStringLiteral("off"),
         QStringLiteral("stop running a relay inside the console"), relayOff},
    };
}

} // namespace clinicdesk
