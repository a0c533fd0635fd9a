#pragma once

#include <QDateTime>
#include <QSize>
#include <QString>

namespace clinicdesk {

// One processed photo or scan kept with an intake draft (table draft_attachments). The image
// itself is sealed PHI and is read only on demand (DraftAttachmentRepository::image).
struct DraftAttachment
{
    QString id;
    QString draftId;
    QString slot; // the questionnaire attachment item it answers (its linkId)
    QSize size;
    qsizetype bytes = 0; // of the JPEG; set when the image was read or written
    QString createdBy;
    QDateTime createdAt;
};

} // namespace clinicdesk
