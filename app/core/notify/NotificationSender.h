#pragma once

#include "base/Result.h"
#include "notify/NotificationSettings.h"
#include "store/NotificationRepository.h"

#include <QDateTime>

#include <functional>

namespace clinicdesk {

class Database;
class FieldCipher;

// Delivers the `notifications` outbox (issue 17). Each run claims due rows with a lease (two
// senders never hold the same row), then for each: re-reads the patient's consent (a withdrawal
// blocks it at once), holds a text during quiet hours until they end, renders the template in the
// patient's language, sends it (e-mail with the Message-ID <notification-ID@clinicdesk>, the same
// on every attempt), and marks it sent, or retries it with exponential backoff until
// maxAttempts, then failed.
//
// Exactly once in effect: the only window for a second message is between the server accepting
// one and the row being marked sent (a crash there resends after the lease ends, with the same
// Message-ID, so the receiving side can tell); tst_notificationsender measures that window.
class NotificationSender
{
public:
    struct Options
    {
        QString owner; // this sender's name in the lease
        int leaseMs = 120000;
        int batch = 20;
        int backoffMs = 30000; // first retry; doubled per attempt, at most an hour
        std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    };
    struct Report
    {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int held = 0;
        int blocked = 0;
        int claimed = 0;
    };

    NotificationSender(Database &db, const FieldCipher &cipher, NotificationSettings settings,
                       Options options);

    static QString messageId(const QString &notificationId);
    Result<Report> runOnce();
    // The settings the next run uses (NotificationWorker re-reads them when they change).
    void setSettings(NotificationSettings settings) { m_settings = std::move(settings); }

private:
    Result<void> deliver(const NotificationRepository::Record &row, Report &report);

    Database &m_db;
    const FieldCipher &m_cipher;
    NotificationSettings m_settings;
    Options m_options;
    NotificationRepository m_rows;
};

} // namespace clinicdesk
