#pragma once

#include "base/Result.h"
#include "visits/VisitRecord.h"

#include <QCoreApplication>

namespace clinicdesk {

class Database;
class FieldCipher;

// The visit timeline's entries for the messages sent to the patient about it (issue 17): one per
// notification, with its channel, its template and its state (queued, sent, failed with the
// reason, held for quiet hours, blocked by no consent). Never the address or number: the rows
// do not hold them, and the sender removes them from a server's error text before storing it.
class PatientMessageTimeline
{
    Q_DECLARE_TR_FUNCTIONS(PatientMessageTimeline)

public:
    static Result<QList<VisitRecord::TimelineEntry>>
    entries(Database &db, const FieldCipher &cipher, const QString &visitId);
    // Adds the visit's messages to its local history and puts that in time order.
    static Result<void> addTo(QList<VisitRecord::TimelineEntry> &local, Database &db,
                              const FieldCipher &cipher, const QString &visitId);
    static QString templateName(const QString &templateKey);
};

} // namespace clinicdesk
