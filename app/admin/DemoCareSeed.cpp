#include "DemoCareSeed.h"

#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "intake/Draft.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/IntakeSubmission.h"

#include <QDateTime>

namespace clinicdesk {

Result<QList<DemoDueVisit>> seedDueStates(LocalStore &store,
                                          const QList<std::pair<Patient, IntakeForm>> &patients,
                                          const QString &byUser)
{
    static const std::pair<const char *, int> states[] = {
        {"titration", 20}, {"checkin", 80}, {"ended", 185}};
    if (patients.size() != int(std::size(states)))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("one demo patient per due state is needed"));
    QList<DemoDueVisit> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < int(std::size(states)); ++i) {
        auto patientId = PatientRepository(store).save(patients[i].first, byUser);
        if (!patientId)
            return patientId.error();
        Draft from;
        from.patientId = patientId.value();
        from.ownerUser = byUser;
        from.visitType = QStringLiteral("weightloss");
        auto submitted = IntakeSubmission::submit(store, patients[i].second, from, byUser);
        if (!submitted)
            return submitted.error();
        // Resolved and prescribed `daysAgo` days ago: the Due view's times, never Queued.
        const QString at = TimeText::utc(now.addDays(-states[i].second));
        VisitRepository::Change change;
        change.from = VisitStateMachine::Status::Queued;
        change.status = VisitStateMachine::Status::Prescribed;
        change.rx = VisitStateMachine::RxStatus::Written;
        change.updatedAt = at;
        auto moved = VisitRepository(store).update(submitted->visitId, change);
        if (!moved)
            return moved.error();
        if (!moved.value())
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("demo visit %1 moved meanwhile").arg(submitted->visitId));
        out << DemoDueVisit{QString::fromLatin1(states[i].first), states[i].second,
                            patientId.value(), submitted->visitId, submitted->masterId};
    }
    return out;
}

} // namespace clinicdesk
