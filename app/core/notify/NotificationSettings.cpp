#include "notify/NotificationSettings.h"

#include "keys/Keychain.h"

#include <QDir>
#include <QSettings>

namespace clinicdesk {
namespace {

const QString kService = QStringLiteral("ClinicDesk");
const QString kSmtpPassword = QStringLiteral("notify-smtp-password/default");
const QString kSmsToken = QStringLiteral("notify-sms-token/default");

Result<QByteArray> optionalSecret(const QString &entry, const QString &what)
{
    auto secret = keychain::read(kService, entry, what);
    if (!secret && secret.error().code == ErrorCode::KeyNotFound)
        return QByteArray();
    return secret;
}

} // namespace

QString NotificationSettings::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("clinicdesk.ini"));
}

NotificationSettings NotificationSettings::load(const QString &dataDir)
{
    NotificationSettings s;
    const QSettings file(path(dataDir), QSettings::IniFormat);
    const auto text = [&](const char *key, const QString &fallback = {}) {
        return file.value(QStringLiteral("notifications/") + QLatin1String(key), fallback)
            .toString();
    };
    s.smtp.url = QUrl(text("smtpUrl"));
    s.smtp.from = text("from");
    s.smtp.caFile = text("caFile");
    s.smtp.user = text("smtpUser");
    s.sms.url = QUrl(text("smsUrl"));
    s.sms.account = text("smsAccount");
    s.sms.from = text("smsFrom");
    s.sms.caFile = text("smsCaFile");
    s.clinicName = text("clinicName", s.clinicName);
    s.clinicPhone = text("clinicPhone");
    if (const QString zone = text("timeZone"); !zone.isEmpty()) {
        const QTimeZone tz(zone.toUtf8());
        if (tz.isValid())
            s.timeZone = tz;
    }
    for (auto [key, into] : {std::pair{"quietStart", &s.quietStart}, {"quietEnd", &s.quietEnd}}) {
        const QTime t = QTime::fromString(text(key), QStringLiteral("HH:mm"));
        if (t.isValid())
            *into = t;
    }
    s.maxAttempts = std::max(1, file.value(QStringLiteral("notifications/maxAttempts"), 8).toInt());
    return s;
}

Result<void> NotificationSettings::loadSecrets()
{
    if (emailConfigured() && !smtp.user.isEmpty()) {
        auto password = optionalSecret(kSmtpPassword, QStringLiteral("reading the SMTP password"));
        if (!password)
            return password.error();
        smtp.password = password.value();
    }
    if (smsConfigured()) {
        auto token = optionalSecret(kSmsToken, QStringLiteral("reading the SMS API token"));
        if (!token)
            return token.error();
        sms.token = token.value();
    }
    return {};
}

bool NotificationSettings::quiet(const QDateTime &utc) const
{
    if (quietStart == quietEnd)
        return false;
    const QTime local = utc.toTimeZone(timeZone).time();
    if (quietStart < quietEnd)
        return local >= quietStart && local < quietEnd;
    return local >= quietStart || local < quietEnd; // across midnight
}

QDateTime NotificationSettings::quietEndsAt(const QDateTime &utc) const
{
    const QDateTime local = utc.toTimeZone(timeZone);
    QDateTime end(local.date(), quietEnd, timeZone);
    if (end <= local)
        end = QDateTime(local.date().addDays(1), quietEnd, timeZone);
    return end.toUTC();
}

Result<void> NotificationSettings::saveSmtpPassword(const QByteArray &password)
{
    return keychain::write(kService, kSmtpPassword, password,
                           QStringLiteral("saving the SMTP password"));
}

Result<void> NotificationSettings::saveSmsToken(const QByteArray &token)
{
    return keychain::write(kService, kSmsToken, token, QStringLiteral("saving the SMS API token"));
}

} // namespace clinicdesk
