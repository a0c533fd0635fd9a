#pragma once

#include "SandboxCareCase.h"

namespace clinicdesk {

// POST /external/nextTitration {patientPreference:[exactly one item], pharmacyId, masterId}: the
// next prescription of a GLP-1 programme. Checked in this order (the first that applies
// answers; days are whole days on the sandbox clock):
//   GENERIC              masterId or pharmacyId missing, or the item incomplete ("Payload
//                        contains bad fields: …")
//   TOO_MANY_ITEMS       more than one item
//   VISIT_MISMATCH       no such visit, or canceled
//   NOT_RESOLVED         the visit is not resolved yet
//   VISIT_MISMATCH       not a weightloss/weightlossfollowup visit, not the most recently
//                        resolved one of this patient with this company, or referred
//   MAX_MONTHS_REACHED   its prescriptions already add up to 6 months
//   TOO_LONG_AGO         resolved 180 days ago or more (day 179 is still in)
//   NEEDS_CHECKIN        resolved 90 days ago or more (day 89 is still in) and no
//                        weightlossCheckin created 75 days or more after the resolution
//   FOLLOWUP_REQUIRED    a check-in since the resolution asked for a followup visit
//   CATEGORY_MISMATCH    the medication is not a weight-loss one
//   PHARMACY_MISMATCH    the pharmacy is not in the directory, or not the visit's pharmacy
//   RX_TIME_OUT_OF_RANGE the previous prescription was written less than 15 or more than 60
//                        days ago (1-month), less than 60 or more than 120 (3-month)
//   RX_ERROR             the medication is not in the catalogue, or the visit has no GLP-1
//                        prescription to titrate from
//   TITRATION_MISMATCH   another molecule, or a dose more than one step from the current one,
//                        or not the step the latest check-in asked for (Increase +1, Stay the
//                        same 0, Decrease -1)
//   NEW_RX_SENT          the prescription (medsPrescribed) goes to the pharmacy
class SandboxTitrationRule
{
public:
    static constexpr int kMaxMonths = 6;
    static constexpr int kProgrammeDays = 180;
    static constexpr int kCheckinDueDays = 90;
    static constexpr int kCheckinCountsFromDays = 75;

    static SandboxCareDecision decide(const SandboxCareCase &c);
};

} // namespace clinicdesk
