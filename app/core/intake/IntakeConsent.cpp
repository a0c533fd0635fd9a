#include "intake/IntakeConsent.h"

#include "intake/IntakeForm.h"

namespace clinicdesk {

NotificationConsent IntakeConsent::of(const IntakeForm &form)
{
    NotificationConsent consent;
    // Only "at" is read by the caller as given / not given.
    if (form.isEnabled(kEmail) && form.answer(kEmail).toBool(false))
        consent.emailAt = QStringLiteral("given");
    if (form.isEnabled(kSms) && form.answer(kSms).toBool(false))
        consent.smsAt = QStringLiteral("given");
    consent.language =
        form.text(kLanguage) == QLatin1String("es") ? QStringLiteral("es") : QStringLiteral("en");
    return consent;
}

NotificationConsent IntakeConsent::of(const IntakeForm &form, const NotificationConsent &recorded)
{
    NotificationConsent consent = of(form);
    const auto unanswered = [&form](const QString &id) {
        return !form.isEnabled(id) || !form.isAnswered(id);
    };
    if (unanswered(kEmail))
        consent.emailAt = recorded.emailAt;
    if (unanswered(kSms))
        consent.smsAt = recorded.smsAt;
    if (unanswered(kLanguage))
        consent.language = recorded.language;
    return consent;
}

} // namespace clinicdesk
