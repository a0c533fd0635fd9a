#include "visits/ProviderPatientLink.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QUuid>

namespace clinicdesk {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The PROVIDER_LINK entry that starts a linked visit's timeline.
Result<void> noteLink(LocalStore &store, const QString &visitId, const QString &at,
                      const QString &byUser, VisitStateMachine::Status status)
{
    const QString id = QStringLiteral("link:") + newId();
    const QJsonObject note{{QStringLiteral("source"), QStringLiteral("provider patient link")},
                           {QStringLiteral("by"), byUser}};
    auto sealed = store.cipher().seal(QStringLiteral("visit_events"), id, QStringLiteral("payload"),
                                      QJsonDocument(note).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    auto inserted = store.db().exec(
        QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                       "received_at, applied_at, status_after, rx_status_after, payload) "
                       "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)"),
        {id, visitId, QLatin1String(ProviderPatientLink::kEvent), at, at,
         VisitStateMachine::name(status),
         VisitStateMachine::name(VisitStateMachine::RxStatus::None), sealed.value()});
    if (!inserted)
        return inserted.error();
    return {};
}

QString outcomeKey(ProviderPatientLink::LookupOutcome outcome)
{
    switch (outcome) {
    case ProviderPatientLink::LookupOutcome::Found:
        return QStringLiteral("found");
    case ProviderPatientLink::LookupOutcome::NotFound:
        return QStringLiteral("not found");
    case ProviderPatientLink::LookupOutcome::Unreachable:
        break;
    }
    return QStringLiteral("provider unreachable");
}

} // namespace

Patient ProviderPatientLink::demographics(const ProviderPatient &provider)
{
    Patient p;
    p.firstName = provider.firstName;
    p.lastName = provider.lastName;
    p.dob = provider.dob;
    p.sex = provider.sex;
    p.phone = provider.phone;
    p.email = provider.email;
    p.address = provider.address;
    p.city = provider.city;
    p.state = provider.state;
    p.zip = provider.zip;
    return p;
}

void ProviderPatientLink::auditLookup(AuditLog &audit, const QString &byUser, LookupOutcome outcome,
                                      int visits)
{
    const QString detail =
        QStringLiteral("provider patient lookup by phone: %1").arg(outcomeKey(outcome)) +
        (outcome == LookupOutcome::Found ? QStringLiteral(", %1 visits").arg(visits) : QString());
    if (auto logged = audit.append(
            {AuditAction::PhiView, byUser, QStringLiteral("providerPatient"), QString(),
             outcome == LookupOutcome::Unreachable ? AuditOutcome::Failure : AuditOutcome::Success,
             detail});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
}

Result<ProviderPatientLink::Linked> ProviderPatientLink::link(LocalStore &store, AuditLog &audit,
                                                              const Patient &patient,
                                                              const ProviderPatient &provider,
                                                              const QString &byUser)
{
    Linked linked;
    QStringList masterIds;
    auto done = store.db().transaction([&]() -> Result<void> {
        Patient p = patient;
        p.id.clear();
        // Another workstation may have made the patient meanwhile: never a second record.
        auto onFile = PatientRepository(store).findByPhone(p.phone);
        if (!onFile)
            return onFile.error();
        if (!onFile->isEmpty())
            return makeError(ErrorCode::Conflict,
                             tr("A patient with this phone number is on file now: look them up "
                                "instead of linking."));
        auto saved = PatientRepository(store).save(p, byUser);
        if (!saved)
            return saved.error();
        linked.patientId = saved.value();
        VisitRepository visits(store);
        const QString now = TimeText::utcNow();
        using Status = VisitStateMachine::Status;
        for (const ProviderPatient::Visit &v : provider.visits) {
            auto existing = visits.findByMasterId(v.masterId);
            if (!existing)
                return existing.error();
            if (existing.value()) {
                linked.alreadyOnFile << v.masterId;
                continue;
            }
            VisitRepository::NewVisit nv;
            nv.id = newId();
            nv.masterId = v.masterId;
            nv.patientId = linked.patientId;
            nv.visitType = v.visitType;
            nv.createdBy = byUser;
            nv.createdAt = now;
            // Not this console's intake: no answers, only what identifies the visit.
            nv.createBody = {{QStringLiteral("masterId"), v.masterId},
                             {QStringLiteral("visitType"), v.visitType},
                             {QStringLiteral("linkedFromProvider"), true}};
            if (auto inserted = visits.insert(nv); !inserted)
                return inserted.error();
            // The provider has it already: never Queued (the outbox would send it again).
            const Status status = v.stage == ProviderVisitStatus::Stage::Canceled
                                      ? Status::Canceled
                                      : Status::Submitted;
            VisitRepository::Change change;
            change.from = Status::Queued;
            change.status = status;
            change.updatedAt = now;
            auto moved = visits.update(nv.id, change);
            if (!moved)
                return moved.error();
            if (!moved.value())
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("linked visit %1 changed meanwhile").arg(nv.id));
            if (auto noted = noteLink(store, nv.id, now, byUser, status); !noted)
                return noted;
            linked.visitIds << nv.id;
            masterIds << v.masterId;
        }
        return {};
    });
    const QString detail =
        done ? QStringLiteral("linked to the provider's patient; visits recorded: %1%2")
                   .arg(masterIds.isEmpty() ? QStringLiteral("none") : masterIds.join(u','),
                        linked.alreadyOnFile.isEmpty() ? QString()
                                                       : QStringLiteral("; already on file: ") +
                                                             linked.alreadyOnFile.join(u','))
             : QStringLiteral("link to the provider's patient failed, error code %1")
                   .arg(int(done.error().code));
    if (auto logged = audit.append({AuditAction::Create, byUser, QStringLiteral("patient"),
                                    done ? linked.patientId : QString(),
                                    done ? AuditOutcome::Success : AuditOutcome::Failure, detail});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
    if (!done)
        return done.error();
    qCInfo(lcVisits) << "provider patient linked as" << linked.patientId << "visits"
                     << linked.visitIds.size();
    return linked;
}

QString ProviderPatientLink::explain(LookupOutcome outcome)
{
    switch (outcome) {
    case LookupOutcome::NotFound:
        return tr("The provider has no patient with this phone number either. Continue with the "
                  "intake: a new patient record is made.");
    case LookupOutcome::Unreachable:
        return tr("The provider could not be reached just now. Continue with the intake as a new "
                  "patient, or ask the provider again in a moment.");
    case LookupOutcome::Found:
        break;
    }
    return tr("The provider knows a patient with this phone number.");
}

QString ProviderPatientLink::timelineLabel(const QJsonObject &payload)
{
    const QString by = payload.value(QLatin1String("by")).toString();
    return tr("Recorded from the provider when %1 linked the patient (an earlier visit, not "
              "submitted from this console)")
        .arg(by);
}

} // namespace clinicdesk
