#include "InboxLogging.h"

Q_LOGGING_CATEGORY(lcInbox, "clinicdesk.inbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRelay, "clinicdesk.relay", QtInfoMsg)
