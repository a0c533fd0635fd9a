#pragma once

#include "base/Result.h"
#include "crypto/FieldCipher.h"
#include "keys/KeyProvider.h"
#include "store/Database.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace clinicdesk {

// The inbox's own durable store (SQLite, WAL, synchronous=FULL: a commit that returned is on
// disk, which is what a 2xx promises). Raw webhook bodies are sealed with a FieldCipher bound to
// ("events", "<provider>/<webhook id>", "body"); the key ring comes from a KeyProvider (0600 key
// file or keychain) exactly like the console's store. Cursors come from an AUTOINCREMENT key, so
// they increase strictly in arrival order and are never reused after a purge.
class InboxStore
{
public:
    struct Incoming
    {
        QString provider;
        QString webhookId;
        QByteArray body;
        // The body sealed for its events row (sealEvent), on the I/O thread that verified it,
        // so the one writer thread only inserts and commits. Empty: storeBatch seals it.
        QByteArray sealed = {};
    };
    struct Stored
    {
        enum class Outcome
        {
            Stored,
            Duplicate, // the same id and the same body: acknowledged again, stored once
            Conflict,  // the same id with another body: kept apart, sealed, in `conflicts`
        };
        qint64 cursor = 0; // of the event stored under this id
        Outcome outcome = Outcome::Stored;
        QString conflictId; // Conflict only
    };
    struct Event
    {
        qint64 cursor = 0;
        QString id;
        QString provider;
        qint64 receivedAtMs = 0;
        QByteArray body;
    };

    static Result<std::unique_ptr<InboxStore>> open(const QString &dataDir, KeyProvider &keys);
    // A second connection to an opened store, for the thread that writes events (InboxWriter):
    // no migrations, no key loading; it seals with `cipher`. It never checkpoints the WAL itself
    // (that would add a sync of the whole database to a webhook's answer): checkpoint() does, on
    // the other connection, off the commit path.
    static Result<std::unique_ptr<InboxStore>> openWriter(const QString &databasePath,
                                                          const FieldCipher &cipher);
    static QString databasePath(const QString &dataDir);
    static const QList<Migration> &migrations();

    ~InboxStore();

    // Stores every new event and recognises repeats (same provider and webhook id, also within
    // the batch) in ONE transaction: the same body is a duplicate, another body a conflict whose
    // body is kept sealed. Returns one entry per input, in order. Nothing is stored when it fails.
    Result<QList<Stored>> storeBatch(const QList<Incoming> &batch, qint64 nowMs);
    // The body sealed as storeBatch stores it (events.body, bound to provider and webhook id).
    static Result<QByteArray> sealEvent(const FieldCipher &cipher, const Incoming &incoming);
    // A conflicting body, opened (for debugging and tests).
    Result<QByteArray> conflictBody(const QString &conflictId);
    // Up to `limit` events after `after`, stopping early once their bodies add up to `maxBytes`
    // (always at least one), so that one page stays small whatever the limit.
    Result<QList<Event>> eventsAfter(qint64 after, int limit, qint64 maxBytes = 8 * 1024 * 1024);
    qint64 lastCursor() const { return m_lastCursor; }
    // Tells this connection about events another connection (the writer) stored.
    void noteStored(qint64 cursor) { m_lastCursor = qMax(m_lastCursor, cursor); }
    const FieldCipher &cipher() const { return m_cipher; }
    qint64 eventCount();

    // Consumers: name and SHA-256 of the token. Registering replaces the token hash and keeps the
    // committed cursor.
    Result<void> registerConsumer(const QString &name, const QByteArray &tokenHash);
    // The consumer whose token this is (constant-time over every consumer), or nothing.
    std::optional<QString> consumerForToken(QByteArrayView token) const;
    // Forgets consumers no longer configured: they cannot sign in and do not hold back purges.
    void retainConsumers(const QStringList &names);
    QMap<QString, qint64> committedCursors() const { return m_committed; }
    qint64 committedCursor(const QString &consumer) const { return m_committed.value(consumer); }
    // Never moves a cursor back; InvalidInput for a cursor beyond the newest event.
    Result<qint64> commit(const QString &consumer, qint64 cursor);

    // Deletes events received before `cutoffMs` that every configured consumer has committed,
    // and conflicting bodies received before it. Nothing is purged while no consumer is
    // configured. Returns the number of events deleted.
    Result<int> purge(qint64 cutoffMs);

    // Copies committed WAL pages into the database without blocking the writer (PASSIVE).
    Result<void> checkpoint();

    Database &db() { return *m_db; }

private:
    InboxStore() = default;
    Result<void> loadOrCreateKeys(KeyProvider &keys);
    Result<Stored> repeated(const Incoming &incoming, qint64 cursor, const QByteArray &storedBody,
                            qint64 nowMs);

    std::unique_ptr<Database> m_db;
    FieldCipher m_cipher;
    QString m_storeId;
    qint64 m_lastCursor = 0;
    QMap<QString, QByteArray> m_tokenHashes;
    QMap<QString, qint64> m_committed;
};

} // namespace clinicdesk
