#pragma once

#include "base/Result.h"
#include "domain/Patient.h"
#include "intake/IntakeForm.h"

#include <QList>
#include <QString>

namespace clinicdesk {

class LocalStore;

// `demo seed --due-states`: one fake weight-loss patient in each state the board's Due view
// lists (issue 15), so its chip shows counts in the demo: the next titration window open (the
// visit resolved and prescribed 20 days ago), a check-in due (80 days ago, a 1-month
// prescription) and the programme ended (185 days ago). Each visit is made through the real
// intake path and then recorded as Prescribed at that time (VisitRepository: its resolution and
// prescription times), so it is never queued for the provider: the sandbox does not know these
// three visits. Runs inside demo seed's transaction.
struct DemoDueVisit
{
    QString state; // titration, checkin, ended
    int daysAgo = 0;
    QString patientId;
    QString visitId;
    QString masterId;
};

// `patients`: the three demo patients and their completed weight-loss intakes, in the order
// titration, check-in, ended.
Result<QList<DemoDueVisit>> seedDueStates(LocalStore &store,
                                          const QList<std::pair<Patient, IntakeForm>> &patients,
                                          const QString &byUser);

} // namespace clinicdesk
