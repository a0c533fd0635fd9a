#include "visits/CareGuidance.h"

namespace clinicdesk {

CareGuidance::Advice CareGuidance::advise(Request request, const CareReply &reply)
{
    return {CareReply::nextStep(reply.status), message(request, reply.status, reply.info)};
}

QString CareGuidance::message(Request request, CareStatus status, const QString &info)
{
    const bool titration = request == Request::NextTitration;
    const QString provider = info.trimmed().isEmpty() ? tr("no details given") : info.trimmed();
    switch (status) {
    case CareStatus::NewRxSent:
        return titration ? tr("The next titration prescription was sent to the pharmacy. "
                              "Nothing else to do: it is on the visit's prescription track.")
                         : tr("A new prescription was sent to the pharmacy. Nothing else to do: "
                              "it is on the visit's prescription track.");
    case CareStatus::VisitDataUpdated:
        return tr("The visit is not resolved yet, so the clinician will use the new details. "
                  "Wait for the clinician's decision.");
    case CareStatus::NotResolved:
        return tr("The clinician has not resolved this visit yet. Wait for the decision, then "
                  "request the next titration again.");
    case CareStatus::NoVisit:
        return tr("The provider has no such visit. Start a new visit for the patient.");
    case CareStatus::VisitWasReferred:
        return tr("The visit was referred, so no prescription can be written on it. Start a new "
                  "visit if the patient still needs treatment.");
    case CareStatus::VisitMismatch:
        return tr("This is not the patient's most recent resolved weight-loss visit. Request the "
                  "titration from that visit instead.");
    case CareStatus::MaxMonthsReached:
        return tr("The programme's prescriptions have reached the maximum number of months. "
                  "Start a follow-up visit for the patient.");
    case CareStatus::TooLongAgo:
        return titration ? tr("The visit was resolved 180 days ago or more, so the programme "
                              "has ended. Start a new visit for the patient.")
                         : tr("The prescription is more than 7 days old and can no longer be "
                              "changed or resent. Start a new visit for the patient.");
    case CareStatus::NeedsCheckin:
        return tr("A check-in is due: the visit was resolved 90 days ago or more and no check-in "
                  "was made since day 75. Start the check-in, then request the titration again.");
    case CareStatus::FollowupRequired:
        return tr("The latest check-in asked for a follow-up visit. Start the follow-up visit; "
                  "the next prescription comes from it.");
    case CareStatus::TooManyItems:
        return tr("A titration request may hold exactly one medication. Choose a single "
                  "medication and send again.");
    case CareStatus::CategoryMismatch:
        return tr("The medication is not in this visit's category. Choose a medication of the "
                  "visit's own category.");
    case CareStatus::PharmacyMismatch:
        return tr("The pharmacy is unknown or is not the patient's. Choose the patient's "
                  "pharmacy (or change the visit's pharmacy first).");
    case CareStatus::RxTimeOutOfRange:
        return tr("It is too soon or too late after the previous prescription (15 to 60 days for "
                  "a 1-month prescription, 60 to 120 for a 3-month one). Request again inside "
                  "that window.");
    case CareStatus::DurationMismatch:
        return tr("The prescription's length does not match (1 month versus 3 months). Choose "
                  "the same length as the current prescription.");
    case CareStatus::TitrationMismatch:
        return tr("The dose does not follow the titration (one step from the current dose, in "
                  "the direction the latest check-in asked for). Choose the right dose.");
    case CareStatus::RxError:
        return tr("The provider cannot prescribe this medication (%1). Choose another "
                  "medication.")
            .arg(provider);
    case CareStatus::TooManyRetries:
        return tr("This prescription was changed or resent too many times. Contact the "
                  "provider's support.");
    case CareStatus::Generic:
        return tr("The provider refused the request (%1). Correct it if the reason says how, "
                  "otherwise contact the provider's support.")
            .arg(provider);
    case CareStatus::Unknown:
        return tr("The provider answered with a status this version does not know (%1). "
                  "Contact the provider's support.")
            .arg(provider);
    case CareStatus::NoReply:
        return tr("No answer from the provider (network or provider down). Nothing was changed: "
                  "send the same request again later.");
    }
    return tr("Contact the provider's support.");
}

QString CareGuidance::actionLabel(CareNextStep step)
{
    switch (step) {
    case CareNextStep::None:
        return {};
    case CareNextStep::WaitForClinician:
        return tr("Wait for the clinician");
    case CareNextStep::StartCheckin:
        return tr("Start the check-in");
    case CareNextStep::StartFollowup:
        return tr("Start a follow-up visit");
    case CareNextStep::StartNewVisit:
        return tr("Start a new visit");
    case CareNextStep::ChoosePharmacy:
        return tr("Choose the pharmacy");
    case CareNextStep::ChooseMedication:
        return tr("Choose the medication");
    case CareNextStep::WaitForWindow:
        return tr("Request again later");
    case CareNextStep::UseCurrentVisit:
        return tr("Open the latest visit");
    case CareNextStep::ContactProvider:
        return tr("Contact support");
    case CareNextStep::Retry:
        return tr("Send again");
    }
    return {};
}

} // namespace clinicdesk
