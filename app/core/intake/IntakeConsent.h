#pragma once

#include "domain/PatientNotice.h"

#include <QString>

namespace clinicdesk {

class IntakeForm;

// The intake's message questions (resources/questionnaires/patient.json, issue 17): consent to
// e-mail, consent to texts, the language of messages. The clinic's own record: never sent to
// the provider (BelugaAdapter skips them). Unanswered is no consent, English.
struct IntakeConsent
{
    static inline const QString kEmail = QStringLiteral("patient.consentEmail");
    static inline const QString kSms = QStringLiteral("patient.consentSms");
    static inline const QString kLanguage = QStringLiteral("patient.language");

    static bool isConsentItem(const QString &linkId)
    {
        return linkId == kEmail || linkId == kSms || linkId == kLanguage;
    }
    // The answers as consent (times and staff member are set when it is recorded).
    static NotificationConsent of(const IntakeForm &form);
};

} // namespace clinicdesk
