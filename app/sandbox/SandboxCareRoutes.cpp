#include "SandboxCareRoutes.h"

#include "SandboxCareCase.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxStore.h"
#include "SandboxTitrationRule.h"
#include "SandboxUpdateVisitRule.h"
#include "base/Logging.h"
#include "crypto/Crypto.h"

namespace clinicdesk {
namespace {

const QString kUpdateVisit = QStringLiteral("/external/updateVisit");
const QString kNextTitration = QStringLiteral("/external/nextTitration");

} // namespace

bool SandboxCareRoutes::owns(const QString &path) const
{
    return path == kUpdateVisit || path == kNextTitration;
}

SandboxReply SandboxCareRoutes::handle(const Call &call)
{
    if (!call.post())
        return SandboxReply::methodNotAllowed("POST");
    if (call.path == kUpdateVisit && call.json.contains(QLatin1String("apiKey")) &&
        !crypto::constantTimeEquals(call.json.value(QLatin1String("apiKey")).toString().toUtf8(),
                                    m_ctx.apiKey)) {
        ++m_ctx.counters[QStringLiteral("unauthorised")];
        return SandboxReply::httpError(401, QStringLiteral("Unauthorized"));
    }
    return apply(call.json, call.path == kNextTitration);
}

SandboxReply SandboxCareRoutes::apply(const QJsonObject &body, bool titration)
{
    ++m_ctx.counters[titration ? QStringLiteral("nextTitration") : QStringLiteral("updateVisit")];
    SandboxReply reply;
    QJsonArray prescribed;
    auto r = m_ctx.store.db().transaction([&]() -> Result<void> {
        SandboxCareCase c;
        c.body = body;
        c.nowMs = m_ctx.clock.nowMs();
        auto visit = m_ctx.store.visit(body.value(QLatin1String("masterId")).toString().trimmed());
        if (!visit)
            return visit.error();
        c.visit = visit.value();
        if (c.visit) {
            auto rx = m_ctx.store.prescriptions(c.visit->masterId);
            auto all = m_ctx.store.visitsOfPatient(c.visit->phone);
            if (!rx || !all)
                return !rx ? rx.error() : all.error();
            c.rx = rx.value();
            c.patientVisits = all.value();
        }
        const SandboxCareDecision decision =
            titration ? SandboxTitrationRule::decide(c) : SandboxUpdateVisitRule::decide(c);
        reply = SandboxReply::json(200, {{QStringLiteral("status"), decision.status},
                                         {QStringLiteral("info"), decision.info}});
        ++m_ctx.counters[QStringLiteral("care.") + decision.status];
        return carryOut(decision, body, titration, &prescribed);
    });
    if (!r) {
        qCWarning(lcService) << "sandbox: care request failed:" << r.error().message;
        return SandboxReply::json(200,
                                  {{QStringLiteral("status"), QStringLiteral("GENERIC")},
                                   {QStringLiteral("info"), QStringLiteral("Request could not be "
                                                                           "processed")}});
    }
    if (!prescribed.isEmpty())
        reply.body.insert(QStringLiteral("medsPrescribed"), prescribed);
    return reply;
}

// What an accepted request changes: the stored request (VISIT_DATA_UPDATED), or a new
// prescription on the visit (NEW_RX_SENT), whose medsPrescribed are returned in the reply's form.
Result<void> SandboxCareRoutes::carryOut(const SandboxCareDecision &decision,
                                         const QJsonObject &body, bool titration,
                                         QJsonArray *prescribed)
{
    const bool updated = decision.status == QLatin1String("VISIT_DATA_UPDATED");
    const bool newRx = decision.status == QLatin1String("NEW_RX_SENT");
    if (!updated && !newRx)
        return {};
    const QString masterId = body.value(QLatin1String("masterId")).toString().trimmed();
    auto v = m_ctx.store.visit(masterId);
    if (!v || !v.value())
        return v ? makeError(ErrorCode::NotFound, QStringLiteral("visit vanished")) : v.error();
    SandboxStore::Visit visit = *v.value();
    QJsonObject request = visit.request;
    if (!decision.pharmacyId.isEmpty())
        request.insert(QStringLiteral("pharmacyId"), decision.pharmacyId);
    if (updated && !decision.items.isEmpty()) {
        QJsonObject form = request.value(QLatin1String("formObj")).toObject();
        form.insert(QStringLiteral("patientPreference"), decision.items);
        request.insert(QStringLiteral("formObj"), form);
    }
    if (auto r = m_ctx.store.updateRequest(masterId, request); !r)
        return r;
    const qint64 now = m_ctx.clock.nowMs();
    visit.updatedAtMs = now;
    if (newRx) {
        if (!titration)
            ++visit.rxChanges;
        auto meds =
            m_ctx.clinician.prescribe(masterId, decision.items, decision.pharmacyId, now, true);
        if (!meds)
            return meds.error();
        for (const QJsonValue &med : meds.value()) {
            QJsonObject out;
            for (const char *key :
                 {"rxName", "rxStrength", "rxRefills", "rxQuantity", "rxId", "medId"})
                out.insert(QLatin1String(key), med.toObject().value(QLatin1String(key)));
            prescribed->append(out);
        }
    }
    return m_ctx.store.updateVisit(visit);
}

} // namespace clinicdesk
