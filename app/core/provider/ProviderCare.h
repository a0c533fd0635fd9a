#pragma once

#include <QList>
#include <QString>

namespace clinicdesk {

// Prescription changes and titration requests in ClinicDesk's terms (BelugaAdapter maps the
// provider's status names onto these). Every status the provider can answer to
// /external/updateVisit or the next-titration route has its value; NoReply when no answer came
// (network, timeout, 5xx, the key refused: see the ProviderResult); Unknown is a status this
// build does not know (shown with the provider's own info text).
enum class CareStatus
{
    NoReply,
    Unknown,
    NewRxSent,         // a new prescription went to the pharmacy
    VisitDataUpdated,  // the visit was not resolved yet: the clinician will use the new details
    NoVisit,           // the provider has no such visit
    VisitWasReferred,  // referred: no prescription can be written
    TooManyRetries,    // the prescription was changed or resent too often
    CategoryMismatch,  // a medication from another category than the visit's
    PharmacyMismatch,  // the pharmacy is unknown, in another state, or not the visit's
    TooLongAgo,        // the prescription (updateVisit) or the visit (titration) is too old
    DurationMismatch,  // 1-month versus 3-month
    TitrationMismatch, // the dose does not follow the titration
    RxError,           // the medication cannot be prescribed
    Generic,           // anything else, e.g. a malformed request; see info
    NotResolved,       // titration: the visit is not resolved yet
    VisitMismatch,     // titration: not the patient's current programme visit
    MaxMonthsReached,  // titration: the programme's months are used up
    NeedsCheckin,      // titration: a check-in visit is due first
    FollowupRequired,  // titration: a followup visit is required first
    TooManyItems,      // titration: exactly one medication may be requested
    RxTimeOutOfRange,  // titration: too soon or too late after the previous prescription
};

// What staff can do about a status: the UI turns this into its message and its button.
enum class CareNextStep
{
    None,             // done (a new prescription), nothing to do
    WaitForClinician, // the clinician has the new details / has not resolved the visit yet
    StartCheckin,     // start a weightlossCheckin visit for the patient
    StartFollowup,    // start a weightlossfollowup visit
    StartNewVisit,    // the programme or visit is over: a new visit
    ChoosePharmacy,   // pick another pharmacy (or change the visit's first)
    ChooseMedication, // pick another medication, dose, length or a single item
    WaitForWindow,    // ask again inside the allowed window
    UseCurrentVisit,  // ask on the patient's most recent resolved programme visit
    ContactProvider,  // nothing more through the API: contact the provider's support
    Retry,            // no answer (network, timeout, provider down): the same request later
};

// A check-in's answer about the dose.
enum class CheckinTitration
{
    Increase,
    Decrease,
    StayTheSame,
};

// One patientPreference item: what staff ask the provider to prescribe.
struct MedicationPreference
{
    QString name;
    QString strength;
    QString quantity;
    QString refills;
    int daysSupply = 0;
    QString medId;
};

// One medsPrescribed entry of a new prescription.
struct PrescribedMedication
{
    QString rxName;
    QString rxStrength;
    QString rxRefills;
    QString rxQuantity;
    QString rxId;
    QString medId;
};

// The body of a prescription change or titration request.
struct PrescriptionRequest
{
    QString masterId;
    QString pharmacyId;                     // empty: keep the visit's (updateVisit only)
    QList<MedicationPreference> preference; // empty: resend the current one (updateVisit only)
};

// The provider's answer to a prescription change or titration request.
struct CareReply
{
    CareStatus status = CareStatus::NoReply;
    QString providerStatus; // the provider's own status name, for the log and support
    QString info;           // the provider's explanation
    QList<PrescribedMedication> medsPrescribed; // NewRxSent only

    bool accepted() const
    {
        return status == CareStatus::NewRxSent || status == CareStatus::VisitDataUpdated;
    }
    static CareNextStep nextStep(CareStatus status);
};

} // namespace clinicdesk
