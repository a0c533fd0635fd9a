#pragma once

#include "base/Result.h"

#include <QJsonObject>
#include <QList>

namespace clinicdesk {

class SandboxStore;

// The text messages the SMS gateway stand-in accepted, in arrival order, each sealed (a phone
// number and a message are PHI even in a sandbox); listed by GET /_sandbox/sms.
class SandboxSmsLog
{
public:
    explicit SandboxSmsLog(SandboxStore &store);

    // `message` is the Twilio-shaped resource the gateway answered with.
    Result<void> add(const QString &sid, const QString &accountSid, const QJsonObject &message,
                     qint64 atMs);
    Result<QList<QJsonObject>> all();

private:
    SandboxStore &m_store;
};

} // namespace clinicdesk
