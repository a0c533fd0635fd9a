#include "intake/DraftAutosaver.h"

#include "base/Logging.h"
#include "intake/DraftAutosaveWorker.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QUuid>

namespace clinicdesk {

DraftAutosaver::DraftAutosaver(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_worker(new DraftAutosaveWorker(store.connectionOpener(), store.cipher()))
{
    m_thread.setObjectName(QStringLiteral("draft-autosave"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DraftAutosaveWorker::saved, this,
            [this](const QString &id, qint64 generation, qint64 elapsedUs) {
                m_savedGeneration = std::max(m_savedGeneration, generation);
                qCDebug(lcIntake) << "draft" << id << "saved in" << elapsedUs << "us";
                Q_EMIT saved(id);
            });
    connect(m_worker, &DraftAutosaveWorker::failed, this,
            [this](const QString &, const QString &message) { Q_EMIT failed(message); });
    m_timer.setSingleShot(true);
    m_timer.setInterval(kSaveIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::send);
    m_thread.start();
}

DraftAutosaver::~DraftAutosaver()
{
    flush();
    QMetaObject::invokeMethod(m_worker, &DraftAutosaveWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString DraftAutosaver::update(Draft draft)
{
    if (draft.id.isEmpty())
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pending = std::move(draft);
    ++m_generation;
    if (!m_timer.isActive())
        m_timer.start();
    return m_pending.id;
}

void DraftAutosaver::send()
{
    m_timer.stop();
    if (m_sentGeneration == m_generation)
        return;
    m_sentGeneration = m_generation;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, draft = m_pending, generation = m_generation]() {
            worker->save(draft, generation);
        },
        Qt::QueuedConnection);
}

void DraftAutosaver::flush()
{
    send();
    // Waits for the worker to drain its queue (the saves queued before this call).
    QMetaObject::invokeMethod(
        m_worker, []() {}, Qt::BlockingQueuedConnection);
    // Deliver the worker's queued "saved" signals so savedGeneration is current.
    QCoreApplication::sendPostedEvents(this);
}

} // namespace clinicdesk
