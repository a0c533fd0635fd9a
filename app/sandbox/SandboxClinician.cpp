#include "SandboxClinician.h"

#include "SandboxCheckin.h"
#include "SandboxClock.h"
#include "SandboxFaults.h"
#include "SandboxMedications.h"
#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace clinicdesk {
namespace {

QString shortId(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::fromLatin1(crypto::randomBytes(6).toHex());
}

} // namespace

bool SandboxClinician::isDecision(const QString &d)
{
    static const QStringList all = {QStringLiteral("prescribe"), QStringLiteral("refer"),
                                    QStringLiteral("cancel"), QStringLiteral("ask"),
                                    QStringLiteral("manual")};
    return all.contains(d);
}

SandboxClinician::SandboxClinician(SandboxStore &store, const SandboxClock &clock,
                                   const SandboxFaults &faults, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_faults(faults)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &SandboxClinician::tick);
}

void SandboxClinician::start()
{
    m_timer.start();
}

Result<void> SandboxClinician::setRule(const QJsonObject &s)
{
    Rule r = m_rule;
    if (s.contains(QLatin1String("decision")))
        r.decision = s.value(QLatin1String("decision")).toString();
    if (s.contains(QLatin1String("afterReply")))
        r.afterReply = s.value(QLatin1String("afterReply")).toString();
    if (s.contains(QLatin1String("delayMs")))
        r.delayMs = s.value(QLatin1String("delayMs")).toInt(-1);
    if (!isDecision(r.decision) || !isDecision(r.afterReply) ||
        r.afterReply == QLatin1String("ask") || r.delayMs < 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("decision/afterReply must be prescribe, refer, cancel, ask "
                                        "or manual, delayMs >= 0"));
    m_rule = r;
    return {};
}

QJsonObject SandboxClinician::ruleJson() const
{
    return {{QStringLiteral("decision"), m_rule.decision},
            {QStringLiteral("delayMs"), m_rule.delayMs},
            {QStringLiteral("afterReply"), m_rule.afterReply}};
}

void SandboxClinician::schedule(SandboxStore::Visit &visit, qint64 now) const
{
    if (m_rule.decision == QLatin1String("manual"))
        return;
    visit.decision = m_rule.decision;
    visit.decideAtMs = now + m_rule.delayMs;
}

Result<void> SandboxClinician::decide(const QString &masterId, const QString &decision, int delayMs)
{
    if (!isDecision(decision) || decision == QLatin1String("manual") || delayMs < 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("decision must be prescribe, refer, cancel or ask"));
    auto v = m_store.visit(masterId);
    if (!v)
        return v.error();
    if (!v.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such visit"));
    SandboxStore::Visit visit = *v.value();
    if (visit.resolvedStatus == QLatin1String("closed"))
        return makeError(ErrorCode::Conflict, QStringLiteral("the visit is already closed"));
    visit.decision = decision;
    visit.decideAtMs = m_clock.nowMs() + delayMs;
    visit.updatedAtMs = m_clock.nowMs();
    if (auto r = m_store.updateVisit(visit); !r)
        return r;
    if (delayMs == 0)
        tick();
    return {};
}

Result<void> SandboxClinician::staffReplied(const QString &masterId)
{
    auto v = m_store.visit(masterId);
    if (!v)
        return v.error();
    if (!v.value() || !v.value()->awaitingReply)
        return {};
    SandboxStore::Visit visit = *v.value();
    visit.awaitingReply = false;
    visit.visitStatus = QStringLiteral("active");
    if (m_rule.afterReply != QLatin1String("manual")) {
        visit.decision = m_rule.afterReply;
        visit.decideAtMs = m_clock.nowMs() + m_rule.delayMs;
    }
    visit.updatedAtMs = m_clock.nowMs();
    return m_store.updateVisit(visit);
}

Result<void> SandboxClinician::supportMessage(const QString &masterId)
{
    return emitEvent(masterId, QStringLiteral("CS_MESSAGE"),
                     {{QStringLiteral("content"),
                       QStringLiteral("Thanks, our support team has received your message.")}});
}

Result<void> SandboxClinician::emitEvent(const QString &masterId, const QString &event,
                                         QJsonObject fields)
{
    fields.insert(QStringLiteral("masterId"), masterId);
    fields.insert(QStringLiteral("event"), event);
    // The delivery queue runs on the wall clock, whatever the sandbox clock says.
    qint64 at = QDateTime::currentMSecsSinceEpoch() + m_faults.webhookDelayMs;
    if (m_faults.reorder)
        at += QRandomGenerator::global()->bounded(500);
    return m_store.enqueueWebhook(masterId, event,
                                  QJsonDocument(fields).toJson(QJsonDocument::Compact), at);
}

Result<QJsonArray> SandboxClinician::prescribe(const QString &masterId, const QJsonArray &items,
                                               const QString &pharmacyId, qint64 atMs, bool shipped)
{
    QJsonArray meds;
    for (const QJsonValue &item : items)
        meds.append(SandboxMedications::prescribe(item.toObject()));
    QJsonObject rx{{QStringLiteral("docName"), QStringLiteral("Dr. Sandbox Clinician")},
                   {QStringLiteral("medsPrescribed"), meds}};
    if (!pharmacyId.isEmpty())
        rx.insert(QStringLiteral("pharmacyId"), pharmacyId);
    if (auto r = m_store.addRx(masterId, rx, atMs); !r)
        return r.error();
    if (auto r = emitEvent(masterId, QStringLiteral("RX_WRITTEN"), rx); !r)
        return r.error();
    if (shipped) {
        if (auto r = shipOrder(masterId); !r)
            return r.error();
    }
    return meds;
}

Result<void> SandboxClinician::shipOrder(const QString &masterId)
{
    const QString orderId = shortId("ord_");
    const QJsonObject info{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                           {QStringLiteral("tracking"), shortId("1Z")}};
    for (const char *e :
         {"PHARMACY_ORDER_IN_FULFILLMENT", "PHARMACY_ORDER_SHIPPED", "PHARMACY_ORDER_DELIVERED"}) {
        if (auto r =
                emitEvent(masterId, QString::fromLatin1(e),
                          {{QStringLiteral("orderId"), orderId}, {QStringLiteral("info"), info}});
            !r)
            return r;
    }
    return {};
}

void SandboxClinician::tick()
{
    const qint64 now = m_clock.nowMs();
    auto due = m_store.dueDecisions(now);
    if (!due) {
        qCWarning(lcSandbox) << "sandbox clinician:" << due.error().message;
        return;
    }
    for (const SandboxStore::Visit &visit : due.value()) {
        auto r = m_store.db().transaction([&] { return apply(visit, now); });
        if (!r)
            qCWarning(lcSandbox) << "sandbox clinician: visit" << visit.masterId
                                 << r.error().message;
    }
}

Result<void> SandboxClinician::apply(SandboxStore::Visit visit, qint64 now)
{
    const QString decision = visit.decision;
    visit.decision.clear();
    visit.decideAtMs = 0;
    visit.updatedAtMs = now;
    const QString m = visit.masterId;
    auto emit_ = [&](const QString &event, const QJsonObject &fields) {
        return emitEvent(m, event, fields);
    };
    Result<void> r;
    const bool checkin = visit.visitType == SandboxCheckin::kVisitType;
    if (decision == QLatin1String("prescribe")) {
        QJsonArray meds = visit.request.value(QLatin1String("formObj"))
                              .toObject()
                              .value(QLatin1String("patientPreference"))
                              .toArray();
        if (meds.isEmpty())
            meds.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Sandboxicillin")},
                                    {QStringLiteral("strength"), QStringLiteral("10 mg")},
                                    {QStringLiteral("quantity"), QStringLiteral("30")},
                                    {QStringLiteral("refills"), QStringLiteral("0")},
                                    {QStringLiteral("daysSupply"), QStringLiteral("30")},
                                    {QStringLiteral("medId"), QStringLiteral("sandbox-1")}});
        visit.visitStatus = QStringLiteral("resolved");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = QStringLiteral("prescribed");
        visit.resolvedAtMs = now;
        if (visit.photosRequired)
            visit.idStatus = QStringLiteral("approved");
        if (checkin) {
            // A check-in is reviewed, not prescribed: the next titration writes the medication.
            if (!(r = emit_(QStringLiteral("CONSULT_CONCLUDED"),
                            {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})))
                return r;
        } else {
            auto written = prescribe(
                m, meds, visit.request.value(QLatin1String("pharmacyId")).toString(), now, false);
            if (!written)
                return written.error();
            if (!(r = emit_(QStringLiteral("CONSULT_CONCLUDED"),
                            {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})) ||
                !(r = shipOrder(m)))
                return r;
        }
    } else if (decision == QLatin1String("refer")) {
        visit.visitStatus = QStringLiteral("resolved");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = QStringLiteral("referred");
        visit.resolvedAtMs = now;
        if (!(r = emit_(QStringLiteral("CONSULT_CONCLUDED"),
                        {{QStringLiteral("visitOutcome"), QStringLiteral("referred")}})))
            return r;
    } else if (decision == QLatin1String("cancel")) {
        visit.visitStatus = QStringLiteral("canceled");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = QStringLiteral("canceled");
        if (!(r = emit_(QStringLiteral("CONSULT_CANCELED"), {})))
            return r;
    } else if (decision == QLatin1String("ask")) {
        const QString question = QStringLiteral(
            "Hello, this is your clinician. Could you tell me more about your current "
            "medications and how long you have had these symptoms?");
        if (!(r = m_store.addMessage(m, QStringLiteral("doctor"), question, now)) ||
            !(r = emit_(QStringLiteral("DOCTOR_CHAT"), {{QStringLiteral("content"), question}})))
            return r;
        visit.visitStatus = QStringLiteral("pending");
        visit.awaitingReply = true;
    }
    qCInfo(lcSandbox) << "sandbox clinician: visit" << m << "decision" << decision;
    return m_store.updateVisit(visit);
}

} // namespace clinicdesk
