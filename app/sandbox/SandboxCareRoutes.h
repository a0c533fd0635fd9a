#pragma once

#include "SandboxRoutes.h"
#include "base/Result.h"

#include <QJsonArray>

namespace clinicdesk {

struct SandboxCareDecision;

// Ongoing care: POST /external/updateVisit (SandboxUpdateVisitRule) and POST
// /external/nextTitration (SandboxTitrationRule). Both answer HTTP 200 with
// {"status":"<STATUS>","info":"…"} and, for NEW_RX_SENT, "medsPrescribed":[{rxName, rxStrength,
// rxRefills, rxQuantity, rxId, medId}]; a new prescription is also an RX_WRITTEN webhook and a
// pharmacy order (PHARMACY_ORDER_* events). updateVisit's body may carry the API key as
// "apiKey" (the provider's habit): when present it must be the key, else HTTP 401.
class SandboxCareRoutes final : public SandboxRoutes
{
public:
    using SandboxRoutes::SandboxRoutes;

    bool owns(const QString &path) const override;
    SandboxReply handle(const Call &call) override;

private:
    SandboxReply apply(const QJsonObject &body, bool titration);
    Result<void> carryOut(const SandboxCareDecision &decision, const QJsonObject &body,
                          bool titration, QJsonArray *prescribed);
};

} // namespace clinicdesk
