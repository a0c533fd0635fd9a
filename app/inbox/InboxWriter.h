#pragma once

#include "HttpReplier.h"
#include "InboxStore.h"

#include <QThread>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace clinicdesk {

// The inbox's group commit, on its own thread. The HTTP layer's I/O threads queue verified
// webhooks here (enqueue() is thread-safe and never waits for the disk); the writer takes
// everything queued, stores it in ONE synchronous=FULL transaction (an fsync), hands the batch
// and its outcome to `committed` on this thread (which answers the senders), and takes the next
// batch at once: a batch holds everything that arrived during the previous commit. It writes
// through its own connection to the inbox database (InboxStore::openWriter).
class InboxWriter
{
public:
    struct Item
    {
        HttpReplier replier;
        InboxStore::Incoming incoming;
    };
    using Committed = std::function<void(const QList<Item> &batch,
                                         const Result<QList<InboxStore::Stored>> &stored)>;

    // At most `maxQueued` webhooks waiting or being committed.
    InboxWriter(QString databasePath, FieldCipher cipher, int maxQueued, Committed committed);
    // Stops: a batch being committed finishes (and is answered); queued ones are dropped
    // unanswered (their senders retry, and a retry of a stored one is a duplicate).
    ~InboxWriter();

    // Any thread. False when the queue is full (the sender is told 429).
    bool enqueue(Item item);
    // Webhooks waiting or being committed.
    int depth() const;

private:
    void run();

    QString m_path;
    FieldCipher m_cipher;
    int m_maxQueued;
    Committed m_committed;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Item> m_queue;
    int m_inCommit = 0;
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace clinicdesk
