#include "intake/QuestionnaireLibrary.h"

#include "base/Logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace clinicdesk {

QuestionnaireLibrary QuestionnaireLibrary::load(const QString &extraDir)
{
    QuestionnaireLibrary library;
    library.loadDirectory(kEmbeddedDir);
    if (!extraDir.isEmpty())
        library.loadDirectory(extraDir);
    return library;
}

void QuestionnaireLibrary::loadDirectory(const QString &dir)
{
    QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    // The patient questionnaire first: the clinical ones may refer to its items.
    const QString patientFile = kPatient + QStringLiteral(".json");
    if (files.removeAll(patientFile) > 0)
        files.prepend(patientFile);
    for (const QString &name : std::as_const(files)) {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            m_errors << QStringLiteral("questionnaire %1: %2").arg(name, file.errorString());
            continue;
        }
        const bool isPatient = name == patientFile;
        const QByteArray bytes = file.read(4 * 1024 * 1024);
        auto q = Questionnaire::fromJson(bytes, name, isPatient ? Questionnaire() : m_patient);
        if (q && !isPatient && !m_patient.isEmpty()) {
            if (auto combined = Questionnaire::combine(m_patient, *q); !combined)
                q = combined.error();
        }
        if (!q) {
            qCWarning(lcIntake) << "questionnaire refused:" << q.error().message;
            m_errors << q.error().message;
            continue;
        }
        if (isPatient) {
            m_patient = *q;
            continue;
        }
        m_visitTypes.insert(q->name(), *q);
        m_continues.remove(q->name());
        const QJsonArray extensions =
            QJsonDocument::fromJson(bytes).object().value(QLatin1String("extension")).toArray();
        for (const QJsonValue &e : extensions) {
            if (e.toObject().value(QLatin1String("url")).toString() == kContinuesExtension)
                m_continues.insert(q->name(),
                                   e.toObject().value(QLatin1String("valueCode")).toString());
        }
    }
    qCInfo(lcIntake) << "questionnaires loaded from" << dir << ":" << m_visitTypes.size()
                     << "visit types," << m_errors.size() << "refused";
}

Questionnaire QuestionnaireLibrary::intake(const QString &visitType) const
{
    if (!m_visitTypes.contains(visitType))
        return m_patient;
    auto combined = Questionnaire::combine(m_patient, m_visitTypes.value(visitType));
    return combined ? *combined : m_patient;
}

QStringList QuestionnaireLibrary::visitTypes() const
{
    QStringList types;
    for (auto it = m_visitTypes.cbegin(); it != m_visitTypes.cend(); ++it) {
        if (!m_continues.contains(it.key()))
            types << it.key();
    }
    return types;
}

QHash<QString, QString> QuestionnaireLibrary::visitTypeTitles() const
{
    QHash<QString, QString> titles;
    for (auto it = m_visitTypes.cbegin(); it != m_visitTypes.cend(); ++it)
        titles.insert(it.key(), it.value().title().in(QLocale().name()));
    return titles;
}

} // namespace clinicdesk
