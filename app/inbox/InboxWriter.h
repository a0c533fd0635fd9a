#pragma once

#include "InboxStore.h"

#include <QObject>

#include <functional>
#include <memory>

namespace clinicdesk {

// The inbox's group commit on its own thread: while one batch of webhooks is being committed
// (synchronous=FULL: an fsync), the HTTP thread keeps verifying and queueing the next one, so a
// batch holds everything that arrived during the previous commit. It writes through its own
// connection to the inbox database (InboxStore::openWriter); reads stay on the HTTP thread.
class InboxWriter final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QList<InboxStore::Stored>>)>;

    InboxWriter(QString databasePath, FieldCipher cipher);
    ~InboxWriter() override;

    // Runs in the writer's thread; `done` is called there too (post back to the caller's).
    void store(const QList<InboxStore::Incoming> &batch, qint64 nowMs, const Done &done);
    // Closes the connection; call in the writer's thread before it ends.
    void close();

private:
    QString m_path;
    FieldCipher m_cipher;
    std::unique_ptr<InboxStore> m_store;
};

} // namespace clinicdesk
