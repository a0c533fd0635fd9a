#pragma once

#include <QLoggingCategory>

// clinicdesk.provider: the provider client, the outbox and its sender. Ids, counts, outcomes and
// status codes only (Logging.h).
Q_DECLARE_LOGGING_CATEGORY(lcProvider)
