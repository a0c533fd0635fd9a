#pragma once

#include "intake/IntakeAnswers.h"
#include "provider/ProviderResult.h"

#include <QJsonObject>
#include <QStringList>

namespace clinicdesk {

// Everything specific to the provider (Beluga Health style API) that an intake needs: the
// formObj field names, the custom-question numbering (Q1/A1...), the " POSSIBLE ANSWERS: "
// convention. An intake arrives as one value, IntakeForm::submissionView(): its enabled items with
// their answers already read, so nothing here evaluates the questionnaire. The provider client
// reuses this file; nothing else in ClinicDesk spells a provider field name. The format rules an
// intake checks as staff type (which match the provider's) are intake/DemographicRules.
class BelugaAdapter
{
public:
    // The visit's formObj: demographics, consentsSigned, selfReportedMeds / allergies /
    // medicalConditions, patientPreference, and every other enabled, answered question as
    // Qn/An in questionnaire order. Never an empty or null field.
    static QJsonObject formObj(const IntakeAnswers &intake);
    // The pharmacy chosen in the intake, for createNoPay's pharmacyId (empty when none).
    static QString pharmacyId(const IntakeAnswers &intake);
    // The whole POST /visit/createNoPay body.
    static QJsonObject createVisitBody(const IntakeAnswers &intake, const QString &masterId,
                                       const QString &company);

    static QString providerDob(const QDate &dob)
    {
        return dob.toString(QStringLiteral("MM/dd/yyyy"));
    }

    // --- The provider API as the client speaks it (ProviderClient, Outbox) ---
    static QString createVisitPath();
    static QString visitStatusPath(const QString &masterId);
    static QString patientPath(const QString &phone);
    static QString staffChatPath();
    static QString supportMessagePath();
    static QString pharmacySearchPath();
    // A staff reply to the clinician (receiveChat) and a message to support (receiveCSMessage).
    static QJsonObject staffChatBody(const QString &firstName, const QString &lastName,
                                     const QString &text, const QString &masterId);
    static QJsonObject supportMessageBody(const QString &text, const QString &masterId);
    static QJsonObject pharmacySearchBody(const QString &name, const QString &city,
                                          const QString &state, const QString &zip);
    // The idempotency key inside a createVisitBody().
    static QString masterIdOf(const QJsonObject &createVisitBody);
    // One HTTP reply in our terms: the HTTP status first, then the provider's habit of answering
    // HTTP 200 with {"status":400,"error":"…"} (and {"status":200,"data":…} on success).
    static ProviderResult normaliseReply(int httpStatus, const QByteArray &body);
    // createNoPay's data: the provider's visit id (empty when absent).
    static QString providerVisitId(const QJsonValue &data);
    // externalFetch's data.
    static ProviderVisitStatus visitStatus(const QJsonValue &data);
};

} // namespace clinicdesk
