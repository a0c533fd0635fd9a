#include "visits/VisitCorrection.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/BelugaAdapter.h"
#include "provider/Outbox.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace clinicdesk {
namespace {

IntakeForm patientForm(const Patient &patient)
{
    static const Questionnaire questionnaire = QuestionnaireLibrary::load().patient();
    IntakeForm form(questionnaire);
    form.setPatient(patient);
    return form;
}

// The formObj fields the demographics fill in, by difference with an empty form (so that the
// provider's field names stay in BelugaAdapter).
QJsonObject demographicFields(const Patient &patient)
{
    static const QJsonObject empty =
        BelugaAdapter::formObj(patientForm(Patient{}).submissionView());
    QJsonObject fields = BelugaAdapter::formObj(patientForm(patient).submissionView());
    for (auto it = empty.begin(); it != empty.end(); ++it)
        fields.remove(it.key());
    return fields;
}

QStringList changedFields(const Patient &a, const Patient &b)
{
    QStringList changed;
    auto add = [&](bool differs, const char *name) {
        if (differs)
            changed << QLatin1String(name);
    };
    add(a.firstName != b.firstName, "firstName");
    add(a.lastName != b.lastName, "lastName");
    add(a.dob != b.dob, "dob");
    add(a.sex != b.sex, "sex");
    add(a.phone != b.phone, "phone");
    add(a.email != b.email, "email");
    add(a.address != b.address, "address");
    add(a.city != b.city, "city");
    add(a.state != b.state, "state");
    add(a.zip != b.zip, "zip");
    return changed;
}

} // namespace

Result<Patient> VisitCorrection::demographics(LocalStore &store, const QString &visitId)
{
    auto visit = VisitRepository(store).find(visitId);
    if (!visit)
        return visit.error();
    if (!visit.value())
        return makeError(ErrorCode::NotFound, tr("There is no visit %1.").arg(visitId));
    return PatientRepository(store).get(visit.value()->patientId);
}

QList<IntakeIssue> VisitCorrection::validate(const Patient &corrected)
{
    return patientForm(corrected).validate();
}

Result<void> VisitCorrection::resubmit(LocalStore &store, AuditLog &audit, const QString &visitId,
                                       const Patient &input, const QString &byUser)
{
    // As the intake would store them: trimmed, the state in capitals.
    const IntakeForm checked = patientForm(input);
    const Patient corrected = checked.patient();
    const QList<IntakeIssue> issues = checked.validate();
    if (!issues.isEmpty()) {
        QStringList messages;
        for (const IntakeIssue &issue : issues)
            messages << issue.message;
        return makeError(ErrorCode::InvalidInput,
                         tr("%n field(s) need attention: %1", nullptr, int(issues.size()))
                             .arg(messages.join(QLatin1Char(' '))));
    }
    QStringList changed;
    auto r = store.db().transaction([&]() -> Result<void> {
        VisitRepository visits(store);
        auto visit = visits.find(visitId);
        if (!visit)
            return visit.error();
        if (!visit.value())
            return makeError(ErrorCode::NotFound, tr("There is no visit %1.").arg(visitId));
        const QString patientId = visit.value()->patientId;
        if (!visit.value()->statusKnown ||
            visit.value()->state.status != VisitStateMachine::Status::Rejected)
            return makeError(ErrorCode::Conflict,
                             tr("Only a visit the provider refused can be corrected and sent "
                                "again."));
        auto opened = visits.openCreateBody(visitId);
        if (!opened)
            return opened.error();
        QJsonObject body = QJsonDocument::fromJson(opened.value()).object();
        if (body.isEmpty())
            return makeError(ErrorCode::Integrity,
                             tr("The visit's stored form is not readable JSON."));

        PatientRepository patients(store);
        auto before = patients.get(patientId);
        if (!before)
            return before.error();
        changed = changedFields(before.value(), corrected);

        // Replace every demographic field: drop the old ones (a field may have become empty)
        // and write the corrected ones.
        QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        const QJsonObject oldFields = demographicFields(before.value());
        const QJsonObject newFields = demographicFields(corrected);
        for (auto it = oldFields.begin(); it != oldFields.end(); ++it)
            form.remove(it.key());
        for (auto it = newFields.begin(); it != newFields.end(); ++it)
            form.insert(it.key(), it.value());
        body.insert(QStringLiteral("formObj"), form);
        if (auto replaced = visits.replaceCreateBody(visitId, body); !replaced)
            return replaced;

        Patient updated = corrected;
        updated.id = patientId;
        if (auto saved = patients.save(updated, byUser); !saved)
            return saved.error();
        return Outbox(store).resubmit(visitId, byUser);
    });
    const QString detail =
        QStringLiteral("resubmitted after correction; fields: %1")
            .arg(changed.isEmpty() ? QStringLiteral("none") : changed.join(QLatin1Char(',')));
    if (auto logged = audit.append(
            {AuditAction::Submit, byUser, QStringLiteral("visit"), visitId,
             r ? AuditOutcome::Success : AuditOutcome::Failure,
             r ? detail
               : QStringLiteral("resubmission failed: error code %1").arg(int(r.error().code))});
        !logged)
        qCWarning(lcVisits) << "audit entry failed, error code" << int(logged.error().code);
    if (!r)
        return r.error();
    qCInfo(lcVisits) << "visit" << visitId << "corrected and queued again";
    return {};
}

} // namespace clinicdesk
