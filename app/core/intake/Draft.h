#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

// An unfinished intake. `answers` (PHI) is sealed as one JSON value; the rest is plain metadata
// for the drafts list.
struct Draft
{
    QString id; // empty until saved
    QString patientId;
    QString visitType;
    QString questionnaire;
    QString ownerUser;
    int page = 0;
    int completion = 0; // percent
    QJsonObject answers;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace clinicdesk
