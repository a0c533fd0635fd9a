#pragma once

#include "BoardFixture.h"
#include "base/TimeText.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QDateTime>

namespace clinicdesk::test {

// Weight-loss patients in each due state (issue 15), for the Due view's test and screenshots.
// Every programme visit is submitted and resolved now, as staff and the relay make them; later
// prescriptions are recorded as a confirmed titration records them
// (VisitRepository::recordPrescription). The states hold at `dueNowMs()`: 80 days on.
struct CareScene
{
    QString lucia, omar, grace, noah, ivy;                // patients
    QString luciaVisit, omarVisit, graceVisit, noahVisit; // their programme visits
    qint64 resolvedMs = 0;

    qint64 dueNowMs() const { return resolvedMs + 80 * DueList::kDayMs + 3600 * 1000; }
    QString daysOn(int days) const
    {
        return TimeText::utcFromMs(resolvedMs + days * DueList::kDayMs);
    }

    // At dueNowMs():
    //   Lucía  titration (prescribed 20 days ago: 40 left) and check-in (10 left)
    //   Omar   titration (prescribed 55 days ago: 5 left) and check-in (10 left)
    //   Grace  programme ended (6 months prescribed)
    //   Noah   check-in (10 left)
    //   Ivy    a programme visit still with the clinician: nothing due
    static CareScene build(LocalStore &store)
    {
        using Status = VisitStateMachine::Status;
        using RxStatus = VisitStateMachine::RxStatus;
        CareScene s;
        BoardFixture fx(store);
        auto patient = [&](const char *first, const char *last, int n) {
            return fx.addPatient(QString::fromUtf8(first), QString::fromUtf8(last),
                                 QDate(1980, 1 + n, 1 + n),
                                 QStringLiteral("51255503%1").arg(n, 2, 10, QLatin1Char('0')));
        };
        auto resolved = [&](const QString &p) {
            return fx.addVisit(
                {p, DueList::programmeType(), Status::Prescribed, RxStatus::Written});
        };
        s.lucia = patient("Lucía", "Demo", 1);
        s.omar = patient("Omar", "Test", 2);
        s.grace = patient("Grace", "Example", 3);
        s.noah = patient("Noah", "Fictional", 4);
        s.ivy = patient("Ivy", "Placeholder", 5);
        s.luciaVisit = resolved(s.lucia);
        s.omarVisit = resolved(s.omar);
        s.graceVisit = resolved(s.grace);
        s.noahVisit = resolved(s.noah);
        fx.addVisit({s.ivy, DueList::programmeType(), Status::Submitted});
        s.resolvedMs = QDateTime::currentMSecsSinceEpoch();
        VisitRepository visits(store);
        auto record = [&](const QString &visit, int day, int months) {
            auto r = visits.recordPrescription(visit, s.daysOn(day), months);
            if (!r || !r.value())
                qFatal("care scene: prescription not recorded");
        };
        record(s.luciaVisit, 60, 1);
        record(s.omarVisit, 25, 1);
        record(s.graceVisit, 30, 5);
        return s;
    }
};

} // namespace clinicdesk::test
