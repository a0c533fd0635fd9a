#pragma once

#include "IntakeSupport.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace relaytest {

struct Visit
{
    QString id;
    QString masterId;
};

// A visit as staff make one: a complete intake submitted through IntakeSubmission, then accepted
// by the provider as the outbox records it (Submitted), unless `queued`. Each has its own patient.
inline Visit addVisit(clinicdesk::LocalStore &store, bool queued = false)
{
    static int patients = 0;
    const auto out = clinicdesk::test::submitVisit(
        store, QStringLiteral("31255%1").arg(++patients % 100000, 5, 10, QLatin1Char('0')), queued);
    return {out.visitId, out.masterId};
}

// The one thing no production path does: a visit whose masterId an event named before the
// visit was in this store (the relay keeps such events pending). The visit is submitted for
// real, queued, then its masterId replaced by the one the event used (test::amendVisitRow).
inline Visit addVisitKnownAs(clinicdesk::LocalStore &store, const QString &masterId)
{
    Visit visit = addVisit(store, true);
    clinicdesk::test::VisitAmendment amend;
    amend.masterId = masterId;
    clinicdesk::test::amendVisitRow(store, visit.id, amend);
    visit.masterId = masterId;
    return visit;
}

// The stored status and prescription state, as VisitRepository reads them.
inline QPair<QString, QString> visitState(clinicdesk::LocalStore &store, const QString &visitId)
{
    auto row = clinicdesk::VisitRepository(store).find(visitId);
    if (!row || !row.value() || !row.value()->statusKnown || !row.value()->rxKnown)
        return {};
    return {clinicdesk::VisitStateMachine::name(row.value()->state.status),
            clinicdesk::VisitStateMachine::name(row.value()->state.rx)};
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
