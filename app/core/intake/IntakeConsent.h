#pragma once

#include "domain/PatientNotice.h"

#include <QString>

namespace clinicdesk {

class IntakeForm;

// The intake's message questions (resources/questionnaires/patient.json, issue 17): consent to
// e-mail, consent to texts, the language of messages. The clinic's own record: never sent to
// the provider (BelugaAdapter skips them). A new patient who leaves them unanswered has no
// consent and English; for a known patient an unanswered question keeps what the record says
// (only an explicit "no" withdraws), so a later intake never withdraws consent by omission.
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
    // The same, with each question left unanswered taken from `recorded` (the patient's record).
    static NotificationConsent of(const IntakeForm &form, const NotificationConsent &recorded);
};

} // namespace clinicdesk
