#pragma once

#include "base/TimeText.h"
#include "domain/Patient.h"
#include "domain/VisitEvent.h"
#include "domain/VisitStateMachine.h"
#include "intake/Draft.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"
#include "visits/IntakeSubmission.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <optional>

// Visits made the way staff make them: a complete intake submitted through IntakeSubmission (the
// patient record, the queued visit with its sealed createNoPay body and QuestionnaireResponse,
// a fresh masterId), then, where a test needs it, accepted or refused by the provider as the
// outbox records it, and moved on by provider events through VisitEventApplier as the relay
// applies them. No visit row is written by hand: amendVisitRow, at the end, is the one place in
// the tests that changes a visit row in SQL, for what no production path makes (docs/TESTING.md,
// "Visits as staff make them"). Synthetic data only.
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

// An intake of `type` ("ED", "weightloss", …) filled in for `patient`, whatever the
// questionnaire: consents given, screening questions answered "no", the first listed option,
// numbers inside their bounds (the answers `clinicdesk-admin demo seed` gives). Not validated:
// completeIntake is the one that must pass.
inline IntakeForm fillIntake(const QString &type, const Patient &patient)
{
    IntakeForm form = type == QLatin1String("hairloss") ? hairLossIntake(patient)
                                                        : IntakeForm(intakeLibrary().intake(type));
    if (type != QLatin1String("hairloss")) {
        form.applyInitialValues();
        form.setPatient(patient);
    }
    const Questionnaire &q = form.questionnaire();
    const QStringList ids = q.linkIds();
    // Answers can enable further questions (enableWhen): a few passes reach them all.
    for (int pass = 0; pass < 5; ++pass) {
        for (const QString &id : ids) {
            const QuestionnaireItem *item = q.item(id);
            if (!item || !item->isQuestion() || !item->required || item->readOnly ||
                form.isAnswered(id) || !form.isEnabled(id))
                continue;
            using Type = QuestionnaireItem::Type;
            QJsonValue answer;
            switch (item->type) {
            case Type::Boolean:
                answer = item->itemControl == QLatin1String("check-box") ||
                         id.startsWith(QLatin1String("consent"));
                break;
            case Type::Choice:
            case Type::OpenChoice:
                answer = item->options.isEmpty() ? QJsonValue(QStringLiteral("test"))
                                                 : item->options.first().value;
                break;
            case Type::Integer:
            case Type::Decimal: {
                static const QHash<QString, double> usual = {
                    {QStringLiteral("weight"), 212},      {QStringLiteral("weight.start"), 231},
                    {QStringLiteral("goal"), 180},        {QStringLiteral("height.ft"), 5},
                    {QStringLiteral("height.in"), 7},     {QStringLiteral("weeks"), 12},
                    {QStringLiteral("alcohol"), 2},       {QStringLiteral("bp.systolic"), 122},
                    {QStringLiteral("bp.diastolic"), 78}, {QStringLiteral("missed.count"), 1},
                    {QStringLiteral("missed.days"), 3}};
                double v = usual.value(id, 0);
                if (item->minValue.isValid())
                    v = std::max(v, item->minValue.toDouble());
                if (item->maxValue.isValid())
                    v = std::min(v, item->maxValue.toDouble());
                answer = item->type == Type::Integer ? QJsonValue(qint64(v)) : QJsonValue(v);
                break;
            }
            case Type::Date: {
                QDate d = QDate::currentDate().addYears(-1);
                if (item->minValue.isValid())
                    d = std::max(d, item->minValue.toDate());
                if (item->maxValue.isValid())
                    d = std::min(d, item->maxValue.toDate());
                answer = d.toString(Qt::ISODate);
                break;
            }
            case Type::String:
            case Type::Text:
                answer = id == QLatin1String("pharmacy.name")  ? QStringLiteral("Elm Pharmacy")
                         : id == QLatin1String("pharmacy.zip") ? patient.zip
                                                               : QStringLiteral("None");
                break;
            case Type::Group:
            case Type::Display:
                continue;
            }
            form.setAnswer(id, answer);
        }
    }
    return form;
}

// fillIntake's form, which must pass the intake's and the provider's rules (stops the test
// program otherwise, naming the questions).
inline IntakeForm completeIntake(const QString &type, const Patient &patient)
{
    IntakeForm form = fillIntake(type, patient);
    const QList<IntakeIssue> issues = form.validate();
    if (!issues.isEmpty()) {
        QStringList which;
        for (const IntakeIssue &issue : issues)
            which << issue.linkId;
        qFatal("the test answers for visit type %s do not pass the intake rules (%s)",
               qPrintable(type), qPrintable(which.join(QStringLiteral(", "))));
    }
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

// The visit's outbox entry, as the outbox queued it.
inline Outbox::Entry queuedEntry(Outbox &outbox, const QString &visitId)
{
    auto entryId = outbox.enqueueVisit(visitId, QStringLiteral("system"));
    if (!entryId)
        qFatal("outbox: %s", qPrintable(entryId.error().message));
    auto entry = outbox.entry(*entryId);
    if (!entry || !entry.value())
        qFatal("outbox entry missing");
    return *entry.value();
}

// The provider accepted the visit: its outbox entry is marked sent, the visit is Submitted.
inline void markSubmitted(LocalStore &store, const QString &visitId,
                          const QString &providerVisitId = QStringLiteral("pv-test"))
{
    Outbox outbox(store);
    if (auto sent = outbox.markSent(queuedEntry(outbox, visitId), providerVisitId); !sent)
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

// The provider refused the visit for good (`reason`), as the outbox records it: Rejected.
inline void markRejected(LocalStore &store, const QString &visitId, const QString &reason)
{
    Outbox outbox(store);
    if (auto refused = outbox.markRejected(queuedEntry(outbox, visitId), reason, 422); !refused)
        qFatal("outbox: %s", qPrintable(refused.error().message));
}

// One provider event for `masterId` as the inbox serves it (GET /v1/events), with the least
// payload the relay accepts for its type.
inline QJsonObject providerEvent(const QString &masterId, VisitEvent::Type type,
                                 VisitEvent::Outcome outcome = VisitEvent::Outcome::None)
{
    static qint64 cursor = 0;
    QJsonObject payload{{QStringLiteral("masterId"), masterId},
                        {QStringLiteral("event"), VisitEvent::typeName(type)}};
    if (type == VisitEvent::Type::DoctorChat)
        payload.insert(QStringLiteral("content"), QStringLiteral("Any change since last time?"));
    if (type == VisitEvent::Type::ConsultConcluded)
        payload.insert(QStringLiteral("visitOutcome"), outcome == VisitEvent::Outcome::Referred
                                                           ? QStringLiteral("referred")
                                                           : QStringLiteral("prescribed"));
    ++cursor;
    return QJsonObject{{QStringLiteral("cursor"), cursor},
                       {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {QStringLiteral("provider"), QStringLiteral("beluga")},
                       {QStringLiteral("receivedAt"), TimeText::utcNow()},
                       {QStringLiteral("payload"), payload}};
}

// The provider events that take a submitted visit to `status` and `rx` (VisitStateMachine's
// rules decide; this only picks the events a clinician's work would send). Empty for Queued,
// Submitted and Rejected, which the outbox makes (markSubmitted, markRejected).
inline QList<QJsonObject> eventsTo(const QString &masterId, VisitStateMachine::Status status,
                                   VisitStateMachine::RxStatus rx)
{
    using S = VisitStateMachine::Status;
    using R = VisitStateMachine::RxStatus;
    using T = VisitEvent::Type;
    QList<QJsonObject> events;
    switch (status) {
    case S::NeedsInfo:
        events << providerEvent(masterId, T::DoctorChat);
        break;
    case S::Prescribed:
        events << providerEvent(masterId, T::ConsultConcluded, VisitEvent::Outcome::Prescribed);
        break;
    case S::Referred:
        events << providerEvent(masterId, T::ConsultConcluded, VisitEvent::Outcome::Referred);
        break;
    case S::Canceled:
        events << providerEvent(masterId, T::ConsultCanceled);
        break;
    case S::Draft:
    case S::Queued:
    case S::Submitted:
    case S::Rejected:
        break;
    }
    if (rx >= R::Written)
        events << providerEvent(masterId, T::RxWritten);
    if (rx >= R::InFulfillment)
        events << providerEvent(masterId, T::PharmacyInFulfillment);
    if (rx >= R::Shipped)
        events << providerEvent(masterId, T::PharmacyShipped);
    if (rx >= R::Delivered)
        events << providerEvent(masterId, T::PharmacyDelivered);
    return events;
}

// Applies inbox events as the relay does (one transaction); every one must apply.
inline void applyEvents(LocalStore &store, const QList<QJsonObject> &events)
{
    if (events.isEmpty())
        return;
    auto report = VisitEventApplier(store).applyBatch(events);
    if (!report)
        qFatal("events not applied: %s", qPrintable(report.error().message));
    if (report->applied != int(events.size()))
        qFatal("%d of %d events applied", report->applied, int(events.size()));
}

// Moves a queued visit to `status`/`rx` the way the console and the relay do: the outbox records
// the provider's answer (accepted: Submitted, or refused: Rejected), then provider events.
// Draft is no stored status; Queued leaves the visit as submitted.
inline void moveVisit(LocalStore &store, const IntakeSubmission::Outcome &visit,
                      VisitStateMachine::Status status,
                      VisitStateMachine::RxStatus rx = VisitStateMachine::RxStatus::None)
{
    using S = VisitStateMachine::Status;
    if (status == S::Queued || status == S::Draft)
        return;
    if (status == S::Rejected) {
        markRejected(store, visit.visitId, QStringLiteral("State not valid"));
        return;
    }
    markSubmitted(store, visit.visitId);
    applyEvents(store, eventsTo(visit.masterId, status, rx));
}

// The one helper that changes a visit row in SQL, always a row made the real way above, and only
// for what no production path makes (each use is listed in docs/TESTING.md):
//  - createdAt: a visit submitted in the past (the board's date filter and age order, a record's
//    timeline at fixed minutes); IntakeSubmission stamps the time of the call.
//  - masterId: a masterId the relay met in an event before its visit was in this store
//    (pending events); IntakeSubmission makes a fresh one.
//  - withoutQuestionnaireResponse: a visit from a build before QuestionnaireResponses were kept.
//  - questionnaireResponse: a fixed response instead of the intake's, for a record whose answers
//    a test spells out by hand.
// A back-dated updated_at needs no SQL: VisitRepository::update writes it (backdateUpdate).
struct VisitAmendment
{
    std::optional<QString> createdAt; // TimeText
    std::optional<QString> masterId;
    bool withoutQuestionnaireResponse = false;
    QJsonObject questionnaireResponse;
};

inline void amendVisitRow(LocalStore &store, const QString &visitId, const VisitAmendment &a)
{
    auto run = [&](const QString &sql, const QVariantList &values) {
        if (auto r = store.db().exec(sql, values); !r)
            qFatal("amending visit: %s", qPrintable(r.error().message));
    };
    if (a.createdAt)
        run(QStringLiteral("UPDATE visits SET created_at = ? WHERE id = ?"),
            {*a.createdAt, visitId});
    if (a.masterId)
        run(QStringLiteral("UPDATE visits SET master_id = ? WHERE id = ?"), {*a.masterId, visitId});
    if (a.withoutQuestionnaireResponse)
        run(QStringLiteral("UPDATE visits SET questionnaire_response = NULL WHERE id = ?"),
            {visitId});
    if (!a.questionnaireResponse.isEmpty()) {
        auto sealed = store.cipher().seal(QStringLiteral("visits"), visitId,
                                          QStringLiteral("questionnaire_response"),
                                          QJsonDocument(a.questionnaireResponse).toJson());
        if (!sealed)
            qFatal("amending visit: %s", qPrintable(sealed.error().message));
        run(QStringLiteral("UPDATE visits SET questionnaire_response = ? WHERE id = ?"),
            {*sealed, visitId});
    }
}

// The visit's last change back-dated to `updatedAt` (TimeText), through VisitRepository as any
// writer stores it: the board orders and flags visits by how long they have been quiet.
inline void backdateUpdate(LocalStore &store, const QString &visitId, const QString &updatedAt)
{
    VisitRepository::Change change;
    change.updatedAt = updatedAt;
    auto r = VisitRepository(store).update(visitId, change);
    if (!r || !r.value())
        qFatal("visit %s not back-dated", qPrintable(visitId));
}

} // namespace clinicdesk::test
