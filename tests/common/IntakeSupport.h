#pragma once

#include "domain/Patient.h"
#include "intake/Draft.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/Outbox.h"
#include "store/LocalStore.h"
#include "visits/IntakeSubmission.h"

#include <QDate>
#include <QString>

// Visits made the way staff make them: a complete intake submitted through IntakeSubmission (the
// patient record, the queued visit with its sealed createNoPay body and QuestionnaireResponse,
// a fresh masterId), then, where a test needs it, accepted by the provider as the outbox records
// it. No visit row is written by hand. Synthetic data only.
namespace clinicdesk::test {

// A synthetic patient; `phone` tells patients apart (10 digits).
inline Patient intakePatient(const QString &phone,
                             const QString &firstName = QStringLiteral("Luis"),
                             const QString &lastName = QStringLiteral("Pérez"))
{
    Patient p;
    p.firstName = firstName;
    p.lastName = lastName;
    p.dob = QDate(1990, 1, 31);
    p.sex = QStringLiteral("Male");
    p.phone = phone;
    p.email = QStringLiteral("luis@example.org");
    p.address = QStringLiteral("9 Elm St");
    p.city = QStringLiteral("Dallas");
    p.state = QStringLiteral("TX");
    p.zip = QStringLiteral("75201");
    return p;
}

inline const QuestionnaireLibrary &intakeLibrary()
{
    static const QuestionnaireLibrary library = QuestionnaireLibrary::load();
    return library;
}

// A hair-loss intake for `patient` that passes the intake's and the provider's rules.
inline IntakeForm hairLossIntake(const Patient &patient)
{
    IntakeForm form(intakeLibrary().intake(QStringLiteral("hairloss")));
    form.setPatient(patient);
    for (const char *id :
         {"family", "scalp", "fatherchild", "prostate", "depression", "heart", "liver"})
        form.setAnswer(QString::fromLatin1(id), false);
    const QList<std::pair<const char *, const char *>> text = {
        {"medication", "fin-1"}, {"pharmacy.name", "Elm Pharmacy"}, {"pharmacy.zip", "75201"},
        {"conditions", "None"},  {"medications", "None"},           {"allergies", "Penicillin"},
        {"duration", "gt2y"}};
    for (const auto &[id, value] : text)
        form.setAnswer(QString::fromLatin1(id), QString::fromUtf8(value));
    form.setAnswers(QStringLiteral("pattern"), {QStringLiteral("crown")});
    for (const char *id :
         {"consent.telehealth", "consent.truthful", "consent.privacy", "consent.hair"})
        form.setAnswer(QString::fromLatin1(id), true);
    return form;
}

// Submits `form` as `byUser` (a new patient unless `patientId` names one). Stops the test
// program with the submission's own message when it is refused: setup that must work.
inline IntakeSubmission::Outcome submitIntake(LocalStore &store, const IntakeForm &form,
                                              const QString &byUser = QStringLiteral("alice"),
                                              const QString &patientId = {})
{
    Draft draft;
    draft.ownerUser = byUser;
    draft.patientId = patientId;
    auto out = IntakeSubmission::submit(store, form, draft, byUser);
    if (!out)
        qFatal("intake not submitted: %s", qPrintable(out.error().message));
    return out.value();
}

// The provider accepted the visit: its outbox entry is marked sent, the visit is Submitted.
inline void markSubmitted(LocalStore &store, const QString &visitId,
                          const QString &providerVisitId = QStringLiteral("pv-test"))
{
    Outbox outbox(store);
    auto entryId = outbox.enqueueVisit(visitId, QStringLiteral("system"));
    if (!entryId)
        qFatal("outbox: %s", qPrintable(entryId.error().message));
    auto entry = outbox.entry(*entryId);
    if (!entry || !entry.value())
        qFatal("outbox entry missing");
    if (auto sent = outbox.markSent(*entry.value(), providerVisitId); !sent)
        qFatal("outbox: %s", qPrintable(sent.error().message));
}

// A hair-loss visit for a new synthetic patient, submitted and (unless `queued`) accepted by
// the provider. Returns what the submission made (visit id, master id, patient id).
inline IntakeSubmission::Outcome submitVisit(LocalStore &store, const QString &phone,
                                             bool queued = false)
{
    auto out = submitIntake(store, hairLossIntake(intakePatient(phone)));
    if (!queued)
        markSubmitted(store, out.visitId);
    return out;
}

} // namespace clinicdesk::test
