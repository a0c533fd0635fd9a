#pragma once

#include <QLoggingCategory>
#include <QString>

// One category per module, all declared here and defined in Logging.cpp at the same default
// level (info: debug lines need QT_LOGGING_RULES). A module logs under its own category only:
//   keys: clinicdesk.keys             store: clinicdesk.store        audit: clinicdesk.audit
//   intake: clinicdesk.intake         relay (core and program): clinicdesk.relay
//   service: clinicdesk.service       accounts: clinicdesk.accounts  access: clinicdesk.access
//   provider: clinicdesk.provider     visits: clinicdesk.visits      ui: clinicdesk.ui
//   inbox (program): clinicdesk.inbox sandbox (program): clinicdesk.sandbox
//   (the console's intake pages in ui/ still log as clinicdesk.intake)
// (base, crypto, domain and webhooks log nothing: they return errors and their callers log.)
// The rule for every log line in ClinicDesk: ids, counts, table and column names, error codes,
// durations: yes. Names, dates of birth, phones, e-mails, addresses, answers, messages,
// prescription details, raw webhook bodies, keys, tokens, passwords: never.
// tests/check_log_rule.sh greps the sources for log statements that name PHI fields, and
// tst_storeatrest checks that canary PHI written through the store never reaches the log file.
Q_DECLARE_LOGGING_CATEGORY(lcKeys)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
Q_DECLARE_LOGGING_CATEGORY(lcAccess)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcIntake)
Q_DECLARE_LOGGING_CATEGORY(lcProvider)
Q_DECLARE_LOGGING_CATEGORY(lcVisits)
Q_DECLARE_LOGGING_CATEGORY(lcInbox)
Q_DECLARE_LOGGING_CATEGORY(lcRelay)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcMedia)

namespace clinicdesk {

// Sends every Qt log message to `filePath` (created 0600, appended) as well as stderr.
// Returns false with `error` set when the file cannot be opened.
bool installLogFile(const QString &filePath, QString *error = nullptr);
// Back to Qt's default handler; closes the file.
void removeLogFile();

} // namespace clinicdesk
