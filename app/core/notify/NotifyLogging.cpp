#include "notify/NotifyLogging.h"

Q_LOGGING_CATEGORY(lcNotify, "clinicdesk.notify", QtInfoMsg)
