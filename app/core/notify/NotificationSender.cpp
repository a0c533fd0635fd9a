#include "notify/NotificationSender.h"

#include "base/TestSeam.h"
#include "base/TimeText.h"
#include "notify/NotificationTemplates.h"
#include "notify/NotifyLogging.h"
#include "store/PatientConsentStore.h"

namespace clinicdesk {
namespace {

// A mark that found its lease gone changed nothing: the sender that holds the row decides.
Result<void> done(const Result<bool> &marked)
{
    if (!marked)
        return marked.error();
    return {};
}

} // namespace

NotificationSender::NotificationSender(Database &db, const FieldCipher &cipher,
                                       NotificationSettings settings, Options options)
    : m_db(db)
    , m_cipher(cipher)
    , m_settings(std::move(settings))
    , m_options(std::move(options))
    , m_rows(db, cipher)
{}

QString NotificationSender::messageId(const QString &notificationId)
{
    return QStringLiteral("notification-%1@clinicdesk").arg(notificationId);
}

Result<NotificationSender::Report> NotificationSender::runOnce()
{
    Report report;
    const QDateTime now = m_options.now();
    auto claimed = m_rows.claim(m_options.owner, TimeText::utc(now),
                                TimeText::utc(now.addMSecs(m_options.leaseMs)), m_options.batch);
    if (!claimed)
        return claimed.error();
    report.claimed = int(claimed->size());
    for (const auto &row : std::as_const(claimed.value())) {
        if (auto r = deliver(row, report); !r)
            return r.error();
    }
    if (report.claimed > 0)
        qCInfo(lcNotify) << "notifications: claimed" << report.claimed << "sent" << report.sent
                         << "retried" << report.retried << "failed" << report.failed << "held"
                         << report.held << "blocked" << report.blocked;
    return report;
}

Result<void> NotificationSender::deliver(const NotificationRepository::Record &row, Report &report)
{
    using Channel = NotificationRepository::Channel;
    const QString &owner = m_options.owner;
    const QDateTime now = m_options.now();
    PatientConsentStore patients(m_db, m_cipher);
    auto contact = patients.contact(row.patientId);
    if (!contact && contact.error().code != ErrorCode::NotFound)
        return contact.error();
    const bool email = row.channel == Channel::Email;
    const bool consented = contact && (email ? contact->consent.email() : contact->consent.sms());
    if (!consented) {
        // Consent withdrawn since the row was written (or the patient is gone): never sent.
        ++report.blocked;
        qCInfo(lcNotify) << "notification" << row.id << "blocked: no consent";
        return done(
            m_rows.markBlocked(row.id, owner, QStringLiteral("no consent for this channel")));
    }
    if (!email && m_settings.quiet(now)) {
        ++report.held;
        const QDateTime until = m_settings.quietEndsAt(now);
        qCInfo(lcNotify) << "notification" << row.id << "held for quiet hours until"
                         << TimeText::utc(until);
        return done(m_rows.markHeld(row.id, owner, TimeText::utc(until)));
    }
    auto params = m_rows.openParams(row);
    if (!params)
        return params.error();
    QHash<QString, QString> values = params.value();
    values.insert(QStringLiteral("clinic_name"), m_settings.clinicName);
    values.insert(QStringLiteral("clinic_phone"), m_settings.clinicPhone);
    values.insert(QStringLiteral("first_name"), contact->firstName);
    values.insert(QStringLiteral("date"),
                  now.toTimeZone(m_settings.timeZone).date().toString(Qt::ISODate));
    auto text = NotificationTemplates(m_db).get(row.templateKey, contact->consent.language);
    if (!text)
        return text.error();
    const QString subject = NotificationTemplates::render(text->subject, values);
    const QString body = NotificationTemplates::render(text->body, values);

    DeliveryOutcome outcome;
    if (email && !m_settings.emailConfigured()) {
        outcome.error = QStringLiteral("e-mail is not configured");
    } else if (!email && !m_settings.smsConfigured()) {
        outcome.error = QStringLiteral("text messages are not configured");
    } else if (email) {
        outcome =
            SmtpMailer::send(m_settings.smtp, {contact->email, subject, body, messageId(row.id)});
    } else {
        outcome = SmsGateway::send(m_settings.sms, contact->phone, body);
    }
    if (outcome.delivered) {
        // The window: the server has the message and the row does not say so yet. A crash
        // point for tests (base/TestSeam.h; named here, not in its list, on this branch).
        testseam::pauseAt("notify-after-accept");
        auto marked = m_rows.markSent(row.id, owner, TimeText::utc(m_options.now()));
        if (!marked)
            return marked.error();
        ++report.sent;
        qCInfo(lcNotify) << "notification" << row.id << "sent by"
                         << NotificationRepository::channelName(row.channel)
                         << (marked.value() ? "" : "(lease had expired)");
        return {};
    }
    // A server's error may quote the recipient: kept out of the store (and so of the timeline).
    QString error = outcome.error;
    for (const QString &recipient :
         {contact->email, contact->phone, SmsGateway::e164(contact->phone)}) {
        if (!recipient.trimmed().isEmpty())
            error.replace(recipient.trimmed(), QStringLiteral("[recipient]"), Qt::CaseInsensitive);
    }
    const int attempts = row.attempts + 1;
    const bool giveUp = outcome.permanent || attempts >= m_settings.maxAttempts;
    const qint64 delay =
        std::min<qint64>(qint64(m_options.backoffMs) << std::min(attempts - 1, 20), 3600000);
    auto marked =
        m_rows.markRetry(row.id, owner, outcome.error, TimeText::utc(now.addMSecs(delay)), giveUp);
    if (!marked)
        return marked.error();
    ++(giveUp ? report.failed : report.retried);
    qCWarning(lcNotify) << "notification" << row.id << "attempt" << attempts << "not delivered,"
                        << "code" << outcome.code << (giveUp ? "failed" : "will retry");
    return {};
}

} // namespace clinicdesk
