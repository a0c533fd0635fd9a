#pragma once

#include "base/Result.h"
#include "media/DraftAttachment.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace clinicdesk {

class LocalStore;
class MediaImportWorker;

// Adds photos and scans to a draft without blocking the GUI thread: add() hands the bytes to a
// worker thread that runs ImagePipeline, seals and commits the image (DraftAttachmentRepository),
// and `done` is then called on this object's thread with the stored attachment or the reason it
// was refused (not an image, unsupported format, too large to decode, still over 3 MB, no such
// draft). Imports run one at a time, in the order given.
class MediaImporter : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<DraftAttachment> &)>;

    explicit MediaImporter(LocalStore &store, QObject *parent = nullptr);
    ~MediaImporter() override; // waits for the imports already given

    // `bytes`: the file as read (never written anywhere in clear); wiped on the worker once used
    // when the importer holds the only reference (move it in); a copy the caller keeps is left
    // intact, the caller's to wipe.
    void add(const QString &draftId, const QString &slot, const QString &createdBy,
             QByteArray bytes, Done done);
    // Waits until every import given so far has finished and its `done` has run.
    void flush();
    int pending() const { return m_pending; }

Q_SIGNALS:
    void pendingChanged(int pending);

private:
    QThread m_thread;
    MediaImportWorker *m_worker = nullptr; // lives on m_thread
    int m_pending = 0;
};

} // namespace clinicdesk
