#include "media/MediaImporter.h"

#include "media/MediaImportWorker.h"
#include "store/LocalStore.h"

#include <QCoreApplication>

namespace clinicdesk {

MediaImporter::MediaImporter(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_worker(new MediaImportWorker(store.db().path(), store.cipher()))
{
    m_thread.setObjectName(QStringLiteral("media-import"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

MediaImporter::~MediaImporter()
{
    QMetaObject::invokeMethod(m_worker, &MediaImportWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void MediaImporter::add(const QString &draftId, const QString &slot, const QString &createdBy,
                        QByteArray bytes, Done done)
{
    ++m_pending;
    Q_EMIT pendingChanged(m_pending);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, draftId, slot, createdBy, bytes = std::move(bytes),
         done = std::move(done)]() mutable {
            Result<DraftAttachment> result =
                worker->add(draftId, slot, createdBy, std::move(bytes));
            // Back on the importer's thread; dropped by Qt if the importer is gone by then.
            QMetaObject::invokeMethod(
                this,
                [this, result = std::move(result), done = std::move(done)]() {
                    --m_pending;
                    if (done)
                        done(result);
                    Q_EMIT pendingChanged(m_pending);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MediaImporter::flush()
{
    QMetaObject::invokeMethod(
        m_worker, []() {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(this);
}

} // namespace clinicdesk
