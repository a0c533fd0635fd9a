#pragma once

#include "base/Result.h"
#include "notify/MessageTransport.h"

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace clinicdesk {

// Where patient messages go and how (issue 17): [notifications] in <data dir>/clinicdesk.ini,
// written by `clinicdesk-admin notifications configure` and `notifications sms configure`.
// The SMTP password and the SMS token are never in the file: they live in the OS keychain
// (service "ClinicDesk", entries "notify-smtp-password/default" and "notify-sms-token/default").
struct NotificationSettings
{
    SmtpMailer::Config smtp;
    SmsGateway::Config sms;
    QString clinicName = QStringLiteral("the clinic");
    QString clinicPhone;
    // Quiet hours for texts, in the clinic's time zone: none are sent from quietStart to quietEnd.
    QTimeZone timeZone = QTimeZone::systemTimeZone();
    QTime quietStart = QTime(21, 0);
    QTime quietEnd = QTime(8, 0);
    int maxAttempts = 8;

    bool emailConfigured() const { return !smtp.url.isEmpty(); }
    bool smsConfigured() const { return !sms.url.isEmpty(); }

    static QString path(const QString &dataDir);
    // The file's settings (no secrets). Missing keys keep their defaults.
    static NotificationSettings load(const QString &dataDir);
    // Adds the keychain's secrets for what is configured; an absent entry is no secret.
    Result<void> loadSecrets();

    // True when `utc` falls in the quiet hours in the clinic's time zone.
    bool quiet(const QDateTime &utc) const;
    // The end of the quiet hours that `utc` falls in (UTC).
    QDateTime quietEndsAt(const QDateTime &utc) const;

    static Result<void> saveSmtpPassword(const QByteArray &password);
    static Result<void> saveSmsToken(const QByteArray &token);
};

} // namespace clinicdesk
