#pragma once

#include "SandboxCareCase.h"

namespace clinicdesk {

// POST /external/updateVisit {patientPreference:[…], pharmacyId, masterId, apiKey}: change the
// medication preference or pharmacy of a visit, or change/resend its prescription. Checked in
// this order (the first that applies answers; each with an info text):
//   GENERIC              masterId missing; neither patientPreference nor pharmacyId; a
//                        preference that is not a non-empty list of complete items; a blank
//                        pharmacyId ("Payload contains bad fields: …")
//   NO_VISIT             no visit with that masterId
//   VISIT_WAS_REFERRED   the clinician referred the visit
//   GENERIC              the visit was canceled
//   PHARMACY_MISMATCH    the pharmacy is not in the directory, or not in the patient's state
//   RX_ERROR             a medication the provider cannot prescribe (not in its catalogue)
//   CATEGORY_MISMATCH    a medication of another category than the visit type's
//   VISIT_DATA_UPDATED   the visit is not resolved yet: the new details are stored for the
//                        clinician
//   TOO_MANY_RETRIES     the prescription was already changed or resent 3 times
//   TOO_LONG_AGO         the prescription is older than 7 days (day 7 is still accepted)
//   DURATION_MISMATCH    a 1-month prescription changed to a 3-month one or back
//   TITRATION_MISMATCH   a titrated (GLP-1) dose or molecule differs from the one prescribed
//   NEW_RX_SENT          a new prescription (medsPrescribed) goes to the pharmacy
// Without patientPreference the current prescription is resent (to the new pharmacy).
class SandboxUpdateVisitRule
{
public:
    static constexpr int kMaxChanges = 3;
    static constexpr int kMaxRxAgeDays = 7;

    static SandboxCareDecision decide(const SandboxCareCase &c);
};

} // namespace clinicdesk
