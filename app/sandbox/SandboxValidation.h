#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace clinicdesk {

// The provider's checks on a POST /visit/createNoPay (and createNoPayPhotos) body, with the
// provider's own error texts, in this order: "Payload contains bad fields: a, b", "State not
// valid", and for a weightlossCheckin "Titration details missing", "BMI malformed or missing",
// "BMI below eligibility level". These are all errors in the fields themselves; eligibility needs
// the sandbox's state and is checked afterwards (SandboxCheckin, SandboxVisitRoutes).
//
// Beyond the intake fields: pharmacyId, when sent, must be in the sandbox's pharmacy directory;
// a clinic that verified the patient's ID itself sends patientVerified: true with a
// verificationId (1-100 characters), never on createNoPayPhotos; a weightlossCheckin carries
// formObj.titration (Increase | Decrease | Stay the same) and formObj.BMI (digits, as a string or
// a whole number) and no patientPreference; other visit types carry neither.
class SandboxValidation
{
public:
    static const QStringList &visitTypes();
    static bool isUsState(const QString &code);
    // Empty when the body is acceptable, else the provider's error text.
    static QString createVisitError(const QJsonObject &body, bool photoVisit = false);
    // The offending field names, in a stable order.
    static QStringList badFields(const QJsonObject &body, bool photoVisit = false);
};

} // namespace clinicdesk
