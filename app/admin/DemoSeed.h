#pragma once

#include "AdminCommand.h"

namespace clinicdesk {

// `demo seed`: fills an empty demo store with obviously fake patients (names marked "Demo-",
// phones 202-555-01xx, "100 Demo St"), queued visits made through the real intake path
// (IntakeForm answers from the shipped questionnaires, IntakeSubmission: sealed formObj and
// QuestionnaireResponse) and one unfinished draft. Every visit carries the demo decision the
// sandbox's clinician is meant to take (scripts/run posts them): prescribe, refer, cancel, ask,
// none (left open), or duplicate (a second open visit of the same patient and type, which the
// provider refuses). Refuses a store that already has patients unless --force. Prints ids and
// states only.
Result<AdminOutput> demoSeed(AdminContext &ctx, const QStringList &args);

} // namespace clinicdesk
