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
    // The stored version this state continues (1 for a draft's first save, one more for each
    // save after it); 0: not read from the store (a new draft). A save that continues an older
    // version than the stored one is a conflict (another workstation wrote it meanwhile).
    qint64 version = 0;
};

} // namespace clinicdesk
