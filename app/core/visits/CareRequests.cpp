#include "visits/CareRequests.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "provider/BelugaAdapter.h"
#include "provider/Outbox.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace clinicdesk {

namespace {

Result<QJsonObject> createBody(LocalStore &store, const QString &visitId)
{
    VisitRepository visits(store);
    auto row = visits.find(visitId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, CareRequests::tr("No such visit."));
    auto body = visits.openCreateBody(visitId);
    if (!body)
        return body.error();
    return QJsonDocument::fromJson(body.value()).object();
}

Result<QString> masterIdOf(LocalStore &store, const QString &visitId)
{
    auto row = VisitRepository(store).find(visitId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, CareRequests::tr("No such visit."));
    return row.value()->masterId;
}

// A timeline entry of `type` on the visit, its payload sealed, the visit's state as it is.
Result<void> addEvent(LocalStore &store, const QString &visitId, const QString &type,
                      const QJsonObject &payload)
{
    auto row = VisitRepository(store).find(visitId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, CareRequests::tr("No such visit."));
    const QString id = QStringLiteral("care:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto sealed = store.cipher().seal(QStringLiteral("visit_events"), id, QStringLiteral("payload"),
                                      QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    const QString now = TimeText::utcNow();
    auto inserted = store.db().exec(
        QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                       "received_at, applied_at, status_after, rx_status_after, payload) "
                       "VALUES (?, ?, (SELECT COALESCE(MAX(inbox_cursor), 0) FROM "
                       "visit_events WHERE visit_id = ?), ?, ?, ?, ?, ?, ?)"),
        {id, visitId, visitId, type, now, now, VisitStateMachine::name(row.value()->state.status),
         VisitStateMachine::name(row.value()->state.rx), sealed.value()});
    if (!inserted)
        return inserted.error();
    return {};
}

void auditCare(AuditLog &audit, const QString &byUser, const QString &visitId, bool ok,
               const QString &detail)
{
    if (auto logged = audit.append({AuditAction::Update, byUser, QStringLiteral("visit"), visitId,
                                    ok ? AuditOutcome::Success : AuditOutcome::Failure, detail});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
}

} // namespace

Result<QString> CareRequests::queue(LocalStore &store, AuditLog &audit, Outbox &outbox,
                                    const QString &visitId, const PrescriptionRequest &request,
                                    bool titration, const QString &byUser)
{
    QString entryId;
    const QString source = titration ? QStringLiteral("titration") : QStringLiteral("change");
    auto done = store.db().transaction([&]() -> Result<void> {
        auto queued =
            titration
                ? outbox.enqueueTitration(visitId, BelugaAdapter::nextTitrationBody(request),
                                          byUser)
                : outbox.enqueueUpdate(visitId, BelugaAdapter::updateVisitBody(request), byUser);
        if (!queued)
            return queued.error();
        entryId = queued.value();
        return addEvent(store, visitId, QLatin1String(kRequestEvent),
                        {{QStringLiteral("source"), source},
                         {QStringLiteral("by"), byUser},
                         {QStringLiteral("outboxId"), entryId}});
    });
    auditCare(audit, byUser, visitId, bool(done),
              done ? QStringLiteral("%1 queued as outbox entry %2").arg(source, entryId)
                   : QStringLiteral("%1 not queued: error code %2")
                         .arg(source)
                         .arg(int(done.error().code)));
    if (!done)
        return done.error();
    return entryId;
}

Result<void> CareRequests::recordAnswer(LocalStore &store, AuditLog &audit, const QString &visitId,
                                        const QJsonObject &body, const CareReply &reply,
                                        bool titration, const QString &byUser)
{
    const QString source = titration ? QStringLiteral("titration") : QStringLiteral("change");
    if (reply.status == CareStatus::NewRxSent) {
        const PrescriptionRequest sent{
            BelugaAdapter::masterIdOf(body), body.value(QLatin1String("pharmacyId")).toString(),
            BelugaAdapter::sentPreference(
                {{QStringLiteral("formObj"),
                  QJsonObject{{QStringLiteral("patientPreference"),
                               body.value(QLatin1String("patientPreference"))}}}})};
        return recordNewPrescription(store, audit, visitId, sent, reply, titration, byUser);
    }
    auto done = addEvent(store, visitId, QLatin1String(kAnswerEvent),
                         {{QStringLiteral("source"), source},
                          {QStringLiteral("status"), reply.providerStatus},
                          {QStringLiteral("info"), reply.info}});
    auditCare(audit, byUser, visitId, bool(done),
              QStringLiteral("%1 answered: %2").arg(source, reply.providerStatus));
    return done;
}

Result<QList<MedicationPreference>> CareRequests::requestedMedication(LocalStore &store,
                                                                      const QString &visitId)
{
    auto body = createBody(store, visitId);
    if (!body)
        return body.error();
    return BelugaAdapter::sentPreference(body.value());
}

Result<QString> CareRequests::pharmacyOf(LocalStore &store, const QString &visitId)
{
    auto body = createBody(store, visitId);
    if (!body)
        return body.error();
    return BelugaAdapter::sentPharmacyId(body.value());
}

Result<PrescriptionRequest> CareRequests::nextTitration(LocalStore &store, const QString &visitId)
{
    auto masterId = masterIdOf(store, visitId);
    if (!masterId)
        return masterId.error();
    auto body = createBody(store, visitId);
    if (!body)
        return body.error();
    const QList<MedicationPreference> meds = BelugaAdapter::sentPreference(body.value());
    if (meds.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("This visit asked for no medication, so there is nothing to titrate."));
    // Exactly one item: the provider refuses more (TOO_MANY_ITEMS).
    return PrescriptionRequest{
        masterId.value(), BelugaAdapter::sentPharmacyId(body.value()), {meds.first()}};
}

Result<PrescriptionRequest> CareRequests::change(LocalStore &store, const QString &visitId,
                                                 const QString &pharmacyId,
                                                 const QList<MedicationPreference> &preference)
{
    auto masterId = masterIdOf(store, visitId);
    if (!masterId)
        return masterId.error();
    return PrescriptionRequest{masterId.value(), pharmacyId.trimmed(), preference};
}

Result<void> CareRequests::recordNewPrescription(LocalStore &store, AuditLog &audit,
                                                 const QString &visitId,
                                                 const PrescriptionRequest &request,
                                                 const CareReply &reply, bool titration,
                                                 const QString &byUser)
{
    // What went to the pharmacy: the reply's list, else what was asked for.
    QJsonArray meds;
    for (const PrescribedMedication &m : reply.medsPrescribed)
        meds.append(QJsonObject{{QStringLiteral("name"), m.rxName},
                                {QStringLiteral("strength"), m.rxStrength},
                                {QStringLiteral("quantity"), m.rxQuantity},
                                {QStringLiteral("refills"), m.rxRefills}});
    int days = 0;
    for (const MedicationPreference &m : request.preference) {
        days = std::max(days, m.daysSupply);
        if (reply.medsPrescribed.isEmpty())
            meds.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("strength"), m.strength},
                                    {QStringLiteral("quantity"), m.quantity},
                                    {QStringLiteral("refills"), m.refills}});
    }
    const int months = days >= 84 ? 3 : 1;
    const QString now = TimeText::utcNow();
    const QString id = QStringLiteral("care:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject note{{QStringLiteral("source"),
                            titration ? QStringLiteral("titration") : QStringLiteral("change")},
                           {QStringLiteral("pharmacyId"), request.pharmacyId},
                           {QStringLiteral("months"), months},
                           {QStringLiteral("medsPrescribed"), meds}};
    auto done = store.db().transaction([&]() -> Result<void> {
        auto recorded = VisitRepository(store).recordPrescription(visitId, now, months);
        if (!recorded)
            return recorded.error();
        if (!recorded.value())
            return makeError(ErrorCode::NotFound, tr("No such visit."));
        auto sealed =
            store.cipher().seal(QStringLiteral("visit_events"), id, QStringLiteral("payload"),
                                QJsonDocument(note).toJson(QJsonDocument::Compact));
        if (!sealed)
            return sealed.error();
        auto inserted = store.db().exec(
            QStringLiteral(
                "INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                "received_at, applied_at, status_after, rx_status_after, payload) "
                "VALUES (?, ?, (SELECT COALESCE(MAX(inbox_cursor), 0) FROM "
                "visit_events WHERE visit_id = ?), ?, ?, ?, 'Prescribed', 'Written', ?)"),
            {id, visitId, visitId, QLatin1String(kNewPrescriptionEvent), now, now, sealed.value()});
        if (!inserted)
            return inserted.error();
        return {};
    });
    if (auto logged = audit.append({AuditAction::Update, byUser, QStringLiteral("visit"), visitId,
                                    done ? AuditOutcome::Success : AuditOutcome::Failure,
                                    titration ? QStringLiteral("next titration prescribed")
                                              : QStringLiteral("prescription changed")});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
    return done;
}

} // namespace clinicdesk
