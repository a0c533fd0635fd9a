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

    // Loads the embedded set, then `extraDir` when given.
    static QuestionnaireLibrary load(const QString &extraDir = {});
    // Loads every *.json in `dir` into this library (a later file replaces an earlier one with
    // the same name).
    void loadDirectory(const QString &dir);

    const Questionnaire &patient() const { return m_patient; }
    // Visit types with a questionnaire, sorted.
    QStringList visitTypes() const { return m_visitTypes.keys(); }
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
    QStringList m_errors;
};

} // namespace clinicdesk
