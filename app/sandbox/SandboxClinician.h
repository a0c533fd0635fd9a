#pragma once

#include "SandboxStore.h"
#include "base/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace clinicdesk {

struct SandboxFaults;

// The simulated clinician. Each new visit gets the current rule's decision, applied after its
// delay: "prescribe" (RX_WRITTEN, CONSULT_CONCLUDED prescribed, then the pharmacy order events),
// "refer" (CONSULT_CONCLUDED referred), "cancel" (CONSULT_CANCELED), "ask" (a DOCTOR_CHAT, then
// it waits for the staff reply through /external/receiveChat and applies `afterReply`), or
// "manual" (nothing until POST /_sandbox/visits/{masterId}/decision). Decisions are kept in the
// sandbox's database, so a restart resumes them.
class SandboxClock;

// Times (decisions, resolutions, prescriptions) are on the sandbox clock; webhooks are queued on
// the wall clock (their delivery and signatures are real). A check-in visit (weightlossCheckin)
// that is "prescribed" is concluded without a prescription. A photo visit's ID is approved when
// the clinician prescribes.
class SandboxClinician final : public QObject
{
    Q_OBJECT

public:
    struct Rule
    {
        QString decision = QStringLiteral("prescribe");
        int delayMs = 3000;
        QString afterReply = QStringLiteral("prescribe");
    };

    static bool isDecision(const QString &decision);

    SandboxClinician(SandboxStore &store, const SandboxClock &clock, const SandboxFaults &faults,
                     QObject *parent = nullptr);

    void start();
    const Rule &rule() const { return m_rule; }
    Result<void> setRule(const QJsonObject &settings);
    QJsonObject ruleJson() const;

    // Fills in a new visit's scheduled decision according to the rule.
    void schedule(SandboxStore::Visit &visit, qint64 nowMs) const;
    Result<void> decide(const QString &masterId, const QString &decision, int delayMs);
    // A staff reply arrived: a visit waiting for one moves on.
    Result<void> staffReplied(const QString &masterId);
    // A support message: support answers with a CS_MESSAGE.
    Result<void> supportMessage(const QString &masterId);

    Result<void> emitEvent(const QString &masterId, const QString &event, QJsonObject fields);
    // Writes a prescription of `items` (patientPreference items) on the visit at `atMs` and
    // emits RX_WRITTEN, then with `shipped` the three PHARMACY_ORDER events. Returns the
    // medsPrescribed written.
    Result<QJsonArray> prescribe(const QString &masterId, const QJsonArray &items,
                                 const QString &pharmacyId, qint64 atMs, bool shipped);

public Q_SLOTS:
    void tick();

private:
    Result<void> shipOrder(const QString &masterId);
    Result<void> apply(SandboxStore::Visit visit, qint64 nowMs);

    SandboxStore &m_store;
    const SandboxClock &m_clock;
    const SandboxFaults &m_faults;
    Rule m_rule;
    QTimer m_timer;
};

} // namespace clinicdesk
