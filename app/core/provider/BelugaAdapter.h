#pragma once

#include "intake/IntakeAnswers.h"
#include "provider/ProviderCare.h"
#include "provider/ProviderRecords.h"
#include "provider/ProviderResult.h"
#include "provider/ProviderRoute.h"
#include "provider/ProviderUpload.h"

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
    // The longest days' supply the createVisitBody() asks for (0 when it asks for none).
    static int supplyDaysOf(const QJsonObject &createVisitBody);
    // One HTTP reply in our terms: the HTTP status first, then the provider's habit of answering
    // HTTP 200 with {"status":400,"error":"…"} (and {"status":200,"data":…} on success).
    static ProviderResult normaliseReply(int httpStatus, const QByteArray &body);
    // createNoPay's data: the provider's visit id (empty when absent).
    static QString providerVisitId(const QJsonValue &data);
    // externalFetch's data.
    static ProviderVisitStatus visitStatus(const QJsonValue &data);

    // --- The rest of the provider's surface (BelugaAdapterRoutes.cpp; DESIGN "The rest of the
    // provider's surface", docs/provider.md) ---
    static QString routePath(ProviderRoute route);
    // Each route's reply in our terms: normaliseReply, except the prescription routes, whose
    // status is a name (NEW_RX_SENT and VISIT_DATA_UPDATED are Ok, every other one Refused with
    // its info as the message, the whole body in `data`).
    static ProviderResult normalise(ProviderRoute route, int httpStatus, const QByteArray &body);
    // The reads (externalFetch): the provider answers a bad key with HTTP 400 and no body,
    // which is Unauthorized here; everything else as normaliseReply.
    static ProviderResult normaliseRead(int httpStatus, const QByteArray &body);
    // The body as sent: updateVisit carries the API key in its body as well as in the header.
    // Added at send time only, so a queued body never holds the key.
    static QJsonObject withApiKey(ProviderRoute route, QJsonObject body, const QByteArray &apiKey);

    // createNoPay for a clinic that verified the patient's ID itself.
    static QJsonObject withVerifiedId(QJsonObject createVisitBody, const QString &verificationId);
    // A check-in visit: visitType weightlossCheckin, no patientPreference, titration and BMI
    // (whole number) in formObj.
    static QJsonObject asCheckin(QJsonObject createVisitBody, CheckinTitration titration, int bmi);
    // receivePhotos (images are sent as they are, base64 without a data: prefix) and receivePdf;
    // `providerVisitId` is the visitId createNoPay(Photos) returned.
    static QJsonObject photosBody(const QString &providerVisitId,
                                  const QList<ProviderImage> &images);
    static QJsonObject pdfBody(const QString &providerVisitId, const QByteArray &pdf);
    // receiveChat with a JPEG (isMedia).
    static QJsonObject staffMediaBody(const QString &firstName, const QString &lastName,
                                      const QByteArray &jpeg, const QString &masterId);
    static QJsonObject pharmacySearchBody(const PharmacySearch &search);
    static QJsonObject updateVisitBody(const PrescriptionRequest &request);
    static QJsonObject nextTitrationBody(const PrescriptionRequest &request);
    static QJsonObject updateNameBody(const QString &masterId, const QString &firstName,
                                      const QString &lastName);
    // What a stored createNoPay body sent: its pharmacy id (empty when none) and its
    // patientPreference items (a titration or a resend repeats them).
    static QString sentPharmacyId(const QJsonObject &createVisitBody);
    static QList<MedicationPreference> sentPreference(const QJsonObject &createVisitBody);

    static QList<Pharmacy> pharmacies(const QJsonValue &data);
    static CareReply careReply(const ProviderResult &result);
    static UploadStatus uploadStatus(const ProviderResult &result);
    static NameChangeStatus nameChangeStatus(const ProviderResult &result);
    static ProviderPatient patient(const QJsonValue &data);
    static ProviderVisitDetails visitDetails(const QJsonValue &data);
    // A check-in the provider accepted with "Patient needs to submit a followup visit".
    static bool needsFollowup(const ProviderResult &createResult);
};

} // namespace clinicdesk
