#pragma once

#include "provider/ProviderClient.h"
#include "store/LocalStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <optional>

namespace providertest {

// A queued visit as IntakeSubmission stores it: a bare patient row and the visit with its
// createNoPay body sealed in form_obj. Returns the visit id (empty on failure).
inline QString insertQueuedVisit(clinicdesk::LocalStore &store, const QJsonObject &createBody)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString visitId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!store.db().exec(
            QStringLiteral("INSERT INTO patients (id, created_at, updated_at) VALUES (?, ?, ?)"),
            {patientId, now, now}))
        return {};
    auto sealed = store.cipher().seal(QStringLiteral("visits"), visitId, QStringLiteral("form_obj"),
                                      QJsonDocument(createBody).toJson(QJsonDocument::Compact));
    if (!sealed)
        return {};
    if (!store.db().exec(
            QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, status, "
                           "form_obj, created_by, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, 'Queued', ?, 'tester', ?, ?)"),
            {visitId, createBody.value(QLatin1String("masterId")).toString(), patientId,
             createBody.value(QLatin1String("visitType")).toString(), sealed.value(), now, now}))
        return {};
    return visitId;
}

// Replaces a visit's sealed createNoPay body (staff corrected the intake).
inline bool replaceBody(clinicdesk::LocalStore &store, const QString &visitId,
                        const QJsonObject &createBody)
{
    auto sealed = store.cipher().seal(QStringLiteral("visits"), visitId, QStringLiteral("form_obj"),
                                      QJsonDocument(createBody).toJson(QJsonDocument::Compact));
    return sealed && store.db().exec(QStringLiteral("UPDATE visits SET form_obj = ? WHERE id = ?"),
                                     {sealed.value(), visitId});
}

inline QString visitColumn(clinicdesk::LocalStore &store, const QString &visitId,
                           const QString &column)
{
    auto q = store.db().exec(QStringLiteral("SELECT %1 FROM visits WHERE id = ?").arg(column),
                             {visitId});
    return q && q->next() ? q->value(0).toString() : QStringLiteral("<none>");
}

} // namespace providertest
