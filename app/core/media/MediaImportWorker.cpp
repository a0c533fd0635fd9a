#include "media/MediaImportWorker.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"
#include "media/DraftAttachmentRepository.h"
#include "media/ImagePipeline.h"

#include <QElapsedTimer>

namespace clinicdesk {

MediaImportWorker::MediaImportWorker(QString databasePath, FieldCipher cipher)
    : m_path(std::move(databasePath))
    , m_cipher(std::move(cipher))
{}

MediaImportWorker::~MediaImportWorker() = default;

Result<DraftAttachment> MediaImportWorker::add(const QString &draftId, const QString &slot,
                                               const QString &createdBy, QByteArray bytes)
{
    QElapsedTimer timer;
    timer.start();
    auto processed = ImagePipeline::process(bytes);
    // Wiped only when this is the last reference: wiping in place a buffer the caller still
    // shares would zero the caller's copy (and race with its thread reading it).
    if (bytes.isDetached())
        crypto::wipe(bytes);
    bytes.clear();
    if (!processed) {
        qCInfo(lcMedia) << "image for draft" << draftId << "refused, error code"
                        << int(processed.error().code);
        return processed.error();
    }
    if (!m_db) {
        auto db = Database::openSqlite(m_path);
        if (!db)
            return db.error();
        m_db = std::move(db).value();
    }
    auto added =
        DraftAttachmentRepository::add(*m_db, m_cipher, draftId, slot, createdBy, *processed);
    crypto::wipe(processed->jpeg);
    if (!added) {
        qCWarning(lcMedia) << "image for draft" << draftId << "not stored, error code"
                           << int(added.error().code);
        return added.error();
    }
    qCDebug(lcMedia) << "attachment" << added->id << "stored in" << timer.elapsed() << "ms";
    return added;
}

void MediaImportWorker::close()
{
    m_db.reset();
}

} // namespace clinicdesk
