#include "AdminCommand.h"

#include "ConsoleSettingsFile.h"
#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "provider/Outbox.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderCredentials.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>
#include <cstdio>

namespace clinicdesk {
namespace {

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
    auto written = ConsoleSettingsFile::edit(ctx.store->dataDir(), [&](QSettings &settings) {
        settings.setValue(QStringLiteral("provider/url"), config.baseUrl.toString());
        ConsoleSettingsFile::setPathOrRemove(settings, QStringLiteral("provider/caFile"), caFile);
    });
    if (!written)
        return written.error();
    const QString path = written.value();
    if (auto a = ctx.recordAdmin(QStringLiteral("provider"), config.baseUrl.host(),
                                 QStringLiteral("provider endpoint configured"));
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
    if (auto a = ctx.recordAdmin(QStringLiteral("provider"), {},
                                 QStringLiteral("provider API key replaced"));
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

} // namespace

// `provider`: where the console sends visits, and its API key (keychain only).
QList<AdminCommand> providerCommands()
{
    return {
        {QStringLiteral("provider"),
         QStringLiteral("configure"),
         QStringLiteral("--url URL [--ca-file FILE]: where the console sends visits"),
         providerConfigure,
         {{QStringLiteral("url"), QStringLiteral("the provider's base URL."),
           QStringLiteral("URL")},
          {QStringLiteral("ca-file"), QStringLiteral("extra CA certificates (PEM) to trust."),
           QStringLiteral("FILE")}}},
        {QStringLiteral("provider"), QStringLiteral("set-key"),
         QStringLiteral("read the provider API key from stdin into the OS keychain"),
         providerSetKey},
        {QStringLiteral("provider"), QStringLiteral("status"),
         QStringLiteral("endpoint, whether the key is present, outbox counts"), providerStatus},
    };
}

} // namespace clinicdesk
