#pragma once

#include "store/LocalStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace relaytest {

// A patient and a visit row as the intake would leave them (form_obj sealed like the real one).
inline void addVisit(clinicdesk::LocalStore &store, const QString &visitId, const QString &masterId,
                     const QString &status = QStringLiteral("Submitted"))
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString patientId = QStringLiteral("p-") + visitId;
    auto form = store.cipher().seal(QStringLiteral("visits"), visitId, QStringLiteral("form_obj"),
                                    QByteArrayLiteral("{}"));
    QVERIFY(form);
    auto r = store.db().exec(
        QStringLiteral("INSERT INTO patients (id, created_at, updated_at) VALUES (?, ?, ?)"),
        {patientId, now, now});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    r = store.db().exec(QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, "
                                       "status, form_obj, created_by, created_at, updated_at) "
                                       "VALUES (?, ?, ?, 'weightloss', ?, ?, 'test', ?, ?)"),
                        {visitId, masterId, patientId, status, form.value(), now, now});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
}

inline QPair<QString, QString> visitState(clinicdesk::LocalStore &store, const QString &visitId)
{
    auto r = store.db().exec(QStringLiteral("SELECT status, rx_status FROM visits WHERE id = ?"),
                             {visitId});
    if (!r || !r->next())
        return {};
    return {r->value(0).toString(), r->value(1).toString()};
}

inline qint64 count(clinicdesk::LocalStore &store, const QString &sql,
                    const QVariantList &values = {})
{
    auto r = store.db().exec(sql, values);
    return r && r->next() ? r->value(0).toLongLong() : -1;
}

// One inbox event as GET /v1/events serves it.
inline QJsonObject inboxEvent(qint64 cursor, const QString &id, const QJsonObject &payload)
{
    return QJsonObject{{QStringLiteral("cursor"), cursor},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("provider"), QStringLiteral("beluga")},
                       {QStringLiteral("receivedAt"), QStringLiteral("2026-01-01T00:00:00.000Z")},
                       {QStringLiteral("payload"), payload}};
}

inline QJsonObject payload(const QString &masterId, const QString &event,
                           const QJsonObject &extra = {})
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("masterId"), masterId);
    object.insert(QStringLiteral("event"), event);
    return object;
}

} // namespace relaytest
