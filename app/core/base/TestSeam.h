#pragma once

namespace clinicdesk::testseam {

// Crash points for tests that kill a real process at one exact step and then check what
// survived (docs/TESTING.md). Inert unless the environment variable CLINICDESK_TEST_PAUSE_AT
// names the point: then the process prints "clinicdesk: test pause at <point>" on stderr and
// stops itself with SIGSTOP, so that the test can SIGKILL it there. A point is named after the
// step it follows:
//   keys-rotate-before-commit   every value re-sealed with the new key (already saved to the
//                               key provider), the rotation's transaction not yet committed
//   relay-mid-batch             half of an inbox page applied inside its open transaction
//   relay-batch-applied         a page applied and committed locally, its cursor not yet
//                               committed at the inbox
// Nothing else reads the variable; production runs never set it.
void pauseAt(const char *point);

} // namespace clinicdesk::testseam
