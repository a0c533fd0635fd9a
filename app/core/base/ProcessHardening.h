#pragma once

namespace clinicdesk {

// Called first thing in every program's main(): no core dump may carry a data key, a password,
// a token or a patient's details out of the process. Sets RLIMIT_CORE to 0 (soft and hard, so
// the process cannot raise it again) and marks the process not dumpable (PR_SET_DUMPABLE 0:
// also no core through a core_pattern pipe, and no ptrace attach or /proc/<pid>/mem reads by
// other processes of the same user). The systemd units say the same (LimitCORE=0); this holds
// whoever starts the program.
void disableCoreDumps();

} // namespace clinicdesk
