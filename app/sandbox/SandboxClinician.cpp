#include "SandboxClinician.h"

#include "SandboxFaults.h"
#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace clinicdesk {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

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

SandboxClinician::SandboxClinician(SandboxStore &store, const SandboxFaults &faults,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
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
    visit.decideAtMs = nowMs() + delayMs;
    visit.updatedAtMs = nowMs();
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
        visit.decideAtMs = nowMs() + m_rule.delayMs;
    }
    visit.updatedAtMs = nowMs();
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
    qint64 at = nowMs() + m_faults.webhookDelayMs;
    if (m_faults.reorder)
        at += QRandomGenerator::global()->bounded(500);
    return m_store.enqueueWebhook(masterId, event,
                                  QJsonDocument(fields).toJson(QJsonDocument::Compact), at);
}

void SandboxClinician::tick()
{
    const qint64 now = nowMs();
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
        const QJsonObject rx{{QStringLiteral("docName"), QStringLiteral("Dr. Sandbox Clinician")},
                             {QStringLiteral("medsPrescribed"), meds}};
        if (!(r = m_store.addRx(m, rx, now)))
            return r;
        visit.visitStatus = QStringLiteral("resolved");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = QStringLiteral("prescribed");
        const QString orderId = shortId("ord_");
        const QJsonObject info{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                               {QStringLiteral("tracking"), shortId("1Z")}};
        if (!(r = emit_(QStringLiteral("RX_WRITTEN"), rx)) ||
            !(r = emit_(QStringLiteral("CONSULT_CONCLUDED"),
                        {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})))
            return r;
        for (const char *e : {"PHARMACY_ORDER_IN_FULFILLMENT", "PHARMACY_ORDER_SHIPPED",
                              "PHARMACY_ORDER_DELIVERED"}) {
            if (!(r = emit_(QString::fromLatin1(e), {{QStringLiteral("orderId"), orderId},
                                                     {QStringLiteral("info"), info}})))
                return r;
        }
    } else if (decision == QLatin1String("refer")) {
        visit.visitStatus = QStringLiteral("resolved");
        visit.resolvedStatus = QStringLiteral("closed");
        visit.outcome = QStringLiteral("referred");
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
