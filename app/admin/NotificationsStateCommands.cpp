#include "AdminCommand.h"

#include "base/TimeText.h"
#include "notify/NotificationSettings.h"
#include "notify/NotificationTemplates.h"
#include "store/LocalStore.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QTextStream>

namespace clinicdesk {
namespace {

QString opt(const AdminContext &ctx, const char *name)
{
    return ctx.options.value(QString::fromLatin1(name));
}

// Ids, channel, template, state, attempts and times: never an address, number or name.
Result<AdminOutput> listNotifications(AdminContext &ctx, const QStringList &)
{
    NotificationRepository rows(ctx.store->db(), ctx.store->cipher());
    auto found = rows.list(opt(ctx, "visit"), opt(ctx, "state"));
    if (!found)
        return found.error();
    AdminOutput out;
    QJsonArray array;
    QStringList lines;
    for (const auto &r : std::as_const(found.value())) {
        const QString channel = NotificationRepository::channelName(r.channel);
        array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                 {QStringLiteral("visitId"), r.visitId},
                                 {QStringLiteral("eventId"), r.eventId},
                                 {QStringLiteral("template"), r.templateKey},
                                 {QStringLiteral("channel"), channel},
                                 {QStringLiteral("state"), r.state},
                                 {QStringLiteral("attempts"), r.attempts},
                                 {QStringLiteral("createdAt"), r.createdAt},
                                 {QStringLiteral("sentAt"), r.sentAt}});
        lines << QStringLiteral("%1  %2  %3  %4  attempts %5")
                     .arg(r.id, channel.leftJustified(5), r.state.leftJustified(7), r.templateKey)
                     .arg(r.attempts);
    }
    out.json = {{QStringLiteral("notifications"), array}};
    out.text = lines.isEmpty() ? QStringLiteral("no notifications") : lines.join(u'\n');
    return out;
}

Result<AdminOutput> retryNotification(AdminContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("usage: notifications retry ID"));
    NotificationRepository rows(ctx.store->db(), ctx.store->cipher());
    auto retried = rows.retry(args[0], TimeText::utcNow());
    if (!retried)
        return retried.error();
    if (!retried.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no failed notification %1").arg(args[0]));
    if (auto a = ctx.recordAdmin(QStringLiteral("notification"), args[0],
                                 QStringLiteral("failed notification queued again"));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("id"), args[0]},
                {QStringLiteral("state"), QStringLiteral("queued")}};
    out.text = QStringLiteral("notification %1 queued again").arg(args[0]);
    return out;
}

// `notifications template show|set|preview|reset --template KEY --language en|es`; set reads
// the body from stdin and takes --subject.
Result<AdminOutput> templateCommand(AdminContext &ctx, const QStringList &args)
{
    const QString action = args.value(0);
    const QString key = opt(ctx, "template");
    const QString language =
        opt(ctx, "language").isEmpty() ? QStringLiteral("en") : opt(ctx, "language");
    if (args.size() != 1 || !QStringList{QStringLiteral("show"), QStringLiteral("set"),
                                         QStringLiteral("preview"), QStringLiteral("reset")}
                                 .contains(action))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: notifications template show|set|preview|reset "
                                        "--template KEY [--language en|es] [--subject TEXT]"));
    NotificationTemplates templates(ctx.store->db());
    NotificationTemplates::Template text;
    if (action == QLatin1String("set")) {
        text.subject = opt(ctx, "subject");
        QTextStream in(stdin);
        text.body = in.readAll().trimmed();
        if (auto saved = templates.save(key, language, text, ctx.operatorName); !saved)
            return saved.error();
        if (auto a = ctx.recordAdmin(QStringLiteral("notification_template"),
                                     key + QLatin1Char('/') + language,
                                     QStringLiteral("template changed"));
            !a)
            return a.error();
    } else if (action == QLatin1String("reset")) {
        if (auto valid = NotificationTemplates::validate(
                key, language, NotificationTemplates::builtIn(key, language));
            !valid)
            return valid.error();
        if (auto r = templates.reset(key, language); !r)
            return r.error();
        if (auto a = ctx.recordAdmin(QStringLiteral("notification_template"),
                                     key + QLatin1Char('/') + language,
                                     QStringLiteral("template reset to the built-in text"));
            !a)
            return a.error();
    }
    auto stored = templates.get(key, language);
    if (!stored)
        return stored.error();
    if (stored->body.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("unknown template '%1'").arg(key));
    text = stored.value();
    if (action == QLatin1String("preview")) {
        const auto settings = NotificationSettings::load(ctx.store->dataDir());
        const auto values = NotificationTemplates::sampleValues(
            settings.clinicName, settings.clinicPhone, QDate::currentDate());
        text = {NotificationTemplates::render(text.subject, values),
                NotificationTemplates::render(text.body, values)};
    }
    AdminOutput out;
    out.json = {{QStringLiteral("template"), key},
                {QStringLiteral("language"), language},
                {QStringLiteral("subject"), text.subject},
                {QStringLiteral("body"), text.body}};
    out.text = QStringLiteral("Subject: %1\n\n%2").arg(text.subject, text.body);
    return out;
}

// Consent as the intake records it, for a patient id (staff member: the operator).
Result<AdminOutput> consentCommand(AdminContext &ctx, const QStringList &)
{
    const auto yesNo = [&](const char *name, bool current) -> Result<bool> {
        const QString value = opt(ctx, name);
        if (value.isEmpty())
            return current;
        if (value == QLatin1String("yes") || value == QLatin1String("no"))
            return value == QLatin1String("yes");
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--%1 is yes or no").arg(QLatin1String(name)));
    };
    const QString patient = opt(ctx, "patient");
    PatientConsentStore consents(ctx.store->db(), ctx.store->cipher());
    auto before = consents.consent(patient);
    if (!before)
        return before.error();
    auto email = yesNo("email", before->email());
    auto sms = yesNo("sms", before->sms());
    if (!email)
        return email.error();
    if (!sms)
        return sms.error();
    const QString language =
        opt(ctx, "language").isEmpty() ? before->language : opt(ctx, "language");
    if (auto r = consents.setConsent(patient, *email, *sms, language, ctx.operatorName); !r)
        return r.error();
    if (auto a = ctx.recordAdmin(QStringLiteral("patient"), patient,
                                 QStringLiteral("message consent: email %1, sms %2, language %3")
                                     .arg(*email ? "yes" : "no", *sms ? "yes" : "no", language));
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("patient"), patient},
                {QStringLiteral("email"), *email},
                {QStringLiteral("sms"), *sms},
                {QStringLiteral("language"), language}};
    out.text = QStringLiteral("consent recorded: e-mail %1, texts %2, language %3")
                   .arg(*email ? "yes" : "no", *sms ? "yes" : "no", language);
    return out;
}

} // namespace

QList<AdminCommand> notificationsStateCommands()
{
    return {
        {QStringLiteral("notifications"),
         QStringLiteral("list"),
         QStringLiteral("[--state S] [--visit ID]: ids, channel, state (no patient data)"),
         listNotifications,
         {{QStringLiteral("state"), QStringLiteral("queued, sent, failed, held or blocked."),
           QStringLiteral("STATE")},
          {QStringLiteral("visit"), QStringLiteral("one visit's notifications."),
           QStringLiteral("ID")}}},
        {QStringLiteral("notifications"), QStringLiteral("retry"),
         QStringLiteral("ID: queue a failed notification again"), retryNotification},
        {QStringLiteral("notifications"),
         QStringLiteral("template"),
         QStringLiteral("show|set|preview|reset --template KEY [--language en|es] "
                        "[--subject TEXT] (set: body on stdin)"),
         templateCommand,
         {{QStringLiteral("template"), QStringLiteral("the event's template key."),
           QStringLiteral("KEY")},
          {QStringLiteral("language"), QStringLiteral("en or es."), QStringLiteral("LANG")},
          {QStringLiteral("subject"), QStringLiteral("the e-mail subject."),
           QStringLiteral("TEXT")}}},
        {QStringLiteral("notifications"),
         QStringLiteral("consent"),
         QStringLiteral("--patient ID [--email yes|no] [--sms yes|no] [--language en|es]"),
         consentCommand,
         {{QStringLiteral("patient"), QStringLiteral("the patient's id."), QStringLiteral("ID")},
          {QStringLiteral("email"), QStringLiteral("consent to e-mail."), QStringLiteral("yes|no")},
          {QStringLiteral("sms"), QStringLiteral("consent to texts."), QStringLiteral("yes|no")},
          {QStringLiteral("language"), QStringLiteral("en or es."), QStringLiteral("LANG")}}},
    };
}

} // namespace clinicdesk
