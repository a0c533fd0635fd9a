#include "media/DraftAttachmentRepository.h"

#include "crypto/Crypto.h"
#include "media/JpegSegments.h"
#include "store/LocalStore.h"

#include <QUuid>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("draft_attachments");
const QString kImage = QStringLiteral("image");

Error notFound(const QString &id)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no draft attachment with id %1").arg(id));
}

} // namespace

Result<DraftAttachment> DraftAttachmentRepository::add(const QString &draftId, const QString &slot,
                                                       const QString &createdBy,
                                                       const ImagePipeline::Output &image)
{
    return add(m_store.db(), m_store.cipher(), draftId, slot, createdBy, image);
}

Result<DraftAttachment> DraftAttachmentRepository::add(Database &db, const FieldCipher &cipher,
                                                       const QString &draftId, const QString &slot,
                                                       const QString &createdBy,
                                                       const ImagePipeline::Output &image)
{
    if (slot.trimmed().isEmpty() || createdBy.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("an attachment needs its questionnaire item and its user"));
    auto clean = JpegSegments::isClean(image.jpeg);
    if (!clean)
        return clean.error();
    if (!*clean)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("only a processed image (no metadata) can be stored"));
    auto draft = db.exec(QStringLiteral("SELECT 1 FROM drafts WHERE id = ?"), {draftId});
    if (!draft)
        return draft.error();
    if (!draft->next())
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("no draft with id %1 (save it before adding photos)").arg(draftId));
    DraftAttachment a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.draftId = draftId;
    a.slot = slot;
    a.size = image.size;
    a.bytes = image.jpeg.size();
    a.createdBy = createdBy;
    a.createdAt = QDateTime::currentDateTimeUtc();
    auto sealed = cipher.seal(kTable, a.id, kImage, image.jpeg);
    if (!sealed)
        return sealed.error();
    auto r = db.exec(QStringLiteral("INSERT INTO draft_attachments (id, draft_id, slot, width, "
                                    "height, image, created_by, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {a.id, a.draftId, a.slot, a.size.width(), a.size.height(), sealed.value(),
                      a.createdBy, a.createdAt.toString(Qt::ISODateWithMs)});
    if (!r)
        return r.error();
    return a;
}

Result<QList<DraftAttachment>> DraftAttachmentRepository::list(const QString &draftId)
{
    auto rows = m_store.db().exec(
        QStringLiteral("SELECT id, slot, width, height, length(image), created_by, created_at "
                       "FROM draft_attachments WHERE draft_id = ? ORDER BY created_at, id"),
        {draftId});
    if (!rows)
        return rows.error();
    QList<DraftAttachment> out;
    while (rows->next()) {
        DraftAttachment a;
        a.id = rows->value(0).toString();
        a.draftId = draftId;
        a.slot = rows->value(1).toString();
        a.size = QSize(rows->value(2).toInt(), rows->value(3).toInt());
        a.bytes = rows->value(4).toLongLong(); // sealed size: the JPEG plus 33 bytes
        a.createdBy = rows->value(5).toString();
        a.createdAt = QDateTime::fromString(rows->value(6).toString(), Qt::ISODateWithMs);
        out << a;
    }
    return out;
}

Result<QByteArray> DraftAttachmentRepository::image(const QString &id)
{
    auto row =
        m_store.db().exec(QStringLiteral("SELECT image FROM draft_attachments WHERE id = ?"), {id});
    if (!row)
        return row.error();
    if (!row->next())
        return notFound(id);
    return m_store.cipher().open(kTable, id, kImage, row->value(0).toByteArray());
}

Result<QImage> DraftAttachmentRepository::thumbnail(const QString &id, int maxSide)
{
    if (maxSide < 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("thumbnail size must be positive"));
    auto jpeg = image(id);
    if (!jpeg)
        return jpeg.error();
    QImage full;
    const bool decoded = full.loadFromData(*jpeg, "JPEG");
    crypto::wipe(*jpeg);
    if (!decoded)
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("stored attachment %1 does not decode").arg(id));
    return full.scaled(QSize(maxSide, maxSide), Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

Result<void> DraftAttachmentRepository::remove(const QString &id)
{
    auto r = m_store.db().exec(QStringLiteral("DELETE FROM draft_attachments WHERE id = ?"), {id});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return notFound(id);
    return {};
}

} // namespace clinicdesk
