#include "store/PatientConsentStore.h"

#include "base/TimeText.h"
#include "crypto/FieldCipher.h"
#include "store/Database.h"

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("patients");

} // namespace

Result<NotificationConsent> PatientConsentStore::consent(const QString &patientId)
{
    auto row = m_db.exec(QStringLiteral("SELECT email_consent_at, email_consent_by, "
                                        "sms_consent_at, sms_consent_by, language FROM patients "
                                        "WHERE id = ?"),
                         {patientId});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no patient with id %1").arg(patientId));
    NotificationConsent c;
    c.emailAt = row->value(0).toString();
    c.emailBy = row->value(1).toString();
    c.smsAt = row->value(2).toString();
    c.smsBy = row->value(3).toString();
    c.language = row->value(4).toString();
    return c;
}

Result<void> PatientConsentStore::setConsent(const QString &patientId, bool email, bool sms,
                                             const QString &language, const QString &staffUser)
{
    if (language != QLatin1String("en") && language != QLatin1String("es"))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the preferred language must be en or es"));
    auto before = consent(patientId);
    if (!before)
        return before.error();
    const QString now = TimeText::utcNow();
    const auto keep = [&](bool given, const QString &at, const QString &by) {
        return given ? (at.isEmpty() ? std::pair{now, staffUser} : std::pair{at, by})
                     : std::pair{QString(), QString()};
    };
    const auto [emailAt, emailBy] = keep(email, before->emailAt, before->emailBy);
    const auto [smsAt, smsBy] = keep(sms, before->smsAt, before->smsBy);
    const auto nullable = [](const QString &s) {
        return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
    };
    auto r = m_db.exec(QStringLiteral("UPDATE patients SET email_consent_at = ?, "
                                      "email_consent_by = ?, sms_consent_at = ?, "
                                      "sms_consent_by = ?, language = ?, updated_at = ? "
                                      "WHERE id = ?"),
                       {nullable(emailAt), nullable(emailBy), nullable(smsAt), nullable(smsBy),
                        language, now, patientId});
    if (!r)
        return r.error();
    return {};
}

Result<PatientConsentStore::Contact> PatientConsentStore::contact(const QString &patientId)
{
    auto c = consent(patientId);
    if (!c)
        return c.error();
    auto row = m_db.exec(
        QStringLiteral("SELECT first_name, email, phone FROM patients WHERE id = ?"), {patientId});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no patient with id %1").arg(patientId));
    Contact contact;
    contact.consent = c.value();
    QString *into[] = {&contact.firstName, &contact.email, &contact.phone};
    const char *columns[] = {"first_name", "email", "phone"};
    for (int i = 0; i < 3; ++i) {
        auto text = m_cipher.openText(kTable, patientId, QLatin1String(columns[i]),
                                      row->value(i).toByteArray());
        if (!text)
            return text.error();
        *into[i] = text.value();
    }
    return contact;
}

} // namespace clinicdesk
