#pragma once

#include "domain/VisitEvent.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace clinicdesk {

// What a provider event tells the patient, if anything (issue 17): the template it uses and the
// placeholder values it brings. Only values from the safe set ever leave here (carrier and
// tracking of a shipment); never the diagnosis, the medication or the chat text.
struct PatientNotice
{
    QString templateKey;            // one of templateKeys()
    QHash<QString, QString> params; // placeholder -> value, safe placeholders only

    // prescription_written, more_information_needed, shipped, delivered, referred, canceled,
    // lab_requisition_ready.
    static const QStringList &templateKeys();
    // The placeholders a template may use: clinic_name, clinic_phone, first_name, carrier,
    // tracking, date.
    static const QStringList &safePlaceholders();
    // Nothing for events the patient is not told about. `needsInfo`: the event left the visit
    // in NeedsInfo (a clinician's chat after the conclusion asks for nothing).
    static std::optional<PatientNotice> forEvent(const VisitEvent &event, bool needsInfo);
};

// The consent a patient gave for messages, per channel (issue 17): when and by which staff member
// it was recorded; an empty `at` is no consent (never given, or withdrawn).
struct NotificationConsent
{
    QString emailAt;
    QString emailBy;
    QString smsAt;
    QString smsBy;
    QString language = QStringLiteral("en"); // en or es

    bool email() const { return !emailAt.isEmpty(); }
    bool sms() const { return !smsAt.isEmpty(); }
};

} // namespace clinicdesk
