#include "SandboxVisitControl.h"

#include "SandboxAttachments.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxLabOrder.h"
#include "SandboxMedications.h"
#include "SandboxProgramme.h"
#include "SandboxStore.h"
#include "base/TimeText.h"

#include <QDateTime>
#include <QJsonArray>

namespace clinicdesk {
namespace {

SandboxReply failed(const Error &e)
{
    return SandboxReply::httpError(e.code == ErrorCode::NotFound ? 404 : 400, e.message);
}

SandboxReply noVisit()
{
    return SandboxReply::httpError(404, QStringLiteral("no such visit"));
}

// A whole number in [0, 3650] (days), `fallback` when absent; -1 when malformed.
int days(const QJsonObject &body, const char *key, int fallback)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    return v.isDouble() && v.toDouble() == double(v.toInt()) && v.toInt() >= 0 && v.toInt() <= 3650
               ? v.toInt()
               : -1;
}

// The medication a control route prescribes: `medId`, else the visit's first preference the
// catalogue knows, else its category's first medication.
const SandboxMedications::Medication *medicationFor(const SandboxStore::Visit &v,
                                                    const QJsonObject &body)
{
    if (body.contains(QLatin1String("medId")))
        return SandboxMedications::find(body.value(QLatin1String("medId")).toString());
    const QJsonArray preference = v.request.value(QLatin1String("formObj"))
                                      .toObject()
                                      .value(QLatin1String("patientPreference"))
                                      .toArray();
    for (const QJsonValue &item : preference) {
        if (const auto *m =
                SandboxMedications::find(item.toObject().value(QLatin1String("medId")).toString()))
            return m;
    }
    const QString category = SandboxMedications::categoryOf(v.visitType);
    for (const char *id : {"sema-0.25", "sild-50", "sert-50", "fin-1"}) {
        const auto *m = SandboxMedications::find(QString::fromLatin1(id));
        if (m && m->category == category)
            return m;
    }
    return nullptr;
}

} // namespace

SandboxVisitControl::SandboxVisitControl(SandboxContext &context)
    : m_ctx(context)
{}

SandboxReply SandboxVisitControl::handle(bool get, const QString &masterId, const QString &action,
                                         const QJsonObject &body)
{
    if (get && action == QLatin1String("images"))
        return images(masterId);
    if (get)
        return SandboxReply::httpError(404, QStringLiteral("not found"));
    if (action == QLatin1String("decision")) {
        const auto r =
            m_ctx.clinician.decide(masterId, body.value(QLatin1String("decision")).toString(),
                                   body.value(QLatin1String("delayMs")).toInt(0));
        return r ? SandboxReply::ok(QJsonObject{{QStringLiteral("masterId"), masterId}})
                 : failed(r.error());
    }
    if (action == QLatin1String("resolve"))
        return resolve(masterId, body);
    if (action == QLatin1String("rx"))
        return addRx(masterId, body);
    if (action == QLatin1String("approveId"))
        return approveId(masterId);
    if (action == QLatin1String("lab"))
        return lab(masterId);
    return SandboxReply::httpError(404, QStringLiteral("not found"));
}

SandboxReply SandboxVisitControl::resolve(const QString &masterId, const QJsonObject &body)
{
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return failed(v.error());
    if (!v.value())
        return noVisit();
    SandboxStore::Visit visit = *v.value();
    const int daysAgo = days(body, "daysAgo", 0);
    const int rxDaysAgo = days(body, "rxDaysAgo", daysAgo);
    const int months = body.value(QLatin1String("rxMonths")).toInt(1);
    const QString outcome =
        body.value(QLatin1String("outcome")).toString(QStringLiteral("prescribed"));
    const auto *med = medicationFor(visit, body);
    if (daysAgo < 0 || rxDaysAgo < 0 || (months != 1 && months != 3) ||
        (outcome != QLatin1String("prescribed") && outcome != QLatin1String("referred")) ||
        (outcome == QLatin1String("prescribed") && !med))
        return SandboxReply::httpError(
            400, QStringLiteral("daysAgo/rxDaysAgo whole days >= 0, rxMonths 1 or 3, outcome "
                                "prescribed or referred, medId from the catalogue"));
    if (visit.resolvedStatus == QLatin1String("closed"))
        return SandboxReply::httpError(400, QStringLiteral("the visit is already closed"));
    const qint64 now = m_ctx.clock.nowMs();
    auto r = m_ctx.store.db().transaction([&]() -> Result<void> {
        visit.visitStatus = QStringLiteral("resolved");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = outcome;
        visit.resolvedAtMs = now - daysAgo * SandboxClock::kDayMs;
        visit.decision.clear();
        visit.decideAtMs = 0;
        visit.awaitingReply = false;
        visit.updatedAtMs = now;
        // A check-in is concluded without a prescription, as the clinician does.
        if (outcome == QLatin1String("prescribed") && !SandboxProgramme::isCheckin(visit)) {
            if (visit.photosRequired)
                visit.idStatus = QStringLiteral("approved");
            auto written = m_ctx.clinician.prescribe(
                masterId, {SandboxMedications::preferenceItem(*med, months)},
                visit.request.value(QLatin1String("pharmacyId")).toString(),
                now - rxDaysAgo * SandboxClock::kDayMs, false);
            if (!written)
                return written.error();
        }
        if (auto e = m_ctx.clinician.emitEvent(masterId, QStringLiteral("CONSULT_CONCLUDED"),
                                               {{QStringLiteral("visitOutcome"), outcome}});
            !e)
            return e;
        return m_ctx.store.updateVisit(visit);
    });
    if (!r)
        return failed(r.error());
    return SandboxReply::ok(
        QJsonObject{{QStringLiteral("masterId"), masterId}, {QStringLiteral("outcome"), outcome}});
}

SandboxReply SandboxVisitControl::addRx(const QString &masterId, const QJsonObject &body)
{
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return failed(v.error());
    if (!v.value())
        return noVisit();
    const int daysAgo = days(body, "daysAgo", 0);
    const int months = body.value(QLatin1String("rxMonths")).toInt(1);
    const auto *med = medicationFor(*v.value(), body);
    if (daysAgo < 0 || (months != 1 && months != 3) || !med)
        return SandboxReply::httpError(
            400, QStringLiteral("daysAgo whole days >= 0, rxMonths 1 or 3, medId from the "
                                "catalogue"));
    auto written =
        m_ctx.clinician.prescribe(masterId, {SandboxMedications::preferenceItem(*med, months)},
                                  v.value()->request.value(QLatin1String("pharmacyId")).toString(),
                                  m_ctx.clock.nowMs() - daysAgo * SandboxClock::kDayMs, false);
    if (!written)
        return failed(written.error());
    return SandboxReply::ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                                        {QStringLiteral("medsPrescribed"), written.value()}});
}

SandboxReply SandboxVisitControl::approveId(const QString &masterId)
{
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return failed(v.error());
    if (!v.value())
        return noVisit();
    SandboxStore::Visit visit = *v.value();
    visit.idStatus = QStringLiteral("approved");
    visit.updatedAtMs = m_ctx.clock.nowMs();
    if (auto r = m_ctx.store.updateVisit(visit); !r)
        return failed(r.error());
    return SandboxReply::ok(QJsonObject{{QStringLiteral("masterId"), masterId},
                                        {QStringLiteral("idStatus"), visit.idStatus}});
}

SandboxReply SandboxVisitControl::images(const QString &masterId)
{
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return failed(v.error());
    if (!v.value())
        return noVisit();
    auto all = m_ctx.attachments.list(masterId);
    if (!all)
        return failed(all.error());
    QJsonArray list;
    for (const SandboxAttachments::Attachment &a : all.value()) {
        QJsonObject o = a.item; // mime and data as received
        o.insert(QStringLiteral("kind"), a.kind);
        o.insert(QStringLiteral("receivedAt"), TimeText::utcFromMs(a.atMs));
        list.append(o);
    }
    return SandboxReply::ok(list);
}

SandboxReply SandboxVisitControl::lab(const QString &masterId)
{
    SandboxLabOrder order(m_ctx.store, m_ctx.attachments, m_ctx.clinician, m_ctx.clock);
    auto r = order.run(masterId);
    return r ? SandboxReply::ok(r.value()) : failed(r.error());
}

} // namespace clinicdesk
