#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

// One provider event as the relay receives it from the inbox (DESIGN, "Provider API": flat JSON
// `{"masterId":"…","event":"…",…}`), parsed and checked. Parsing never throws and never echoes
// a payload value into its error message (those go to the quarantine's reason column and logs).
struct VisitEvent
{
    enum class Type
    {
        RxWritten,
        ConsultConcluded,
        ConsultCanceled,
        DoctorChat,
        CsMessage,
        NameUpdate,
        PharmacyInFulfillment,
        PharmacyShipped,
        PharmacyDelivered,
        // Lab orders (issue 14): each carries `orderId`.
        LabShippedToPatient,   // info.carrier, info.tracking (the kit)
        LabDeliveredToPatient, // info optional
        LabShippedToLab,       // info.carrier, info.tracking (the sample)
        LabReceivedByLab,
        LabResults,            // bookingLink (http or https)
        LabRequisitionCreated, // labReqPdf: base64 of a PDF
    };
    enum class Outcome
    {
        None,
        Prescribed,
        Referred,
    };

    QString id;       // the inbox's event id (webhook-id), unique per provider
    QString provider; // e.g. "beluga"
    qint64 cursor = 0;
    QString receivedAt; // ISO 8601 UTC, from the inbox
    QString masterId;
    Type type = Type::CsMessage;
    Outcome outcome = Outcome::None; // CONSULT_CONCLUDED only
    QJsonObject payload;             // the whole provider body (PHI: sealed at rest)
    QString orderId;                 // LAB_ORDER_* only
    QByteArray labPdf;               // LAB_ORDER_REQUISITION_CREATED: the decoded PDF (PHI)

    // "RX_WRITTEN" and so on.
    static QString typeName(Type type);
    QString typeName() const { return typeName(type); }
    bool isLab() const { return isLab(type); }
    static bool isLab(Type type);
    // The key processed-event records use: "<provider>:<id>".
    QString key() const { return provider + QLatin1Char(':') + id; }

    // The largest requisition PDF accepted (the inbox's body limit is 1 MiB of base64).
    static constexpr qsizetype kMaxLabPdfBytes = 2 * 1024 * 1024;

    // Checks one provider payload. InvalidInput with a reason (naming fields, never values).
    static Result<VisitEvent> fromPayload(const QJsonObject &payload);
    // One element of the inbox's `events` array: {cursor,id,provider,receivedAt,payload}.
    static Result<VisitEvent> fromInboxEvent(const QJsonObject &event);
    // Raw bytes of a provider body (for the inbox and the fuzzer): must be a JSON object.
    static Result<QJsonObject> parseBody(const QByteArray &body);
};

} // namespace clinicdesk
