#pragma once

#include "base/Result.h"
#include "media/DraftAttachment.h"
#include "media/ImagePipeline.h"

#include <QImage>
#include <QList>

namespace clinicdesk {

class Database;
class FieldCipher;
class LocalStore;

// The draft_attachments table: a draft's processed images, each sealed by FieldCipher bound to
// ("draft_attachments", its id, "image"), so an image copied to another row fails to open. Only
// ImagePipeline output is accepted (a JPEG with no metadata segment; checked again here, so a
// caller cannot store an unprocessed file by mistake). The draft must exist (autosaved) first;
// deleting the draft deletes its images (ON DELETE CASCADE; secure_delete overwrites them).
class DraftAttachmentRepository
{
public:
    explicit DraftAttachmentRepository(LocalStore &store)
        : m_store(store)
    {}

    Result<DraftAttachment> add(const QString &draftId, const QString &slot,
                                const QString &createdBy, const ImagePipeline::Output &image);
    // Oldest first, without the images.
    Result<QList<DraftAttachment>> list(const QString &draftId);
    // The JPEG, opened.
    Result<QByteArray> image(const QString &id);
    // The image scaled to fit maxSide x maxSide, for the intake step and the review.
    Result<QImage> thumbnail(const QString &id, int maxSide);
    Result<void> remove(const QString &id);

    // add() on an explicit connection and cipher (MediaImporter's worker thread has its own).
    static Result<DraftAttachment> add(Database &db, const FieldCipher &cipher,
                                       const QString &draftId, const QString &slot,
                                       const QString &createdBy,
                                       const ImagePipeline::Output &image);

private:
    LocalStore &m_store;
};

} // namespace clinicdesk
