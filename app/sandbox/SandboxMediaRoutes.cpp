#include "SandboxMediaRoutes.h"

#include "SandboxAttachments.h"
#include "SandboxClinician.h"
#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxFileChecks.h"
#include "SandboxStore.h"
#include "base/Logging.h"

#include <QJsonArray>

namespace clinicdesk {
namespace {

const QString kPhotos = QStringLiteral("/external/receivePhotos");
const QString kPdf = QStringLiteral("/external/receivePdf");
const QString kChat = QStringLiteral("/external/receiveChat");
const QString kSupport = QStringLiteral("/external/receiveCSMessage");

SandboxReply internalError()
{
    return SandboxReply::httpError(500, QStringLiteral("Internal server error"));
}

} // namespace

bool SandboxMediaRoutes::owns(const QString &path) const
{
    return path == kPhotos || path == kPdf || path == kChat || path == kSupport;
}

SandboxReply SandboxMediaRoutes::handle(const Call &call)
{
    if (!call.post())
        return SandboxReply::methodNotAllowed("POST");
    if (call.path == kPhotos)
        return receivePhotos(call.json);
    if (call.path == kPdf)
        return receivePdf(call.json);
    if (call.path == kChat)
        return receiveChat(call.json);
    return receiveCsMessage(call.json);
}

SandboxReply SandboxMediaRoutes::receivePhotos(const QJsonObject &body)
{
    ++m_ctx.counters[QStringLiteral("receivePhotos")];
    const QString refused = QStringLiteral("Error accepting images");
    const QString visitId = body.value(QLatin1String("visitId")).toString().trimmed();
    auto v = m_ctx.store.visitByVisitId(visitId);
    if (!v)
        return internalError();
    if (visitId.isEmpty() || !v.value())
        return SandboxReply::info(400, QStringLiteral("Visit does not exist"));
    const QJsonArray images = body.value(QLatin1String("images")).toArray();
    if (images.isEmpty() || images.size() > SandboxFileChecks::kMaxImagesPerRequest)
        return SandboxReply::info(400, refused);
    for (const QJsonValue &image : images) {
        if (!SandboxFileChecks::acceptedJpeg(image))
            return SandboxReply::info(400, refused);
    }
    SandboxStore::Visit visit = *v.value();
    if (visit.resolvedStatus == QLatin1String("closed"))
        return SandboxReply::info(400, refused);
    const qint64 now = m_ctx.clock.nowMs();
    auto r = m_ctx.store.db().transaction([&]() -> Result<void> {
        for (const QJsonValue &image : images) {
            if (auto a = m_ctx.attachments.add(visit.masterId, SandboxAttachments::kPhoto,
                                               image.toObject(), now);
                !a)
                return a;
        }
        if (visit.idStatus != QLatin1String("awaiting"))
            return {};
        // The photo visit's first images: its ID goes to review and the clinician takes it up.
        visit.idStatus = QStringLiteral("review");
        visit.visitStatus = QStringLiteral("active");
        visit.updatedAtMs = now;
        m_ctx.clinician.schedule(visit, now);
        return m_ctx.store.updateVisit(visit);
    });
    if (!r) {
        qCWarning(lcService) << "sandbox: receivePhotos failed:" << r.error().message;
        return SandboxReply::info(400, refused);
    }
    m_ctx.counters[QStringLiteral("photos")] += int(images.size());
    return SandboxReply::info(200, QStringLiteral("Successfully received images"));
}

SandboxReply SandboxMediaRoutes::receivePdf(const QJsonObject &body)
{
    ++m_ctx.counters[QStringLiteral("receivePdf")];
    const QString refused = QStringLiteral("Error accepting image");
    const QString visitId = body.value(QLatin1String("visitId")).toString().trimmed();
    auto v = m_ctx.store.visitByVisitId(visitId);
    if (!v)
        return internalError();
    if (visitId.isEmpty() || !v.value())
        return SandboxReply::info(400, QStringLiteral("Visit does not exist"));
    const QJsonValue image = body.value(QLatin1String("image"));
    if (!SandboxFileChecks::acceptedPdf(image))
        return SandboxReply::info(400, refused);
    if (auto a = m_ctx.attachments.add(v.value()->masterId, SandboxAttachments::kPdf,
                                       image.toObject(), m_ctx.clock.nowMs());
        !a) {
        qCWarning(lcService) << "sandbox: receivePdf failed:" << a.error().message;
        return SandboxReply::info(400, refused);
    }
    return SandboxReply::info(200, QStringLiteral("Successfully received image"));
}

// receiveChat and receiveCSMessage: the required fields (reported in this order), the visit,
// then the message and what the clinician does about it, in one transaction.
SandboxReply
SandboxMediaRoutes::storeMessage(const QJsonObject &body, const QStringList &required,
                                 const QString &sender, const QString &counter,
                                 const std::function<Result<void>(const QString &)> &then)
{
    const QString masterId = body.value(QLatin1String("masterId")).toString();
    const QString content = body.value(QLatin1String("content")).toString().trimmed();
    QStringList bad;
    for (const QString &key : required) {
        if (body.value(key).toString().trimmed().isEmpty())
            bad << key;
    }
    // isMedia, when sent, is a boolean; with true the content is a base64 JPEG.
    const QJsonValue isMedia = body.value(QLatin1String("isMedia"));
    const bool media = isMedia.toBool(false);
    if (!isMedia.isUndefined() && !isMedia.isBool())
        bad << QStringLiteral("isMedia");
    else if (media && !bad.contains(QStringLiteral("content")) &&
             !SandboxFileChecks::acceptedJpeg(
                 QJsonObject{{QStringLiteral("mime"), QStringLiteral("image/jpeg")},
                             {QStringLiteral("data"), body.value(QLatin1String("content"))}}))
        bad << QStringLiteral("content");
    if (!bad.isEmpty())
        return SandboxReply::providerError(QStringLiteral("Payload contains bad fields: ") +
                                           bad.join(QStringLiteral(", ")));
    auto v = m_ctx.store.visit(masterId);
    if (!v)
        return internalError();
    if (!v.value())
        return SandboxReply::providerError(QStringLiteral("Visit not found"), 404);
    const qint64 now = m_ctx.clock.nowMs();
    auto r = m_ctx.store.db().transaction([&]() -> Result<void> {
        if (media) {
            if (auto a = m_ctx.attachments.add(
                    masterId, SandboxAttachments::kChat,
                    {{QStringLiteral("mime"), QStringLiteral("image/jpeg")},
                     {QStringLiteral("data"), body.value(QLatin1String("content"))}},
                    now);
                !a)
                return a;
        }
        if (auto a = m_ctx.store.addMessage(masterId, sender,
                                            media ? QStringLiteral("[image]") : content, now);
            !a)
            return a;
        return then(masterId);
    });
    if (!r)
        return internalError();
    ++m_ctx.counters[counter];
    return SandboxReply::ok(QJsonObject{{QStringLiteral("masterId"), masterId}});
}

SandboxReply SandboxMediaRoutes::receiveChat(const QJsonObject &body)
{
    return storeMessage(
        body,
        {QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("content"),
         QStringLiteral("masterId")},
        QStringLiteral("staff"), QStringLiteral("chats"),
        [this](const QString &masterId) { return m_ctx.clinician.staffReplied(masterId); });
}

SandboxReply SandboxMediaRoutes::receiveCsMessage(const QJsonObject &body)
{
    return storeMessage(
        body, {QStringLiteral("content"), QStringLiteral("masterId")}, QStringLiteral("cs"),
        QStringLiteral("csMessages"),
        [this](const QString &masterId) { return m_ctx.clinician.supportMessage(masterId); });
}

} // namespace clinicdesk
