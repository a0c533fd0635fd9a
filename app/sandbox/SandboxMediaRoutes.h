#pragma once

#include "SandboxRoutes.h"
#include "base/Result.h"

#include <functional>

namespace clinicdesk {

// What staff send about a visit after it exists: POST /external/receivePhotos {visitId,
// images:[{mime,data}]} and /external/receivePdf {visitId, image:{mime,data}} (visitId is the one
// createNoPay returned), and the messages POST /external/receiveChat (text, or with isMedia a
// base64 JPEG in content) and /external/receiveCSMessage.
//
// Photos: HTTP 200 with {"status":200,"info":"Successfully received images"}, or status 400 with
// "Visit does not exist" (unknown or missing visitId) or "Error accepting images" (no images, more
// than 10, one not a JPEG by mime and by its SOI/EOI markers, over 3 MiB, bad base64, or the
// visit closed); all or nothing. The PDF route answers "Successfully received image" | "Visit does
// not exist" | "Error accepting image". A photo visit (createNoPayPhotos) waits in "holding" until
// its first photos arrive; then its ID is in review and the clinician takes it up.
class SandboxMediaRoutes final : public SandboxRoutes
{
public:
    using SandboxRoutes::SandboxRoutes;

    bool owns(const QString &path) const override;
    SandboxReply handle(const Call &call) override;

private:
    SandboxReply receivePhotos(const QJsonObject &body);
    SandboxReply receivePdf(const QJsonObject &body);
    SandboxReply receiveChat(const QJsonObject &body);
    SandboxReply receiveCsMessage(const QJsonObject &body);
    SandboxReply storeMessage(const QJsonObject &body, const QStringList &required,
                              const QString &sender, const QString &counter,
                              const std::function<Result<void>(const QString &)> &then);
};

} // namespace clinicdesk
