#pragma once

#include "IntakeSupport.h"
#include "SandboxPayloads.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

// Visits as the intake leaves them, and provider events as the inbox serves them; synthetic
// data only.
namespace visittest {

// Test setup that must work: stops the program with the store's message otherwise.
template<typename T> inline void must(const clinicdesk::Result<T> &result)
{
    if (!result)
        qFatal("setup failed: %s", qPrintable(result.error().message));
}

// The patient sandboxtest::formObj() describes.
inline clinicdesk::Patient samplePatient(const QString &phone)
{
    clinicdesk::Patient p;
    p.firstName = QStringLiteral("Testy");
    p.lastName = QStringLiteral("McTestface");
    p.dob = QDate(1985, 4, 23);
    p.sex = QStringLiteral("Male");
    p.phone = phone;
    p.email = QStringLiteral("testy@example.com");
    p.address = QStringLiteral("1 Test Lane");
    p.city = QStringLiteral("Austin");
    p.state = QStringLiteral("TX");
    p.zip = QStringLiteral("78701");
    return p;
}

// A QuestionnaireResponse with the demographics group (not shown as answers) and two answers.
inline QJsonObject sampleResponse()
{
    return QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
        {QStringLiteral("item"),
         QJsonArray{
             QJsonObject{{QStringLiteral("linkId"), QStringLiteral("patient")},
                         {QStringLiteral("item"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("linkId"), QStringLiteral("patient.firstName")},
                              {QStringLiteral("text"), QStringLiteral("First name")},
                              {QStringLiteral("answer"),
                               QJsonArray{QJsonObject{
                                   {QStringLiteral("valueString"), QStringLiteral("Testy")}}}}}}}},
             QJsonObject{
                 {QStringLiteral("linkId"), QStringLiteral("ed.freq")},
                 {QStringLiteral("text"), QStringLiteral("How often?")},
                 {QStringLiteral("answer"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("valueCoding"),
                       QJsonObject{{QStringLiteral("code"), QStringLiteral("sometimes")},
                                   {QStringLiteral("display"), QStringLiteral("Sometimes")}}}}}}},
             QJsonObject{{QStringLiteral("linkId"), QStringLiteral("ed.nitrates")},
                         {QStringLiteral("text"), QStringLiteral("Do you take nitrates?")},
                         {QStringLiteral("answer"),
                          QJsonArray{QJsonObject{{QStringLiteral("valueBoolean"), false}}}}}}}};
}

// A visit as staff make it, for `patient`: a hair-loss intake submitted through IntakeSubmission
// (tests/common/IntakeSupport.h), accepted by the provider as the outbox records it (Submitted)
// unless `queued`. Prefer this to addVisit.
inline clinicdesk::IntakeSubmission::Outcome
submitVisit(clinicdesk::LocalStore &store, const clinicdesk::Patient &patient, bool queued = false,
            const QString &byUser = QStringLiteral("alice"))
{
    auto out =
        clinicdesk::test::submitIntake(store, clinicdesk::test::hairLossIntake(patient), byUser);
    if (!queued)
        clinicdesk::test::markSubmitted(store, out.visitId);
    return out;
}

// What addVisit made: the visit id (what most tests want, hence the conversion) and the masterId
// the submission gave it, which the provider's events and the sandbox's records name.
struct AddedVisit
{
    QString id;
    QString masterId;
    operator QString() const { return id; }
};

// A visit submitted through IntakeSubmission for `patient` as `createdBy` (an intake of the
// body's visit type), accepted by the provider as the outbox records it when `status` is
// "Submitted" (otherwise left Queued), then made to carry what the test spells out by hand:
//  - its createNoPay body becomes `body` (with the visit's own masterId), through
//    VisitRepository::replaceCreateBody as a correction stores one: the sandbox's canned body
//    the record's answers, the detail page and its screenshots show, or a body the provider
//    refused for a field today's intake rules catch (a patient in state "ZZ": the intake is
//    submitted with a valid state, then the patient record and the body carry "ZZ");
//  - its QuestionnaireResponse becomes `response`, or none when `response` is empty (a visit
//    from before QuestionnaireResponses were kept), through test::amendVisitRow.
// Prefer submitVisit, which keeps what the intake made.
inline AddedVisit addVisit(clinicdesk::LocalStore &store, const clinicdesk::Patient &patient,
                           const QJsonObject &body,
                           const QString &status = QStringLiteral("Queued"),
                           const QJsonObject &response = {},
                           const QString &createdBy = QStringLiteral("alice"))
{
    using namespace clinicdesk;
    const QString type = body.value(QLatin1String("visitType")).toString(QStringLiteral("ED"));
    IntakeForm form = test::fillIntake(type, patient);
    const bool refusedToday = !form.validate().isEmpty();
    if (refusedToday) {
        Patient valid = patient;
        valid.state = QStringLiteral("TX");
        form = test::completeIntake(type, valid);
    }
    const auto out = test::submitIntake(store, form, createdBy);
    if (refusedToday) {
        Patient stored = patient;
        stored.id = out.patientId;
        must(PatientRepository(store).save(stored, createdBy));
    }
    QJsonObject canned = body;
    canned.insert(QStringLiteral("masterId"), out.masterId);
    must(VisitRepository(store).replaceCreateBody(out.visitId, canned));
    test::VisitAmendment amend;
    amend.withoutQuestionnaireResponse = response.isEmpty();
    amend.questionnaireResponse = response;
    test::amendVisitRow(store, out.visitId, amend);
    if (status == QLatin1String("Submitted"))
        test::markSubmitted(store, out.visitId);
    else if (status != QLatin1String("Queued"))
        qFatal("addVisit: status %s is made by events (test::moveVisit)", qPrintable(status));
    return {out.visitId, out.masterId};
}

// The visit's masterId as VisitRepository reads it.
inline QString masterIdOf(clinicdesk::LocalStore &store, const QString &visitId)
{
    auto row = clinicdesk::VisitRepository(store).find(visitId);
    if (!row || !row.value())
        qFatal("no visit %s", qPrintable(visitId));
    return row.value()->masterId;
}

inline void addUser(clinicdesk::LocalStore &store, const QString &username,
                    const QString &displayName)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto r = store.db().exec(
        QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash, "
                       "created_at, updated_at) VALUES (?, ?, ?, 'staff', 'x', ?, ?)"),
        {QUuid::createUuid().toString(QUuid::WithoutBraces), username, displayName, now, now});
    if (!r)
        qFatal("user not saved: %s", qPrintable(r.error().message));
}

inline QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// One inbox event as GET /v1/events serves it.
inline QJsonObject inboxEvent(qint64 cursor, const QDateTime &receivedAt, const QString &masterId,
                              const QString &event, const QJsonObject &extra = {})
{
    QJsonObject payload = extra;
    payload.insert(QStringLiteral("masterId"), masterId);
    payload.insert(QStringLiteral("event"), event);
    return QJsonObject{
        {QStringLiteral("cursor"), cursor},
        {QStringLiteral("id"), QStringLiteral("evt-%1-%2").arg(masterId).arg(cursor)},
        {QStringLiteral("provider"), QStringLiteral("beluga")},
        {QStringLiteral("receivedAt"), iso(receivedAt)},
        {QStringLiteral("payload"), payload}};
}

inline QString column(clinicdesk::LocalStore &store, const QString &table, const QString &id,
                      const QString &name)
{
    auto q =
        store.db().exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(name, table), {id});
    return q && q->next() ? q->value(0).toString() : QStringLiteral("<none>");
}

inline bool exec(clinicdesk::LocalStore &store, const QString &sql, const QVariantList &values)
{
    auto r = store.db().exec(sql, values);
    if (!r)
        qWarning("%s", qPrintable(r.error().message));
    return bool(r);
}

} // namespace visittest
