#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace clinicdesk {

class SandboxAttachments;
class SandboxClinician;
class SandboxClock;
class SandboxSmsLog;
class SandboxStore;
class SandboxWebhookSender;
struct SandboxFaults;

// What the sandbox's route families share, owned by SandboxServer: its state, its clock, the
// simulated clinician, the fault switches and the counters /_sandbox/state reports.
struct SandboxContext
{
    SandboxStore &store;
    SandboxClock &clock;
    SandboxClinician &clinician;
    SandboxAttachments &attachments;
    SandboxSmsLog &sms;
    SandboxFaults &faults;
    QHash<QString, int> &counters;
    SandboxWebhookSender *sender = nullptr; // null without a webhook URL
    QByteArray apiKey;
    // The SMS gateway's Basic credentials: the account SID (empty: any, as long as the Basic
    // user is the SID in the path) and the auth token (empty: every SMS request is refused).
    QString smsAccountSid;
    QByteArray smsAuthToken;
};

} // namespace clinicdesk
