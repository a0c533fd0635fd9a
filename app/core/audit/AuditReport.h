#pragma once

#include "audit/AuditVerification.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace clinicdesk {

class AuditWitness;

// What the inbox's witness said when a verification asked it.
struct AuditWitnessCheck
{
    enum class State
    {
        NotConfigured, // no inbox in the console's settings: nothing off the machine to compare
        Unreachable,   // configured, but no answer: the check is incomplete
        NotWitnessed,  // the inbox holds no head for this store yet
        Witnessed,
    };
    State state = State::NotConfigured;
    std::optional<AuditHead> head;
    QString detail; // why unreachable; where it came from

    static AuditWitnessCheck fetch(AuditWitness *witness, int timeoutMs);
};

// `audit verify` in words and in JSON: never a plain "intact" when a break was ever found (the
// acknowledged ones and their restarts are listed), and the witness's part said. Admin CLI and
// tests share it.
class AuditReport
{
public:
    static QString text(const AuditVerification &v, const AuditWitnessCheck &witness);
    static QJsonObject json(const AuditVerification &v, const AuditWitnessCheck &witness);
    // The one line for stderr when the check fails (a break not acknowledged, or a configured
    // witness that could not be read); empty when it passes.
    static QString failure(const AuditVerification &v, const AuditWitnessCheck &witness);
    static QString witnessText(const AuditWitnessCheck &witness);
};

} // namespace clinicdesk
