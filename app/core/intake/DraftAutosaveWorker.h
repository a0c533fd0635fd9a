#pragma once

#include "crypto/FieldCipher.h"
#include "intake/Draft.h"
#include "store/Database.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace clinicdesk {

// Seals and commits drafts on the autosave thread, through its own connection to the store's
// database (a Qt Sql connection belongs to the thread that opened it), opened on first use.
class DraftAutosaveWorker : public QObject
{
    Q_OBJECT

public:
    // `opener` opens the worker's own connection to the store (LocalStore::connectionOpener),
    // called on the worker's thread at the first save.
    using Opener = std::function<Result<std::unique_ptr<Database>>()>;
    DraftAutosaveWorker(Opener opener, FieldCipher cipher);
    ~DraftAutosaveWorker() override;

    // Runs on the worker's thread.
    void save(const Draft &draft, qint64 generation);
    // Closes the connection; call on the worker's thread before it ends.
    void close();

Q_SIGNALS:
    // `elapsedUs`: seal + commit time.
    void saved(const QString &draftId, qint64 generation, qint64 elapsedUs);
    void failed(const QString &draftId, const QString &message);

private:
    Opener m_opener;
    FieldCipher m_cipher;
    std::unique_ptr<Database> m_db;
    QHash<QString, qint64> m_versions; // draft id -> version this worker saved last
};

} // namespace clinicdesk
