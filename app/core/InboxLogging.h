#pragma once

#include <QLoggingCategory>

// The inbox's and the relay's categories (see Logging.h for the rule: ids and counts only).
Q_DECLARE_LOGGING_CATEGORY(lcInbox)
Q_DECLARE_LOGGING_CATEGORY(lcRelay)
