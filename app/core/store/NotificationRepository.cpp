#include "store/NotificationRepository.h"

#include "base/TimeText.h"
#include "crypto/FieldCipher.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("notifications");
const QString kParams = QStringLiteral("params");
const QString kLastError = QStringLiteral("last_error");
const QString kColumns =
    QStringLiteral("id, visit_id, patient_id, event_id, template, channel, state, attempts, "
                   "next_attempt_at, created_at, updated_at, sent_at, params, last_error");
// Free: not leased, or its lease ran out (its sender died mid-send).
const QString kFree = QStringLiteral("(lease_expires_at IS NULL OR lease_expires_at <= ?)");

NotificationRepository::Record recordFrom(const QSqlQuery &q)
{
    NotificationRepository::Record r;
    r.id = q.value(0).toString();
    r.visitId = q.value(1).toString();
    r.patientId = q.value(2).toString();
    r.eventId = q.value(3).toString();
    r.templateKey = q.value(4).toString();
    r.channel = NotificationRepository::channelFromName(q.value(5).toString())
                    .value_or(NotificationRepository::Channel::Email);
    r.state = q.value(6).toString();
    r.attempts = q.value(7).toInt();
    r.nextAttemptAt = q.value(8).toString();
    r.createdAt = q.value(9).toString();
    r.updatedAt = q.value(10).toString();
    r.sentAt = q.value(11).toString();
    r.params = q.value(12).toByteArray();
    r.lastError = q.value(13).toByteArray();
    return r;
}

} // namespace

QString NotificationRepository::channelName(Channel channel)
{
    return channel == Channel::Sms ? QStringLiteral("sms") : QStringLiteral("email");
}

std::optional<NotificationRepository::Channel>
NotificationRepository::channelFromName(const QString &name)
{
    if (name == QLatin1String("email"))
        return Channel::Email;
    if (name == QLatin1String("sms"))
        return Channel::Sms;
    return std::nullopt;
}

Result<QList<NotificationRepository::Record>>
NotificationRepository::claim(const QString &owner, const QString &now, const QString &leaseUntil,
                              int limit)
{
    auto due = m_db.exec(QStringLiteral("SELECT id FROM notifications WHERE state IN ('queued', "
                                        "'held') AND next_attempt_at <= ? AND %1 "
                                        "ORDER BY next_attempt_at, id LIMIT ?")
                             .arg(kFree),
                         {now, now, limit});
    if (!due)
        return due.error();
    QStringList ids;
    while (due->next())
        ids.append(due->value(0).toString());
    due->finish();
    QList<Record> claimed;
    for (const QString &id : std::as_const(ids)) {
        // The compare-and-set: only one sender's UPDATE matches a free row.
        auto taken = m_db.exec(QStringLiteral("UPDATE notifications SET lease_owner = ?, "
                                              "lease_expires_at = ? WHERE id = ? AND state IN "
                                              "('queued', 'held') AND %1")
                                   .arg(kFree),
                               {owner, leaseUntil, id, now});
        if (!taken)
            return taken.error();
        if (taken->numRowsAffected() != 1)
            continue;
        auto row = m_db.exec(
            QStringLiteral("SELECT %1 FROM notifications WHERE id = ?").arg(kColumns), {id});
        if (!row)
            return row.error();
        if (row->next())
            claimed.append(recordFrom(*row));
        row->finish();
    }
    return claimed;
}

Result<bool> NotificationRepository::finish(const QString &sql, const QVariantList &values)
{
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<bool> NotificationRepository::markSent(const QString &id, const QString &owner,
                                              const QString &now)
{
    return finish(QStringLiteral("UPDATE notifications SET state = 'sent', sent_at = ?, "
                                 "updated_at = ?, attempts = attempts + 1, lease_owner = NULL, "
                                 "lease_expires_at = NULL WHERE id = ? AND lease_owner = ?"),
                  {now, now, id, owner});
}

Result<bool> NotificationRepository::markRetry(const QString &id, const QString &owner,
                                               const QString &error, const QString &nextAttemptAt,
                                               bool giveUp)
{
    auto sealed = m_cipher.seal(kTable, id, kLastError, error.toUtf8());
    if (!sealed)
        return sealed.error();
    return finish(QStringLiteral("UPDATE notifications SET state = ?, attempts = attempts + 1, "
                                 "next_attempt_at = ?, last_error = ?, updated_at = ?, "
                                 "lease_owner = NULL, lease_expires_at = NULL "
                                 "WHERE id = ? AND lease_owner = ?"),
                  {giveUp ? QStringLiteral("failed") : QStringLiteral("queued"), nextAttemptAt,
                   sealed.value(), TimeText::utcNow(), id, owner});
}

Result<bool> NotificationRepository::markHeld(const QString &id, const QString &owner,
                                              const QString &until)
{
    return finish(QStringLiteral("UPDATE notifications SET state = 'held', next_attempt_at = ?, "
                                 "updated_at = ?, lease_owner = NULL, lease_expires_at = NULL "
                                 "WHERE id = ? AND lease_owner = ?"),
                  {until, TimeText::utcNow(), id, owner});
}

Result<bool> NotificationRepository::markBlocked(const QString &id, const QString &owner,
                                                 const QString &reason)
{
    auto sealed = m_cipher.seal(kTable, id, kLastError, reason.toUtf8());
    if (!sealed)
        return sealed.error();
    return finish(QStringLiteral("UPDATE notifications SET state = 'blocked', last_error = ?, "
                                 "updated_at = ?, lease_owner = NULL, lease_expires_at = NULL "
                                 "WHERE id = ? AND lease_owner = ?"),
                  {sealed.value(), TimeText::utcNow(), id, owner});
}

Result<bool> NotificationRepository::retry(const QString &id, const QString &now)
{
    return finish(QStringLiteral("UPDATE notifications SET state = 'queued', attempts = 0, "
                                 "next_attempt_at = ?, updated_at = ? "
                                 "WHERE id = ? AND state = 'failed'"),
                  {now, now, id});
}

Result<QList<NotificationRepository::Record>>
NotificationRepository::list(const QString &visitId, const QString &state, int limit)
{
    QString sql = QStringLiteral("SELECT %1 FROM notifications WHERE 1 = 1").arg(kColumns);
    QVariantList values;
    if (!visitId.isEmpty()) {
        sql += QStringLiteral(" AND visit_id = ?");
        values << visitId;
    }
    if (!state.isEmpty()) {
        sql += QStringLiteral(" AND state = ?");
        values << state;
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id LIMIT ?");
    values << limit;
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    QList<Record> out;
    while (q->next())
        out.append(recordFrom(*q));
    return out;
}

Result<QHash<QString, QString>> NotificationRepository::openParams(const Record &record) const
{
    QHash<QString, QString> params;
    if (record.params.isEmpty())
        return params;
    auto plain = m_cipher.open(kTable, record.id, kParams, record.params);
    if (!plain)
        return plain.error();
    const QJsonObject object = QJsonDocument::fromJson(plain.value()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        params.insert(it.key(), it.value().toString());
    return params;
}

Result<QString> NotificationRepository::openLastError(const Record &record) const
{
    if (record.lastError.isEmpty())
        return QString();
    auto plain = m_cipher.open(kTable, record.id, kLastError, record.lastError);
    if (!plain)
        return plain.error();
    return QString::fromUtf8(plain.value());
}

NotificationRepository::Batch::Batch(Database &db, const FieldCipher &cipher)
    : m_cipher(cipher)
    , m_insert(db.handle())
    , m_consent(db.handle())
{}

Result<void> NotificationRepository::Batch::prepare()
{
    if (auto r = Database::prepare(
            m_insert,
            QStringLiteral("INSERT INTO notifications (id, visit_id, patient_id, event_id, "
                           "template, channel, state, attempts, next_attempt_at, params, "
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) "
                           "ON CONFLICT (event_id, template, channel) DO NOTHING"));
        !r)
        return r;
    return Database::prepare(m_consent,
                             QStringLiteral("SELECT email_consent_at, sms_consent_at FROM "
                                            "patients WHERE id = ?"));
}

Result<NotificationConsent> NotificationRepository::Batch::consentOf(const QString &patientId)
{
    if (auto it = m_consents.constFind(patientId); it != m_consents.cend())
        return it.value();
    if (auto r = Database::run(m_consent, {patientId}); !r)
        return r.error();
    NotificationConsent consent;
    if (m_consent.next()) {
        consent.emailAt = m_consent.value(0).toString();
        consent.smsAt = m_consent.value(1).toString();
    }
    m_consent.finish();
    m_consents.insert(patientId, consent);
    return consent;
}

Result<int> NotificationRepository::Batch::enqueue(const QString &visitId, const QString &patientId,
                                                   const QString &eventId,
                                                   const PatientNotice &notice, const QString &now)
{
    auto consent = consentOf(patientId);
    if (!consent)
        return consent.error();
    int inserted = 0;
    for (const Channel channel : {Channel::Email, Channel::Sms}) {
        const bool allowed = channel == Channel::Email ? consent->email() : consent->sms();
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVariant params = QVariant(QMetaType::fromType<QByteArray>());
        if (!notice.params.isEmpty()) {
            QJsonObject object;
            for (auto it = notice.params.begin(); it != notice.params.end(); ++it)
                object.insert(it.key(), it.value());
            auto sealed = m_cipher.seal(kTable, id, kParams,
                                        QJsonDocument(object).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            params = sealed.value();
        }
        if (auto r = Database::run(m_insert,
                                   {id, visitId, patientId, eventId, notice.templateKey,
                                    channelName(channel),
                                    allowed ? QStringLiteral("queued") : QStringLiteral("blocked"),
                                    now, params, now, now});
            !r)
            return r.error();
        inserted += m_insert.numRowsAffected() > 0 ? 1 : 0;
    }
    return inserted;
}

} // namespace clinicdesk
