#include "visits/NameCorrection.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QUuid>

#include <memory>

namespace clinicdesk {
namespace {

QString statusKey(NameChangeStatus status)
{
    switch (status) {
    case NameChangeStatus::Updated:
        return QStringLiteral("updated");
    case NameChangeStatus::NoLongerAllowed:
        return QStringLiteral("noLongerAllowed");
    case NameChangeStatus::VisitMissing:
        return QStringLiteral("visitMissing");
    case NameChangeStatus::BadFormat:
        return QStringLiteral("badFormat");
    case NameChangeStatus::NotAccepted:
        return QStringLiteral("notAccepted");
    case NameChangeStatus::NoReply:
        break;
    }
    return QStringLiteral("noReply");
}

struct Run
{
    ProviderClient *client = nullptr;
    QList<NameCorrection::Target> targets;
    QString first, last;
    QList<NameCorrection::Outcome> outcomes;
    NameCorrection::Done done;
};

void next(const std::shared_ptr<Run> &run)
{
    const qsizetype i = run->outcomes.size();
    if (i == run->targets.size()) {
        run->done(run->outcomes);
        return;
    }
    const NameCorrection::Target target = run->targets.at(i);
    run->client->updateName(target.masterId, run->first, run->last,
                            [run, target](const ProviderReply<NameChangeStatus> &reply) {
                                run->outcomes.append({target.visitId, reply.value});
                                next(run);
                            });
}

} // namespace

Result<QList<NameCorrection::Target>> NameCorrection::openVisits(LocalStore &store,
                                                                 const QString &patientId)
{
    auto rows = VisitRepository(store).ofPatient(patientId);
    if (!rows)
        return rows.error();
    using S = VisitStateMachine::Status;
    QList<Target> targets;
    for (const VisitRepository::Row &row : rows.value()) {
        const S s = row.state.status;
        if (row.statusKnown && !row.masterId.isEmpty() &&
            (s == S::Submitted || s == S::NeedsInfo || s == S::Prescribed))
            targets.append({row.id, row.masterId});
    }
    return targets;
}

void NameCorrection::send(ProviderClient &client, const QList<Target> &targets,
                          const QString &firstName, const QString &lastName, Done done)
{
    auto run = std::make_shared<Run>();
    run->client = &client;
    run->targets = targets;
    run->first = firstName.trimmed();
    run->last = lastName.trimmed();
    run->done = std::move(done);
    next(run);
}

Result<void> NameCorrection::record(LocalStore &store, AuditLog &audit, const QString &patientId,
                                    const QString &firstName, const QString &lastName,
                                    const QList<Outcome> &outcomes, const QString &byUser)
{
    int accepted = 0;
    auto done = store.db().transaction([&]() -> Result<void> {
        PatientRepository patients(store);
        auto patient = patients.get(patientId);
        if (!patient)
            return patient.error();
        Patient p = std::move(patient).value();
        const QJsonObject names{{QStringLiteral("firstName"), firstName.trimmed()},
                                {QStringLiteral("lastName"), lastName.trimmed()},
                                {QStringLiteral("previousFirstName"), p.firstName},
                                {QStringLiteral("previousLastName"), p.lastName}};
        p.firstName = firstName.trimmed();
        p.lastName = lastName.trimmed();
        if (auto saved = patients.save(p, byUser); !saved)
            return saved.error();
        const QString now = TimeText::utcNow();
        for (const Outcome &o : outcomes) {
            accepted += o.status == NameChangeStatus::Updated ? 1 : 0;
            auto row = VisitRepository(store).find(o.visitId);
            if (!row)
                return row.error();
            if (!row.value())
                continue;
            QJsonObject note = names;
            note.insert(QStringLiteral("provider"), statusKey(o.status));
            const QString id =
                QStringLiteral("name:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
            auto sealed =
                store.cipher().seal(QStringLiteral("visit_events"), id, QStringLiteral("payload"),
                                    QJsonDocument(note).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            auto inserted = store.db().exec(
                QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                               "received_at, applied_at, status_after, rx_status_after, payload) "
                               "VALUES (?, ?, (SELECT COALESCE(MAX(inbox_cursor), 0) FROM "
                               "visit_events WHERE visit_id = ?), ?, ?, ?, ?, ?, ?)"),
                {id, o.visitId, o.visitId, QLatin1String(kEvent), now, now,
                 VisitStateMachine::name(row.value()->state.status),
                 VisitStateMachine::name(row.value()->state.rx), sealed.value()});
            if (!inserted)
                return inserted.error();
        }
        return {};
    });
    if (auto logged = audit.append({AuditAction::Update, byUser, QStringLiteral("patient"),
                                    patientId, done ? AuditOutcome::Success : AuditOutcome::Failure,
                                    QStringLiteral("name corrected; provider accepted %1 of %2")
                                        .arg(accepted)
                                        .arg(outcomes.size())});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
    return done;
}

QString NameCorrection::explain(NameChangeStatus status)
{
    switch (status) {
    case NameChangeStatus::Updated:
        return tr("The provider has the corrected name.");
    case NameChangeStatus::NoLongerAllowed:
        return tr("The provider no longer accepts a name change on this visit: the patient's ID "
                  "has been approved under the old name. Contact provider support if the name on "
                  "the prescription must change.");
    case NameChangeStatus::VisitMissing:
        return tr("The provider does not know this visit. Check the visit's status with the "
                  "provider, then correct the name again.");
    case NameChangeStatus::BadFormat:
        return tr("The provider refused the name's format. Check that the first and last name "
                  "are filled in with letters only, then try again.");
    case NameChangeStatus::NotAccepted:
        return tr("The provider did not accept the name change (the visit may be canceled). "
                  "Contact provider support.");
    case NameChangeStatus::NoReply:
        break;
    }
    return tr("The provider did not answer. Try again later; the corrected name is kept here.");
}

QString NameCorrection::timelineLabel(const QJsonObject &payload, bool fromProvider)
{
    const auto name = [&](const char *first, const char *last) {
        return (payload.value(QLatin1String(first)).toString() + QLatin1Char(' ') +
                payload.value(QLatin1String(last)).toString())
            .trimmed();
    };
    const QString now = name("firstName", "lastName");
    const QString was = name("previousFirstName", "previousLastName");
    if (fromProvider)
        return was.isEmpty()
                   ? tr("Patient name updated by the provider")
                   : tr("Patient name updated by the provider: %1 (was %2)").arg(now, was);
    const QString answer = payload.value(QLatin1String("provider")).toString();
    return answer == QLatin1String("updated")
               ? tr("Patient name corrected by staff: %1 (was %2); the provider has it")
                     .arg(now, was)
           : answer == QLatin1String("noLongerAllowed")
               ? tr("Patient name corrected by staff: %1 (was %2); the provider keeps the old "
                    "name (ID already approved)")
                     .arg(now, was)
               : tr("Patient name corrected by staff: %1 (was %2); the provider did not take it")
                     .arg(now, was);
}

} // namespace clinicdesk
