#pragma once

#include <QLoggingCategory>

// clinicdesk.notify, at the same default level (info) as the categories of base/Logging.h.
// Declared here rather than in base/Logging.h only to spare a rebuild of every file that
// includes it on the branch that added it; it moves there with the next change to that header.
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
