#pragma once

#include "base/Result.h"
#include "domain/PatientNotice.h"

#include <QString>

namespace clinicdesk {

class Database;
class FieldCipher;

// A patient's consent to messages and the little a message needs (issue 17), on the `patients`
// table beside PatientRepository's demographics: per channel consent with its time and staff
// member, the preferred language, and, for the sender only, the first name, e-mail address and
// phone number opened from their sealed columns. Works on any connection (the sender's thread
// has its own).
class PatientConsentStore
{
public:
    struct Contact
    {
        NotificationConsent consent;
        QString firstName;
        QString email;
        QString phone;
    };

    PatientConsentStore(Database &db, const FieldCipher &cipher)
        : m_db(db)
        , m_cipher(cipher)
    {}

    // NotFound for an unknown patient.
    Result<NotificationConsent> consent(const QString &patientId);
    // Records consent given (true) or withdrawn (false) for each channel, by `staffUser`, now;
    // a channel whose answer does not change keeps its original time and staff member. The
    // language must be en or es.
    Result<void> setConsent(const QString &patientId, bool email, bool sms, const QString &language,
                            const QString &staffUser);
    Result<Contact> contact(const QString &patientId);

private:
    Database &m_db;
    const FieldCipher &m_cipher;
};

} // namespace clinicdesk
