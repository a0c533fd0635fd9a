#include "InboxWriter.h"

#include <QDateTime>

namespace clinicdesk {

InboxWriter::InboxWriter(QString databasePath, FieldCipher cipher, int maxQueued,
                         Committed committed)
    : m_path(std::move(databasePath))
    , m_cipher(std::move(cipher))
    , m_maxQueued(maxQueued)
    , m_committed(std::move(committed))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("inbox-writer"));
    m_thread->start();
}

InboxWriter::~InboxWriter()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
}

bool InboxWriter::enqueue(Item item)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() + m_inCommit >= m_maxQueued)
            return false;
        m_queue.append(std::move(item));
    }
    m_wake.notify_one();
    return true;
}

int InboxWriter::depth() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_queue.size()) + m_inCommit;
}

void InboxWriter::run()
{
    // Opened here: a Qt Sql connection belongs to the thread that opened it.
    auto store = InboxStore::openWriter(m_path, m_cipher);
    for (;;) {
        QList<Item> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.isEmpty(); });
            if (m_stopping)
                break;
            batch.swap(m_queue);
            m_inCommit = int(batch.size());
        }
        QList<InboxStore::Incoming> incoming;
        incoming.reserve(batch.size());
        for (const Item &item : std::as_const(batch))
            incoming.append(item.incoming);
        const Result<QList<InboxStore::Stored>> stored =
            store ? store.value()->storeBatch(incoming, QDateTime::currentMSecsSinceEpoch())
                  : Result<QList<InboxStore::Stored>>(store.error());
        m_committed(batch, stored);
        const std::lock_guard lock(m_mutex);
        m_inCommit = 0;
    }
}

} // namespace clinicdesk
