#include "intake/DraftAutosaveWorker.h"

#include "base/Logging.h"
#include "intake/DraftRepository.h"

#include <QElapsedTimer>

namespace clinicdesk {

DraftAutosaveWorker::DraftAutosaveWorker(Opener opener, FieldCipher cipher)
    : m_opener(std::move(opener))
    , m_cipher(std::move(cipher))
{}

DraftAutosaveWorker::~DraftAutosaveWorker() = default;

void DraftAutosaveWorker::save(const Draft &draft, qint64 generation)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_db) {
        auto db = m_opener();
        if (!db) {
            qCWarning(lcIntake) << "autosave cannot open the store, error code"
                                << int(db.error().code);
            Q_EMIT failed(draft.id, db.error().message);
            return;
        }
        m_db = std::move(db).value();
    }
    // Each save continues the version this worker wrote last for the draft (the snapshot
    // carries the version it was read at, which the first save continues).
    Draft continued = draft;
    if (const auto known = m_versions.constFind(draft.id); known != m_versions.constEnd())
        continued.version = known.value();
    qint64 version = 0;
    auto id = DraftRepository::save(*m_db, m_cipher, continued, &version);
    if (!id) {
        qCWarning(lcIntake) << "autosave of draft" << draft.id << "failed, error code"
                            << int(id.error().code);
        Q_EMIT failed(draft.id, id.error().message);
        return;
    }
    m_versions.insert(id.value(), version);
    Q_EMIT saved(id.value(), generation, timer.nsecsElapsed() / 1000);
}

void DraftAutosaveWorker::close()
{
    m_db.reset();
}

} // namespace clinicdesk
