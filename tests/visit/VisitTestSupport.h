#pragma once

#include "IntakeSupport.h"
#include "SandboxPayloads.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

// Visits as the intake leaves them, and provider events as the inbox serves them; synthetic
// data only.
namespace visittest {

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

// Saves `patient` and writes a visit row in `status` whose sealed createNoPay body is `body`
// (and, when given, its QuestionnaireResponse). Only for visits no intake of this build can
// make: a row from before QuestionnaireResponses were kept, a body the provider refused for a
// field the intake's rules now catch, the sandbox's canned body the detail page and its
// screenshots show. Returns the visit id; fails the test otherwise.
inline QString addVisit(clinicdesk::LocalStore &store, const clinicdesk::Patient &patient,
                        const QJsonObject &body, const QString &status = QStringLiteral("Queued"),
                        const QJsonObject &response = {},
                        const QString &createdBy = QStringLiteral("alice"))
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString visitId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto patientId = clinicdesk::PatientRepository(store).save(patient, createdBy);
    if (!patientId)
        qFatal("patient not saved: %s", qPrintable(patientId.error().message));
    auto sealed = store.cipher().seal(QStringLiteral("visits"), visitId, QStringLiteral("form_obj"),
                                      QJsonDocument(body).toJson(QJsonDocument::Compact));
    QVariant sealedResponse(QMetaType::fromType<QByteArray>());
    if (!response.isEmpty())
        sealedResponse = *store.cipher().seal(QStringLiteral("visits"), visitId,
                                              QStringLiteral("questionnaire_response"),
                                              QJsonDocument(response).toJson());
    auto r = store.db().exec(
        QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, status, "
                       "form_obj, questionnaire_response, created_by, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {visitId, body.value(QLatin1String("masterId")).toString(), patientId.value(),
         body.value(QLatin1String("visitType")).toString(), status, *sealed, sealedResponse,
         createdBy, now, now});
    if (!r)
        qFatal("visit not saved: %s", qPrintable(r.error().message));
    return visitId;
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

// Test setup that must work: stops the program with the store's message otherwise.
template<typename T> inline void must(const clinicdesk::Result<T> &result)
{
    if (!result)
        qFatal("setup failed: %s", qPrintable(result.error().message));
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
