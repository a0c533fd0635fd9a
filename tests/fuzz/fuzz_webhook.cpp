// Hostile bytes on the webhook path: the Standard Webhooks headers and raw body as the inbox
// verifies them, then the event parsing and state rules the relay applies. Nothing may crash or
// hang (the LAB_ORDER_* fields too: order id, carrier/tracking, booking link, base64 PDF), a
// forged signature is never accepted (checked against DESIGN's published reference
// vector, not against the verifier's own signing code), and a parsed event always moves a visit
// forward.
//
// Input layout: id \n timestamp \n signature \n body (missing parts are empty).
#include "domain/VisitEvent.h"
#include "domain/VisitStateMachine.h"
#include "webhooks/WebhookVerifier.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace clinicdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> parts = bytes.split('\n');
    while (parts.size() < 4)
        parts.append(QByteArray());
    WebhookVerifier::Request request;
    request.id = parts[0];
    request.timestamp = parts[1];
    request.signature = parts[2];
    request.body = bytes.mid(parts[0].size() + parts[1].size() + parts[2].size() + 3);

    static const WebhookVerifier verifier =
        WebhookVerifier::fromSecretFile("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n").value();
    if (verifier.verify(request, 1614265330) == WebhookVerifier::Verdict::Accepted) {
        // The oracle is independent of the code under test: the only input a correct verifier
        // can accept is DESIGN's published reference vector (the seed `reference`), carrying its
        // published signature. Nothing here calls WebhookVerifier::sign.
        static const QByteArray kId = QByteArrayLiteral("msg_p5jXN8AQM9LWM0D4loKWxJek");
        static const QByteArray kTimestamp = QByteArrayLiteral("1614265330");
        static const QByteArray kBody = QByteArrayLiteral("{\"test\": 2432232314}");
        static const QByteArray kSignature =
            QByteArrayLiteral("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        if (request.id != kId || request.timestamp != kTimestamp || request.body != kBody)
            std::abort(); // a forged or altered webhook was accepted
        if (!request.signature.split(' ').contains(kSignature))
            std::abort(); // accepted without the one signature that is valid for it
    }
    (void)WebhookVerifier::fromSecretFile(bytes);

    auto body = VisitEvent::parseBody(request.body);
    if (body) {
        auto event = VisitEvent::fromPayload(body.value());
        auto inbox = VisitEvent::fromInboxEvent(body.value());
        for (const auto *parsed : {&event, &inbox}) {
            if (!*parsed)
                continue;
            const VisitEvent &e = parsed->value();
            // A lab event that parsed carries its order id, and a requisition a PDF.
            if (e.isLab() && e.orderId.isEmpty())
                std::abort();
            if (e.type == VisitEvent::Type::LabRequisitionCreated && !e.labPdf.startsWith("%PDF-"))
                std::abort();
            if (e.type != VisitEvent::Type::LabRequisitionCreated && !e.labPdf.isEmpty())
                std::abort();
            for (int s = 0; s <= int(VisitStateMachine::Status::Rejected); ++s) {
                const VisitStateMachine::State before{VisitStateMachine::Status(s),
                                                      VisitStateMachine::RxStatus::None};
                const auto after = VisitStateMachine::apply(before, parsed->value());
                if (int(after.status) < s && before.status != VisitStateMachine::Status::Rejected)
                    std::abort(); // never backwards
                if (VisitStateMachine::apply(after, parsed->value()) != after)
                    std::abort(); // idempotent
            }
        }
    }
    return 0;
}
