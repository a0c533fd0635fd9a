#include "visits/IntakeSubmission.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "intake/CheckinRules.h"
#include "intake/IntakeConsent.h"
#include "provider/BelugaAdapter.h"
#include "store/LocalStore.h"
#include "store/PatientConsentStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace clinicdesk {

Result<IntakeSubmission::Outcome> IntakeSubmission::submit(LocalStore &store,
                                                           const IntakeForm &form,
                                                           const Draft &draft,
                                                           const QString &byUser)
{
    if (form.questionnaire().name() == QLatin1String("patient") || form.questionnaire().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose a visit type first."));
    const QList<IntakeIssue> issues = form.validate();
    if (!issues.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            tr("%n answer(s) need attention before submitting.", nullptr, int(issues.size())));
    Outcome out;
    out.visitId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.masterId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    out.questionnaireResponse =
        form.questionnaireResponse(QStringLiteral("completed"), out.masterId);
    QJsonObject body = BelugaAdapter::createVisitBody(form.submissionView(), out.masterId, {});
    if (form.questionnaire().name() == DueList::checkinType()) {
        // A check-in carries the dose choice and the BMI's digits as the provider reads them.
        const QString t = form.answer(CheckinRules::kTitration).toString();
        const std::optional<double> bmi = CheckinRules::bmi(form);
        body = BelugaAdapter::asCheckin(body,
                                        t == QLatin1String("Increase") ? CheckinTitration::Increase
                                        : t == QLatin1String("Decrease")
                                            ? CheckinTitration::Decrease
                                            : CheckinTitration::StayTheSame,
                                        bmi ? CheckinRules::providerDigits(*bmi) : 0);
    }
    const QString now = TimeText::utcNow();

    auto r = store.db().transaction([&]() -> Result<void> {
        PatientRepository patients(store);
        Patient patient = form.patient();
        patient.id = draft.patientId;
        auto patientId = patients.save(patient, byUser);
        if (!patientId)
            return patientId.error();
        out.patientId = patientId.value();
        // Message consent as the intake recorded it, by the staff member who submits it; a
        // question left unanswered keeps what the patient's record says.
        PatientConsentStore consents(store.db(), store.cipher());
        auto recorded = consents.consent(out.patientId);
        if (!recorded)
            return recorded.error();
        const NotificationConsent consent = IntakeConsent::of(form, recorded.value());
        if (auto c = consents.setConsent(out.patientId, consent.email(), consent.sms(),
                                         consent.language, byUser);
            !c)
            return c.error();
        if (auto ins = VisitRepository(store).insert(
                {out.visitId, out.masterId, out.patientId, form.questionnaire().name(), byUser, now,
                 body, out.questionnaireResponse,
                 VisitRepository::monthsOfSupply(BelugaAdapter::supplyDaysOf(body))});
            !ins)
            return ins.error();
        if (!draft.id.isEmpty()) {
            auto del =
                store.db().exec(QStringLiteral("DELETE FROM drafts WHERE id = ?"), {draft.id});
            if (!del)
                return del.error();
        }
        return {};
    });
    if (!r)
        return r.error();
    qCInfo(lcVisits) << "draft" << draft.id << "submitted as queued visit" << out.visitId;
    return out;
}

} // namespace clinicdesk
