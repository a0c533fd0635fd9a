#include "SandboxControlRoutes.h"

#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxFaults.h"
#include "SandboxSmsLog.h"
#include "SandboxStore.h"
#include "SandboxWebhookSender.h"
#include "base/TimeText.h"

#include <QDateTime>
#include <QJsonArray>

namespace clinicdesk {
namespace {

const QString kPrefix = QStringLiteral("/_sandbox/");
const QString kVisits = QStringLiteral("/_sandbox/visits/");

SandboxReply result(const Result<void> &r, const QJsonObject &data)
{
    if (!r)
        return SandboxReply::httpError(r.error().code == ErrorCode::NotFound ? 404 : 400,
                                       r.error().message);
    return SandboxReply::ok(data);
}

} // namespace

SandboxControlRoutes::SandboxControlRoutes(SandboxContext &context)
    : SandboxRoutes(context)
    , m_visits(context)
{}

bool SandboxControlRoutes::owns(const QString &path) const
{
    return path.startsWith(kPrefix);
}

SandboxReply SandboxControlRoutes::handle(const Call &call)
{
    const QString &path = call.path;
    const bool get = call.get();
    const bool post = call.post();
    if (get && path == QLatin1String("/_sandbox/state"))
        return state();
    if (get && path == QLatin1String("/_sandbox/webhooks"))
        return webhookList();
    if (get && path == QLatin1String("/_sandbox/sms"))
        return smsList();
    if ((get || post) && path == QLatin1String("/_sandbox/clock"))
        return clock(call);
    if (post && path == QLatin1String("/_sandbox/faults")) {
        const auto r = m_ctx.faults.apply(call.json);
        return result(r, m_ctx.faults.toJson());
    }
    if (post && path == QLatin1String("/_sandbox/clinician")) {
        const auto r = m_ctx.clinician.setRule(call.json);
        return result(r, m_ctx.clinician.ruleJson());
    }
    // /_sandbox/visits/{masterId}/{action}
    const QString rest = tail(path, kVisits);
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    if ((get || post) && slash > 0 && slash < rest.size() - 1)
        return m_visits.handle(get, rest.left(slash), rest.mid(slash + 1), call.json);
    return SandboxReply::httpError(404, QStringLiteral("not found"));
}

SandboxReply SandboxControlRoutes::clock(const Call &call)
{
    if (call.post()) {
        const QJsonValue days = call.json.value(QLatin1String("advanceDays"));
        const QJsonValue ms = call.json.value(QLatin1String("advanceMs"));
        qint64 step = -1;
        if (days.isDouble() && ms.isUndefined() && days.toDouble() == double(days.toInt()))
            step = qint64(days.toInt()) * SandboxClock::kDayMs;
        else if (ms.isDouble() && days.isUndefined() && ms.toDouble() == double(ms.toInteger()))
            step = ms.toInteger();
        if (step < 0)
            return SandboxReply::httpError(
                400, QStringLiteral("send {\"advanceDays\":N} or {\"advanceMs\":N}, N >= 0"));
        if (auto r = m_ctx.clock.advance(step); !r)
            return result(r, {});
        // Decisions that fell due in the skipped time happen now.
        m_ctx.clinician.tick();
    }
    const qint64 now = m_ctx.clock.nowMs();
    return SandboxReply::ok(
        QJsonObject{{QStringLiteral("now"), TimeText::utcFromMs(now)},
                    {QStringLiteral("nowMs"), double(now)},
                    {QStringLiteral("offsetMs"), double(m_ctx.clock.offsetMs())}});
}

SandboxReply SandboxControlRoutes::smsList()
{
    auto all = m_ctx.sms.all();
    if (!all)
        return SandboxReply::httpError(500, all.error().message);
    QJsonArray list;
    for (const QJsonObject &m : all.value())
        list.append(m);
    return SandboxReply::ok(list);
}

SandboxReply SandboxControlRoutes::state()
{
    SandboxStore &store = m_ctx.store;
    auto all = store.visits();
    if (!all)
        return SandboxReply::httpError(500, all.error().message);
    QJsonArray visits;
    for (const SandboxStore::Visit &v : all.value()) {
        auto staff = store.messageCount(v.masterId, QStringLiteral("staff"));
        auto cs = store.messageCount(v.masterId, QStringLiteral("cs"));
        visits.append(QJsonObject{{QStringLiteral("masterId"), v.masterId},
                                  {QStringLiteral("visitId"), v.visitId},
                                  {QStringLiteral("visitType"), v.visitType},
                                  {QStringLiteral("visitStatus"), v.visitStatus},
                                  {QStringLiteral("resolvedStatus"), v.resolvedStatus},
                                  {QStringLiteral("outcome"), v.outcome},
                                  {QStringLiteral("idStatus"), v.idStatus},
                                  {QStringLiteral("awaitingReply"), v.awaitingReply},
                                  {QStringLiteral("createRequests"), v.createRequests},
                                  {QStringLiteral("rxChanges"), v.rxChanges},
                                  {QStringLiteral("staffMessages"), staff ? staff.value() : -1},
                                  {QStringLiteral("csMessages"), cs ? cs.value() : -1}});
    }
    QJsonObject counters;
    for (auto it = m_ctx.counters.cbegin(); it != m_ctx.counters.cend(); ++it)
        counters.insert(it.key(), it.value());
    auto hooks = store.webhooks();
    int delivered = 0;
    for (const auto &h : hooks ? hooks.value() : QList<SandboxStore::Webhook>())
        delivered += h.deliveredAtMs ? 1 : 0;
    SandboxWebhookSender *sender = m_ctx.sender;
    return SandboxReply::ok(QJsonObject{
        {QStringLiteral("visits"), visits},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("faults"), m_ctx.faults.toJson()},
        {QStringLiteral("clinician"), m_ctx.clinician.ruleJson()},
        {QStringLiteral("clockOffsetMs"), double(m_ctx.clock.offsetMs())},
        {QStringLiteral("webhooks"),
         QJsonObject{{QStringLiteral("queued"), hooks ? int(hooks->size()) : -1},
                     {QStringLiteral("delivered"), delivered},
                     {QStringLiteral("attempts"), sender ? sender->attemptsMade() : 0},
                     {QStringLiteral("duplicates"), sender ? sender->duplicatesSent() : 0}}}});
}

SandboxReply SandboxControlRoutes::webhookList()
{
    auto hooks = m_ctx.store.webhooks();
    if (!hooks)
        return SandboxReply::httpError(500, hooks.error().message);
    QJsonArray list;
    for (const SandboxStore::Webhook &h : hooks.value())
        list.append(QJsonObject{{QStringLiteral("id"), h.id},
                                {QStringLiteral("masterId"), h.masterId},
                                {QStringLiteral("event"), h.event},
                                {QStringLiteral("attempts"), h.attempts},
                                {QStringLiteral("lastStatus"), h.lastStatus},
                                {QStringLiteral("delivered"), h.deliveredAtMs != 0}});
    return SandboxReply::ok(list);
}

} // namespace clinicdesk
