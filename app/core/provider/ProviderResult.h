#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace clinicdesk {

// Every provider reply, normalised (BelugaAdapter::normaliseReply and the per-route normalisers,
// ProviderClient): transport failures, HTTP statuses (a bad key on a read is an HTTP 400 with no
// body), and the provider's HTTP-200-with-{"status":400,"error"|"info"|"data":…} bodies all end
// up as one of these outcomes. `message` is the provider's own reason for a refusal (staff
// see it) or our description of a failure; it never holds request data.
struct ProviderResult
{
    enum class Outcome
    {
        Ok,           // done; `data` holds the provider's data
        Transient,    // worth retrying: no connection, timeout, 5xx, 429, an unreadable reply
        Refused,      // the provider refused the request for good (bad fields, state, eligibility)
        Unauthorized, // the API key was not accepted
        NotFound,     // no such visit / patient at the provider
        TlsFailed,    // the certificate did not verify; never ignored
    };

    Outcome outcome = Outcome::Transient;
    int httpStatus = 0;     // 0 when no HTTP reply arrived
    int providerStatus = 0; // the body's "status", when it had one
    QString message;
    QJsonValue data;
    QString info; // the provider's "info" text, on success as on refusal (e.g. a check-in's
                  // "Patient needs to submit a followup visit")
    int retryAfterSeconds = -1; // from Retry-After, when given
    bool timedOut = false;

    bool ok() const { return outcome == Outcome::Ok; }
    // Failures that a later attempt of the very same request may get past.
    bool retryable() const
    {
        return outcome == Outcome::Transient || outcome == Outcome::Unauthorized ||
               outcome == Outcome::TlsFailed;
    }
    static QString outcomeName(Outcome outcome);
};

// GET /visit/externalFetch/{masterId}, in our terms.
struct ProviderVisitStatus
{
    enum class Stage
    {
        Unknown,
        Active,
        Pending,
        Admin,
        Resolved,
        Holding,
        Canceled,
    };
    QString masterId;
    QString providerVisitId;
    Stage stage = Stage::Unknown;
    bool closed = false;
    QDateTime updatedAt; // UTC
    int prescriptions = 0;
};

} // namespace clinicdesk
