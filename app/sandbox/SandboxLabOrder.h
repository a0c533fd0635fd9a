#pragma once

#include "base/Result.h"

#include <QJsonObject>
#include <QString>

namespace clinicdesk {

class SandboxAttachments;
class SandboxClinician;
class SandboxClock;
class SandboxStore;

// A lab order run to its end at once (POST /_sandbox/visits/{masterId}/lab): the six LAB_ORDER
// webhooks in this order, one order id throughout —
//   LAB_ORDER_SHIPPED_TO_PATIENT   info.carrier, info.tracking (the kit to the patient)
//   LAB_ORDER_DELIVERED_TO_PATIENT info.carrier, info.tracking
//   LAB_ORDER_SHIPPED_TO_LAB       info.carrier, info.tracking (the sample to the lab)
//   LAB_ORDER_RECEIVED_BY_LAB
//   LAB_ORDER_RESULTS              bookingLink (to book a results consult)
//   LAB_ORDER_REQUISITION_CREATED  labReqPdf: base64 of a real one-page PDF (SandboxPdf)
// — and the visit's labResults (externalFetch) filled with a GLP-1 programme's panel.
class SandboxLabOrder
{
public:
    SandboxLabOrder(SandboxStore &store, SandboxAttachments &attachments,
                    SandboxClinician &clinician, const SandboxClock &clock);

    // NotFound for an unknown visit. Returns {orderId, events:[…]}.
    Result<QJsonObject> run(const QString &masterId);

private:
    SandboxStore &m_store;
    SandboxAttachments &m_attachments;
    SandboxClinician &m_clinician;
    const SandboxClock &m_clock;
};

} // namespace clinicdesk
