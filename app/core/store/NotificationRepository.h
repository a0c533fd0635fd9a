#pragma once

#include "base/Result.h"
#include "domain/PatientNotice.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace clinicdesk {

class Database;
class FieldCipher;

// The `notifications` table (issue 17): the transactional outbox of messages to patients. The
// relay adds rows in the transaction of the event that causes them (Batch); senders claim due
// rows with a lease (a compare-and-set, so two senders never hold the same row), then mark them
// sent, retried, held or blocked. No address, number or name is ever stored here: the sender
// reads them from the patient record when it sends.
class NotificationRepository
{
public:
    enum class Channel
    {
        Email,
        Sms,
    };
    struct Record
    {
        QString id;
        QString visitId;
        QString patientId;
        QString eventId;
        QString templateKey;
        Channel channel = Channel::Email;
        QString state; // queued, sent, failed, held, blocked
        int attempts = 0;
        QString nextAttemptAt;
        QString createdAt;
        QString updatedAt;
        QString sentAt;
        QByteArray params;    // sealed
        QByteArray lastError; // sealed
    };
    class Batch;

    NotificationRepository(Database &db, const FieldCipher &cipher)
        : m_db(db)
        , m_cipher(cipher)
    {}

    static QString channelName(Channel channel);
    static std::optional<Channel> channelFromName(const QString &name);

    // Claims up to `limit` rows that are due (queued or held, next_attempt_at <= now) and not
    // leased by another sender, for `owner` until `leaseUntil`. A row another sender claims
    // first is skipped.
    Result<QList<Record>> claim(const QString &owner, const QString &now, const QString &leaseUntil,
                                int limit);
    // Each of these ends the lease; false when `owner` no longer holds it (it expired and another
    // sender claimed the row: that sender decides).
    Result<bool> markSent(const QString &id, const QString &owner, const QString &now);
    Result<bool> markRetry(const QString &id, const QString &owner, const QString &error,
                           const QString &nextAttemptAt, bool giveUp);
    Result<bool> markHeld(const QString &id, const QString &owner, const QString &until);
    Result<bool> markBlocked(const QString &id, const QString &owner, const QString &reason);
    // A failed row queued again now (admin Retry). False when it is not failed.
    Result<bool> retry(const QString &id, const QString &now);

    // Newest first; filtered by visit and/or state when given.
    Result<QList<Record>> list(const QString &visitId = {}, const QString &state = {},
                               int limit = 1000);
    Result<QHash<QString, QString>> openParams(const Record &record) const;
    Result<QString> openLastError(const Record &record) const;

private:
    Result<bool> finish(const QString &sql, const QVariantList &values);

    Database &m_db;
    const FieldCipher &m_cipher;
};

// The relay's side: statements prepared once per batch. For each notice, one row per channel;
// a channel the patient has not consented to gets a `blocked` row (visible, never sent).
class NotificationRepository::Batch
{
public:
    Batch(Database &db, const FieldCipher &cipher);

    Result<void> prepare();
    // Inserts nothing for a (event, template, channel) that already has a row.
    Result<int> enqueue(const QString &visitId, const QString &patientId, const QString &eventId,
                        const PatientNotice &notice, const QString &now);

private:
    Result<NotificationConsent> consentOf(const QString &patientId);

    const FieldCipher &m_cipher;
    QSqlQuery m_insert;
    QSqlQuery m_consent;
    QHash<QString, NotificationConsent> m_consents; // per patient, for this batch
};

} // namespace clinicdesk
