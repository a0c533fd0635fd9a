#pragma once

#include "SandboxReply.h"

#include <QJsonObject>
#include <QString>

namespace clinicdesk {

struct SandboxContext;

// The per-visit control routes, POST or GET /_sandbox/visits/{masterId}/{action} (control flag
// only), which put a visit in the state a test or a demo needs:
//   POST decision  {"decision":"prescribe|refer|cancel|ask","delayMs":N}  the clinician's next step
//   POST resolve   {"daysAgo":N,"outcome":"prescribed|referred","rxMonths":1|3,"medId":"…",
//                   "rxDaysAgo":M}  resolved N days ago (sandbox clock; default 0) with a
//                   prescription written M days ago (default N) of medId (default the visit's
//                   first catalogue preference, else its category's first medication)
//   POST rx        {"daysAgo":N,"rxMonths":1|3,"medId":"…"}  one more prescription, N days ago
//   POST approveId the provider approved the patient's ID (updateName is refused from now on)
//   POST lab       the six LAB_ORDER webhooks and labResults (SandboxLabOrder)
//   GET  images    {"status":200,"data":[{"kind":"photo|pdf|chat","mime":…,"data":…,
//                   "receivedAt":…}]} — mime and data exactly as received
class SandboxVisitControl
{
public:
    explicit SandboxVisitControl(SandboxContext &context);

    SandboxReply handle(bool get, const QString &masterId, const QString &action,
                        const QJsonObject &body);

private:
    SandboxReply resolve(const QString &masterId, const QJsonObject &body);
    SandboxReply addRx(const QString &masterId, const QJsonObject &body);
    SandboxReply approveId(const QString &masterId);
    SandboxReply images(const QString &masterId);
    SandboxReply lab(const QString &masterId);

    SandboxContext &m_ctx;
};

} // namespace clinicdesk
