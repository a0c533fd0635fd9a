#include "provider/ProviderCare.h"

namespace clinicdesk {

CareNextStep CareReply::nextStep(CareStatus status)
{
    switch (status) {
    case CareStatus::NewRxSent:
        return CareNextStep::None;
    case CareStatus::VisitDataUpdated:
    case CareStatus::NotResolved:
        return CareNextStep::WaitForClinician;
    case CareStatus::NeedsCheckin:
        return CareNextStep::StartCheckin;
    case CareStatus::FollowupRequired:
    case CareStatus::MaxMonthsReached:
        return CareNextStep::StartFollowup;
    case CareStatus::TooLongAgo:
    case CareStatus::NoVisit:
    case CareStatus::VisitWasReferred:
        return CareNextStep::StartNewVisit;
    case CareStatus::PharmacyMismatch:
        return CareNextStep::ChoosePharmacy;
    case CareStatus::CategoryMismatch:
    case CareStatus::DurationMismatch:
    case CareStatus::TitrationMismatch:
    case CareStatus::TooManyItems:
    case CareStatus::RxError:
        return CareNextStep::ChooseMedication;
    case CareStatus::RxTimeOutOfRange:
        return CareNextStep::WaitForWindow;
    case CareStatus::VisitMismatch:
        return CareNextStep::UseCurrentVisit;
    case CareStatus::TooManyRetries:
    case CareStatus::Generic:
    case CareStatus::Unknown:
        return CareNextStep::ContactProvider;
    case CareStatus::NoReply:
        return CareNextStep::Retry;
    }
    return CareNextStep::ContactProvider;
}

} // namespace clinicdesk
