#include "InboxWriter.h"

namespace clinicdesk {

InboxWriter::InboxWriter(QString databasePath, FieldCipher cipher)
    : m_path(std::move(databasePath))
    , m_cipher(std::move(cipher))
{}

InboxWriter::~InboxWriter() = default;

void InboxWriter::store(const QList<InboxStore::Incoming> &batch, qint64 nowMs, const Done &done)
{
    if (!m_store) {
        // Opened on first use, in this thread: a Qt Sql connection belongs to its thread.
        auto opened = InboxStore::openWriter(m_path, m_cipher);
        if (!opened)
            return done(opened.error());
        m_store = std::move(opened).value();
    }
    done(m_store->storeBatch(batch, nowMs));
}

void InboxWriter::close()
{
    m_store.reset();
}

} // namespace clinicdesk
