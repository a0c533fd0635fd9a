#pragma once

#include "base/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace clinicdesk {

// The sandbox's fault switches, set through POST /_sandbox/faults. Request faults apply to the
// provider API routes only (never /healthz or /_sandbox/): a queue of forced faults for the next
// requests (deterministic tests), then a random fault with probability `failRate` drawn from
// `modes`. The SMS gateway stand-in has its own queue ("smsNext") and no random faults, so a
// test of one never consumes the other's. Webhook faults: duplicates, reordering, delays.
struct SandboxFaults
{
    enum class Kind
    {
        None,
        ServerError,     // "5xx": 503 before the request is processed
        ErrorAfter,      // "5xx-after": processed, then 500 (the client cannot tell it worked)
        Reset,           // "reset": connection closed before processing
        Drop,            // "drop": processed, then the connection is closed without a response
        ErrorIn200,      // "200-error": HTTP 200 carrying {"status":500,"error":…}
        TooManyRequests, // "429": with Retry-After
        Delay,           // "delay": processed, answered after delayMs (clients time out)
    };

    static QString name(Kind kind);
    static std::optional<Kind> parse(const QString &name);

    // The fault for the next API request: the queue first, then the dice.
    Kind next();
    // The fault for the next SMS gateway request: its queue only.
    Kind nextSms();

    Result<void> apply(const QJsonObject &settings);
    QJsonObject toJson() const;

    double failRate = 0.0;
    QList<Kind> modes = {Kind::ServerError, Kind::ErrorAfter, Kind::Reset,
                         Kind::Drop,        Kind::ErrorIn200, Kind::TooManyRequests};
    QList<Kind> queue;
    QList<Kind> smsQueue;
    int delayMs = 3000;
    int retryAfterSeconds = 1;

    // Webhook delivery.
    double duplicateRate = 0.0;
    bool reorder = false;
    int webhookDelayMs = 0;
    int webhookBackoffMs = 1000;
    int webhookMaxBackoffMs = 60000;
};

} // namespace clinicdesk
