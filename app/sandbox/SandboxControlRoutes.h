#pragma once

#include "SandboxRoutes.h"
#include "SandboxVisitControl.h"

namespace clinicdesk {

// The /_sandbox/ control routes (only with --enable-control, and with the API key): GET state,
// GET webhooks, POST faults, POST clinician, GET/POST clock ({"advanceDays":N} or
// {"advanceMs":N}: the sandbox clock moves forward), GET sms (what the SMS gateway accepted), and
// the per-visit routes of SandboxVisitControl under /_sandbox/visits/{masterId}/.
class SandboxControlRoutes final : public SandboxRoutes
{
public:
    explicit SandboxControlRoutes(SandboxContext &context);

    bool owns(const QString &path) const override;
    SandboxReply handle(const Call &call) override;

private:
    SandboxReply state();
    SandboxReply webhookList();
    SandboxReply clock(const Call &call);
    SandboxReply smsList();

    SandboxVisitControl m_visits;
};

} // namespace clinicdesk
