#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

// The timeline lines of the entries staff's own actions put among a visit's events (a name
// correction, a provider patient link, a titration request and its answer); VisitRecord shows
// them as staff's.
class StaffTimeline
{
    Q_DECLARE_TR_FUNCTIONS(StaffTimeline)

public:
    // Empty for any other event type.
    static QString label(const QString &eventType, const QJsonObject &payload);
};

} // namespace clinicdesk
