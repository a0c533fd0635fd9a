#include "visits/CheckinStart.h"

#include "intake/CheckinRules.h"
#include "intake/Draft.h"
#include "intake/DraftRepository.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clinicdesk {

namespace {

void collect(const QJsonArray &items, QJsonObject &out)
{
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString linkId = item.value(QLatin1String("linkId")).toString();
        QJsonArray values;
        for (const QJsonValue &a : item.value(QLatin1String("answer")).toArray()) {
            const QJsonObject answer = a.toObject();
            for (auto it = answer.begin(); it != answer.end(); ++it) {
                if (!it.key().startsWith(QLatin1String("value")))
                    continue;
                values.append(it.value().isObject()
                                  ? it.value().toObject().value(QLatin1String("code"))
                                  : it.value());
            }
            collect(answer.value(QLatin1String("item")).toArray(), out);
        }
        if (!linkId.isEmpty() && !values.isEmpty())
            out.insert(linkId, values);
        collect(item.value(QLatin1String("item")).toArray(), out);
    }
}

} // namespace

QJsonObject CheckinStart::answersOf(const QJsonObject &questionnaireResponse)
{
    QJsonObject out;
    collect(questionnaireResponse.value(QLatin1String("item")).toArray(), out);
    return out;
}

bool CheckinStart::updateBmi(IntakeForm &form)
{
    const std::optional<double> bmi = CheckinRules::bmi(form);
    const QJsonArray before = form.answers(CheckinRules::kBmi);
    // One decimal, rounded down as the BMI is shown (CheckinRules::display).
    const QJsonArray after =
        bmi ? QJsonArray{CheckinRules::display(*bmi).toDouble()} : QJsonArray{};
    if (before == after)
        return false;
    form.setAnswers(CheckinRules::kBmi, after);
    return true;
}

Result<CheckinStart::Started> CheckinStart::fromVisit(LocalStore &store,
                                                      const QuestionnaireLibrary &library,
                                                      const QString &programmeVisitId)
{
    VisitRepository visits(store);
    auto row = visits.find(programmeVisitId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("No such visit."));
    const QString type = row.value()->visitType;
    if (type != DueList::programmeType() && type != DueList::followupType())
        return makeError(ErrorCode::InvalidInput,
                         tr("A check-in starts from a weight-loss visit."));
    auto patient = PatientRepository(store).get(row.value()->patientId);
    if (!patient)
        return patient.error();

    Started s;
    s.patientId = row.value()->patientId;
    s.form = IntakeForm(library.intake(DueList::checkinType()));
    s.form.applyInitialValues();
    s.form.setPatient(patient.value());
    auto response = visits.openQuestionnaireResponse(programmeVisitId);
    if (!response)
        return response.error();
    if (response.value()) {
        const QJsonObject earlier = answersOf(QJsonDocument::fromJson(*response.value()).object());
        const Questionnaire &q = s.form.questionnaire();
        // In the check-in's order.
        for (const QString &linkId : q.linkIds()) {
            const QuestionnaireItem *item = q.item(linkId);
            // The patient's own questions come from the record; consents are given anew.
            if (!earlier.contains(linkId) || !item->isQuestion() || item->readOnly ||
                linkId.startsWith(QLatin1String("patient.")) ||
                linkId.startsWith(QLatin1String("consent")))
                continue;
            s.form.setAnswers(linkId, earlier.value(linkId).toArray());
            s.carried << linkId;
        }
    }
    updateBmi(s.form);
    return s;
}

Result<QString> CheckinStart::followupDraft(LocalStore &store, const QuestionnaireLibrary &library,
                                            const QString &checkinVisitId, const QString &byUser)
{
    VisitRepository visits(store);
    auto row = visits.find(checkinVisitId);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("No such visit."));
    auto patient = PatientRepository(store).get(row.value()->patientId);
    if (!patient)
        return patient.error();
    IntakeForm form(library.intake(DueList::followupType()));
    form.applyInitialValues();
    form.setPatient(patient.value());
    auto response = visits.openQuestionnaireResponse(checkinVisitId);
    if (!response)
        return response.error();
    if (response.value()) {
        const QJsonObject earlier = answersOf(QJsonDocument::fromJson(*response.value()).object());
        for (auto it = earlier.begin(); it != earlier.end(); ++it) {
            const QuestionnaireItem *item = form.questionnaire().item(it.key());
            if (item && item->isQuestion() && !item->readOnly &&
                !it.key().startsWith(QLatin1String("patient.")) &&
                !it.key().startsWith(QLatin1String("consent")))
                form.setAnswers(it.key(), it.value().toArray());
        }
    }
    Draft draft;
    draft.patientId = row.value()->patientId;
    draft.visitType = DueList::followupType();
    const Questionnaire &q = form.questionnaire();
    draft.questionnaire = q.url().isEmpty() ? q.name() : q.url() + QLatin1Char('|') + q.version();
    draft.ownerUser = byUser;
    draft.page = 1;
    draft.completion = form.completion();
    draft.answers = form.allAnswers();
    return DraftRepository(store).save(draft);
}

} // namespace clinicdesk
