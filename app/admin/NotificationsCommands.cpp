#include "AdminCommand.h"

#include "ConsoleSettingsFile.h"
#include "crypto/Crypto.h"
#include "notify/MessageTransport.h"
#include "notify/NotificationSender.h"
#include "notify/NotificationSettings.h"
#include "store/LocalStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <QUuid>

namespace clinicdesk {
namespace {

QString opt(const AdminContext &ctx, const char *name)
{
    return ctx.options.value(QString::fromLatin1(name));
}

// Reads the secret from stdin into the keychain with `save`, and wipes the copy read.
Result<void> secretToKeychain(const QString &what, Result<void> (*save)(const QByteArray &))
{
    auto secret = secretFromStdin(what);
    if (!secret)
        return secret.error();
    auto saved = save(secret.value());
    crypto::wipe(secret.value());
    return saved;
}

// Clinic details and quiet hours, shared by both configure commands.
Result<void> clinicOptions(const AdminContext &ctx, QSettings &settings)
{
    for (auto [option, key] :
         {std::pair{"clinic-name", "clinicName"}, {"clinic-phone", "clinicPhone"}}) {
        if (ctx.options.isSet(QString::fromLatin1(option)))
            settings.setValue(QStringLiteral("notifications/") + QLatin1String(key),
                              opt(ctx, option));
    }
    if (ctx.options.isSet(QStringLiteral("time-zone"))) {
        if (!QTimeZone(opt(ctx, "time-zone").toUtf8()).isValid())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("unknown time zone (an IANA name such as "
                                            "America/Chicago)"));
        settings.setValue(QStringLiteral("notifications/timeZone"), opt(ctx, "time-zone"));
    }
    if (ctx.options.isSet(QStringLiteral("quiet-hours"))) {
        const QStringList parts = opt(ctx, "quiet-hours").split(QLatin1Char('-'));
        const auto time = [](const QString &t) {
            return QTime::fromString(t.trimmed(), QStringLiteral("HH:mm"));
        };
        if (parts.size() != 2 || !time(parts[0]).isValid() || !time(parts[1]).isValid())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--quiet-hours is HH:MM-HH:MM (e.g. 21:00-08:00)"));
        settings.setValue(QStringLiteral("notifications/quietStart"), parts[0].trimmed());
        settings.setValue(QStringLiteral("notifications/quietEnd"), parts[1].trimmed());
    }
    return {};
}

Result<AdminOutput> configureEmail(AdminContext &ctx, const QStringList &)
{
    SmtpMailer::Config config;
    config.url = QUrl(opt(ctx, "smtp-url"));
    config.from = opt(ctx, "from");
    config.caFile = opt(ctx, "ca-file");
    config.user = opt(ctx, "user");
    if (const QString bad = SmtpMailer::check(config); !bad.isEmpty())
        return makeError(ErrorCode::InvalidInput, bad);
    if (!config.caFile.isEmpty() && !QFile::exists(config.caFile))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no such CA file"));
    const bool password = ctx.options.isSet(QStringLiteral("password-stdin"));
    if (password != !config.user.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--user and --password-stdin go together"));
    if (password) {
        if (auto saved = secretToKeychain(QStringLiteral("SMTP password"),
                                          &NotificationSettings::saveSmtpPassword);
            !saved)
            return saved.error();
    }
    Result<void> clinic;
    auto written = ConsoleSettingsFile::edit(ctx.store->dataDir(), [&](QSettings &settings) {
        settings.setValue(QStringLiteral("notifications/smtpUrl"), config.url.toString());
        settings.setValue(QStringLiteral("notifications/from"), config.from);
        settings.setValue(QStringLiteral("notifications/smtpUser"), config.user);
        ConsoleSettingsFile::setPathOrRemove(settings, QStringLiteral("notifications/caFile"),
                                             config.caFile);
        clinic = clinicOptions(ctx, settings);
    });
    if (!written)
        return written.error();
    if (!clinic)
        return clinic.error();
    if (auto a = ctx.recordAdmin(QStringLiteral("notifications"), QStringLiteral("email"),
                                 QStringLiteral("patient e-mail configured (%1%2)")
                                     .arg(config.url.scheme(), password ? ", with login" : ""));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("smtpUrl"), config.url.toString()},
                {QStringLiteral("settings"), written.value()},
                {QStringLiteral("passwordInKeychain"), password}};
    out.text = QStringLiteral("patient e-mail goes through %1 (restart clinicdesk-relay); %2")
                   .arg(config.url.toString(), written.value());
    return out;
}

// `notifications sms configure`: the third word is the subcommand's own.
Result<AdminOutput> configureSms(AdminContext &ctx, const QStringList &args)
{
    if (args != QStringList{QStringLiteral("configure")})
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: notifications sms configure --url URL --account "
                                        "SID --from NUMBER [--token-stdin] [--ca-file FILE]"));
    SmsGateway::Config config;
    config.url = QUrl(opt(ctx, "url"));
    config.account = opt(ctx, "account");
    config.from = opt(ctx, "from");
    config.caFile = opt(ctx, "ca-file");
    if (const QString bad = SmsGateway::check(config); !bad.isEmpty())
        return makeError(ErrorCode::InvalidInput, bad);
    const bool token = ctx.options.isSet(QStringLiteral("token-stdin"));
    if (token) {
        if (auto saved = secretToKeychain(QStringLiteral("SMS API token"),
                                          &NotificationSettings::saveSmsToken);
            !saved)
            return saved.error();
    }
    Result<void> clinic;
    auto written = ConsoleSettingsFile::edit(ctx.store->dataDir(), [&](QSettings &settings) {
        settings.setValue(QStringLiteral("notifications/smsUrl"), config.url.toString());
        settings.setValue(QStringLiteral("notifications/smsAccount"), config.account);
        settings.setValue(QStringLiteral("notifications/smsFrom"), SmsGateway::e164(config.from));
        ConsoleSettingsFile::setPathOrRemove(settings, QStringLiteral("notifications/smsCaFile"),
                                             config.caFile);
        clinic = clinicOptions(ctx, settings);
    });
    if (!written)
        return written.error();
    if (!clinic)
        return clinic.error();
    if (auto a = ctx.recordAdmin(QStringLiteral("notifications"), QStringLiteral("sms"),
                                 QStringLiteral("patient text messages configured%1")
                                     .arg(token ? QStringLiteral(", token replaced") : QString()));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("url"), config.url.toString()},
                {QStringLiteral("settings"), written.value()},
                {QStringLiteral("tokenInKeychain"), token}};
    out.text = QStringLiteral("patient texts go through %1 (restart clinicdesk-relay); %2")
                   .arg(config.url.toString(), written.value());
    return out;
}

// Sends one fixed message (no patient data) to check the set-up. The recipient is not echoed
// nor logged; the audit entry names the channel only.
Result<AdminOutput> sendTest(AdminContext &ctx, const QStringList &)
{
    const QString to = opt(ctx, "to").trimmed();
    if (to.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("give --to ADDRESS|PHONE"));
    NotificationSettings settings = NotificationSettings::load(ctx.store->dataDir());
    if (auto secrets = settings.loadSecrets(); !secrets)
        return secrets.error();
    const bool email = to.contains(QLatin1Char('@'));
    const QString text =
        QStringLiteral("This is a test message from %1's ClinicDesk.").arg(settings.clinicName);
    DeliveryOutcome outcome;
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (email) {
        if (!settings.emailConfigured())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("e-mail is not configured (notifications configure)"));
        outcome = SmtpMailer::send(settings.smtp, {to, QStringLiteral("ClinicDesk test message"),
                                                   text, NotificationSender::messageId(id)});
    } else {
        if (!settings.smsConfigured())
            return makeError(
                ErrorCode::NotFound,
                QStringLiteral("texts are not configured (notifications sms configure)"));
        outcome = SmsGateway::send(settings.sms, to, text);
    }
    const QString channel = email ? QStringLiteral("email") : QStringLiteral("sms");
    if (auto a = ctx.recordAdmin(QStringLiteral("notifications"), channel,
                                 outcome.delivered ? QStringLiteral("test message sent")
                                                   : QStringLiteral("test message refused"));
        !a)
        return a.error();
    if (!outcome.delivered)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("the test message was not delivered: %1").arg(outcome.error));
    AdminOutput out;
    out.json = {{QStringLiteral("channel"), channel},
                {QStringLiteral("delivered"), true},
                {QStringLiteral("code"), qint64(outcome.code)}};
    out.text = QStringLiteral("test %1 accepted by the server (reply %2)")
                   .arg(email ? QStringLiteral("e-mail") : QStringLiteral("text"))
                   .arg(outcome.code);
    return out;
}

const QList<QCommandLineOption> &clinicOptionList()
{
    static const QList<QCommandLineOption> list = {
        {QStringLiteral("clinic-name"), QStringLiteral("the clinic's name in messages."),
         QStringLiteral("NAME")},
        {QStringLiteral("clinic-phone"), QStringLiteral("the number patients call back."),
         QStringLiteral("PHONE")},
        {QStringLiteral("time-zone"), QStringLiteral("the clinic's time zone (IANA name)."),
         QStringLiteral("ZONE")},
        {QStringLiteral("quiet-hours"),
         QStringLiteral("no texts between these times (default 21:00-08:00)."),
         QStringLiteral("HH:MM-HH:MM")},
    };
    return list;
}

} // namespace

QList<AdminCommand> notificationsCommands()
{
    QList<AdminCommand> commands = {
        {QStringLiteral("notifications"), QStringLiteral("configure"),
         QStringLiteral("--smtp-url smtp://HOST:PORT|smtps://HOST:PORT --from ADDRESS "
                        "[--ca-file FILE] [--user NAME --password-stdin]: patient e-mail"),
         configureEmail,
         QList<QCommandLineOption>{
             {QStringLiteral("smtp-url"), QStringLiteral("the SMTP server."),
              QStringLiteral("URL")},
             {QStringLiteral("from"), QStringLiteral("the sender."), QStringLiteral("ADDRESS")},
             {QStringLiteral("ca-file"), QStringLiteral("extra CA certificates (PEM) to trust."),
              QStringLiteral("FILE")},
             {QStringLiteral("user"), QStringLiteral("the SMTP login."), QStringLiteral("NAME")},
             {QStringLiteral("password-stdin"),
              QStringLiteral("read the SMTP password from stdin into the keychain.")}} +
             clinicOptionList()},
        {QStringLiteral("notifications"), QStringLiteral("sms"),
         QStringLiteral("configure --url URL --account SID --from NUMBER [--token-stdin] "
                        "[--ca-file FILE]: patient text messages (Twilio-shaped API)"),
         configureSms,
         QList<QCommandLineOption>{
             {QStringLiteral("url"), QStringLiteral("the SMS API's base URL."),
              QStringLiteral("URL")},
             {QStringLiteral("account"), QStringLiteral("the account SID."), QStringLiteral("SID")},
             {QStringLiteral("from"), QStringLiteral("the sending number."),
              QStringLiteral("NUMBER")},
             {QStringLiteral("ca-file"), QStringLiteral("extra CA certificates (PEM) to trust."),
              QStringLiteral("FILE")},
             {QStringLiteral("token-stdin"),
              QStringLiteral("read the API token from stdin into the keychain.")}} +
             clinicOptionList()},
        {QStringLiteral("notifications"),
         QStringLiteral("test"),
         QStringLiteral("--to ADDRESS|PHONE: send one test message"),
         sendTest,
         {{QStringLiteral("to"), QStringLiteral("the test recipient."),
           QStringLiteral("ADDRESS|PHONE")}}},
    };
    return commands + notificationsStateCommands();
}

} // namespace clinicdesk
