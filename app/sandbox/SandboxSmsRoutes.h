#pragma once

#include "SandboxRoutes.h"

namespace clinicdesk {

// The SMS gateway stand-in, shaped like Twilio's Messages API so the console's sender is written
// against the real thing: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with the form
// fields To, From, Body and HTTP Basic auth (the account SID and the auth token given with
// --sms-token-file, a 0600 file holding "TOKEN" or "ACCOUNTSID:TOKEN"). Answers like Twilio:
// 201 with the message resource (sid "SM…", status "queued"); 401 code 20003 for bad
// credentials (or none configured); 400 code 21604 / 21211 (To missing / not E.164), 21603 /
// 21212 (From), 21602 (no Body), 21617 (Body over 1600 characters); 405 code 20004; 404 code
// 20404 elsewhere under /2010-04-01/. Accepted messages are listed by GET /_sandbox/sms.
class SandboxSmsRoutes final : public SandboxRoutes
{
public:
    using SandboxRoutes::SandboxRoutes;

    bool owns(const QString &path) const override;
    bool smsGateway() const override { return true; }
    SandboxReply handle(const Call &call) override;

    static SandboxReply twilioError(int http, int code, const QString &message);

private:
    bool authorised(const QHttpServerRequest &request, const QString &accountSid) const;
};

} // namespace clinicdesk
