#pragma once

#include "base/Result.h"
#include "provider/ProviderUpload.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace clinicdesk {

class AuditLog;
class LocalStore;
class ProviderClient;

// A patient's name corrected by staff (issue 15, item 5): the provider is told for each of the
// patient's open visits (/external/updateName), each answer is explained in staff's words, the
// local patient takes the new name, and each visit's timeline keeps both names. The provider's
// NAME_UPDATE that follows an accepted correction is applied by the relay (VisitEventApplier).
class NameCorrection
{
    Q_DECLARE_TR_FUNCTIONS(NameCorrection)

public:
    // A correction staff made, on the visit's timeline (a local visit_events row).
    static constexpr const char *kEvent = "NAME_CORRECTION";

    struct Target
    {
        QString visitId;
        QString masterId;
    };
    struct Outcome
    {
        QString visitId;
        NameChangeStatus status = NameChangeStatus::NoReply;
    };
    using Done = std::function<void(const QList<Outcome> &)>;

    // The patient's visits the provider knows and has not closed: Submitted, NeedsInfo and
    // Prescribed (the pharmacy's label carries the name), oldest first.
    static Result<QList<Target>> openVisits(LocalStore &store, const QString &patientId);
    // One updateName per visit, in turn; `done` gets every answer in the targets' order.
    static void send(ProviderClient &client, const QList<Target> &targets, const QString &firstName,
                     const QString &lastName, Done done);
    // In one transaction: the patient's new name and, on each visit of `outcomes`, a
    // NAME_CORRECTION timeline entry with both names and the provider's answer. Audited (the
    // patient's id and the counts, never a name).
    static Result<void> record(LocalStore &store, AuditLog &audit, const QString &patientId,
                               const QString &firstName, const QString &lastName,
                               const QList<Outcome> &outcomes, const QString &byUser);

    // What staff read for one answer, ending with what to do next.
    static QString explain(NameChangeStatus status);
    // The timeline line of a NAME_CORRECTION (staff) or NAME_UPDATE (provider) payload.
    static QString timelineLabel(const QJsonObject &payload, bool fromProvider);
};

} // namespace clinicdesk
