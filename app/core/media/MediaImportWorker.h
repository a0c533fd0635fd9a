#pragma once

#include "base/Result.h"
#include "crypto/FieldCipher.h"
#include "media/DraftAttachment.h"
#include "store/Database.h"

#include <QObject>

#include <memory>

namespace clinicdesk {

// Runs on MediaImporter's thread: the image pipeline, then the seal and the commit through its
// own connection to the store's database (a Qt Sql connection belongs to the thread that opened
// it), opened on first use.
class MediaImportWorker : public QObject
{
    Q_OBJECT

public:
    MediaImportWorker(QString databasePath, FieldCipher cipher);
    ~MediaImportWorker() override;

    // `bytes` is wiped once processed (it is PHI).
    Result<DraftAttachment> add(const QString &draftId, const QString &slot,
                                const QString &createdBy, QByteArray bytes);
    void close();

private:
    QString m_path;
    FieldCipher m_cipher;
    std::unique_ptr<Database> m_db;
};

} // namespace clinicdesk
