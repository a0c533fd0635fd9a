#pragma once

#include "domain/Patient.h"
#include "intake/IntakeAnswers.h"
#include "intake/Questionnaire.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace clinicdesk {

// A problem with one answer, for the message next to its field.
struct IntakeIssue
{
    QString linkId;
    QString message;
};

// The answers of one intake against its questionnaire: enableWhen evaluation, validation,
// completion, and export as a FHIR QuestionnaireResponse.
//
// Answers are kept per linkId as a JSON array of values: a boolean, a number, an ISO date
// string, a string, or an option's code. What the user typed is kept even when it does not
// parse yet (a half-typed date stays a string), and the answers of a hidden item are kept
// too, so that going back or re-enabling an item never loses anything; but a hidden item is
// never validated, never counted and never exported.
class IntakeForm
{
    Q_DECLARE_TR_FUNCTIONS(IntakeForm)

public:
    // The demographics questions every intake starts with (resources/questionnaires/patient.json).
    static inline const QString kFirstName = QStringLiteral("patient.firstName");
    static inline const QString kLastName = QStringLiteral("patient.lastName");
    static inline const QString kDob = QStringLiteral("patient.dob");
    static inline const QString kSex = QStringLiteral("patient.sex");
    static inline const QString kPhone = QStringLiteral("patient.phone");
    static inline const QString kEmail = QStringLiteral("patient.email");
    static inline const QString kAddress = QStringLiteral("patient.address");
    static inline const QString kCity = QStringLiteral("patient.city");
    static inline const QString kState = QStringLiteral("patient.state");
    static inline const QString kZip = QStringLiteral("patient.zip");

    IntakeForm() = default;
    explicit IntakeForm(Questionnaire questionnaire);

    const Questionnaire &questionnaire() const { return m_questionnaire; }
    // Switches questionnaire (another visit type) and keeps every answer.
    void setQuestionnaire(Questionnaire questionnaire)
    {
        m_questionnaire = std::move(questionnaire);
    }

    // Fills the initial values of the questions that have no answer yet.
    void applyInitialValues();

    QJsonArray answers(const QString &linkId) const { return m_answers.value(linkId).toArray(); }
    QJsonValue answer(const QString &linkId) const { return answers(linkId).first(); }
    QString text(const QString &linkId) const;
    // An empty array (or only blank strings) removes the answer.
    void setAnswers(const QString &linkId, const QJsonArray &values);
    void setAnswer(const QString &linkId, const QJsonValue &value);
    // Every stored answer, for the draft (hidden ones too).
    const QJsonObject &allAnswers() const { return m_answers; }
    void setAllAnswers(const QJsonObject &answers);

    // Whether the item is shown: its ancestors are, and its enableWhen holds.
    bool isEnabled(const QString &linkId) const;
    // Has a non-blank answer (whether or not it is valid).
    bool isAnswered(const QString &linkId) const;

    // The message for the item's answer, empty when it is fine or the item is hidden. Covers
    // the questionnaire's rules and the provider's (BelugaAdapter).
    QString validateItem(const QString &linkId) const;
    // Every problem among the enabled questions under `roots` (every item when empty).
    QList<IntakeIssue> validate(const QStringList &roots = {}) const;

    // Percent of the enabled required questions that are answered.
    int completion() const;

    // What a submission sends, in one value: every enabled item with its answers as the
    // clinician reads them (IntakeAnswers). The provider adapter builds the formObj from this.
    IntakeAnswers submissionView() const;

    // A FHIR R4 QuestionnaireResponse: enabled, answered items only, in the base language.
    QJsonObject questionnaireResponse(const QString &status = QStringLiteral("in-progress"),
                                      const QString &identifier = {}) const;

    Patient patient() const;
    void setPatient(const Patient &patient);

    // "MM/DD/YYYY" or ISO text to an ISO date answer; anything else stays as typed.
    static QJsonValue dateAnswer(const QString &typed);
    // An ISO date answer as MM/DD/YYYY for display; other text as is.
    static QString dateText(const QJsonValue &answer);

private:
    bool conditionHolds(const EnableWhen &condition) const;
    QString valueIssue(const QuestionnaireItem &item, const QJsonValue &value) const;

    Questionnaire m_questionnaire;
    QJsonObject m_answers;
};

} // namespace clinicdesk
