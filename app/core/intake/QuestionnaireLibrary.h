#pragma once

#include "intake/Questionnaire.h"

#include <QHash>
#include <QMap>

namespace clinicdesk {

// The questionnaires an intake can use: the patient demographics (patient.json) and one
// clinical questionnaire per visit type, read from the embedded defaults
// (:/clinicdesk/questionnaires) and then, optionally, from a directory whose files override or
// add visit types. A file that fails to load is left out and its message kept in errors():
// one bad file never takes the others down.
class QuestionnaireLibrary
{
public:
    static inline const QString kEmbeddedDir = QStringLiteral(":/clinicdesk/questionnaires");
    static inline const QString kPatient = QStringLiteral("patient");
    // A questionnaire with this extension (valueCode: a visit type) continues a visit of that
    // type, e.g. the weight-loss check-in: it is started from that visit, never as a new visit,
    // so visitTypes() (the wizard's list) leaves it out.
    static inline const QString kContinuesExtension =
        QStringLiteral("https://clinicdesk.example/fhir/StructureDefinition/continues");

    // Loads the embedded set, then `extraDir` when given.
    static QuestionnaireLibrary load(const QString &extraDir = {});
    // Loads every *.json in `dir` into this library (a later file replaces an earlier one with
    // the same name).
    void loadDirectory(const QString &dir);

    const Questionnaire &patient() const { return m_patient; }
    // Visit types a new visit can have, sorted (continuations left out).
    QStringList visitTypes() const;
    // The visit type `visitType` continues; empty when it starts on its own.
    QString continues(const QString &visitType) const { return m_continues.value(visitType); }
    bool contains(const QString &visitType) const { return m_visitTypes.contains(visitType); }
    const Questionnaire visitType(const QString &visitType) const
    {
        return m_visitTypes.value(visitType);
    }
    // The patient's questions followed by the visit type's, ready for an IntakeForm; only the
    // patient's when `visitType` is empty or unknown.
    Questionnaire intake(const QString &visitType) const;

    // Each visit type's title in the user's language (QLocale()), by code.
    QHash<QString, QString> visitTypeTitles() const;

    const QStringList &errors() const { return m_errors; }

private:
    Questionnaire m_patient;
    QMap<QString, Questionnaire> m_visitTypes;
    QHash<QString, QString> m_continues; // continuation -> the visit type it continues
    QStringList m_errors;
};

} // namespace clinicdesk
