#pragma once

#include "crypto/FieldCipher.h"
#include "intake/Draft.h"

#include <QObject>
#include <QThread>
#include <QTimer>

namespace clinicdesk {

class DraftAutosaveWorker;
class LocalStore;

// Saves an intake's draft, encrypted, at most kMaxDelayMs after any change, without ever
// blocking the GUI thread: update() only stores the newest snapshot and arms a timer; when it
// fires the snapshot goes to a worker thread that seals and commits it on its own connection.
// The timer is not restarted by further changes, so continuous typing is still saved every
// kSaveIntervalMs, and a kill -9 loses at most the last quarter second.
class DraftAutosaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxDelayMs = 250;
    // Leaves the rest of the 250 ms for the seal + commit (about a millisecond, see
    // bench_autosave) and for a busy event loop.
    static constexpr int kSaveIntervalMs = 150;

    explicit DraftAutosaver(LocalStore &store, QObject *parent = nullptr);
    ~DraftAutosaver() override;

    // The newest state of the draft. A draft without an id gets one here, so every later
    // snapshot replaces the same row; returns it.
    QString update(Draft draft);
    // Sends any pending snapshot now and waits until every save has been committed (closing
    // the wizard, handing over, submitting).
    void flush();
    bool isPending() const { return m_timer.isActive(); }
    qint64 savedGeneration() const { return m_savedGeneration; }

Q_SIGNALS:
    void saved(const QString &draftId);
    void failed(const QString &message);

private:
    void send();

    QThread m_thread;
    DraftAutosaveWorker *m_worker = nullptr; // lives on m_thread
    QTimer m_timer;
    Draft m_pending;
    qint64 m_generation = 0;
    qint64 m_sentGeneration = 0;
    qint64 m_savedGeneration = 0;
};

} // namespace clinicdesk
