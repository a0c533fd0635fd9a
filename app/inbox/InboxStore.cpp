#include "InboxStore.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"
#include "store/StoreKeyOpener.h"

#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace clinicdesk {
namespace {

const QString kEvents = QStringLiteral("events");
const QString kBody = QStringLiteral("body");
const QString kConflicts = QStringLiteral("conflicts");
const QByteArray kKeyCheckPlain = QByteArrayLiteral("clinicdesk inbox key check");

QString rowId(const QString &provider, const QString &webhookId)
{
    return provider + QLatin1Char('/') + webhookId;
}

} // namespace

InboxStore::~InboxStore() = default;

QString InboxStore::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("inbox.sqlite"));
}

const QList<Migration> &InboxStore::migrations()
{
    static const QList<Migration> all = {
        {1,
         QStringLiteral("inbox events and consumers"),
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             // body: the raw webhook body, sealed. received_at_ms: Unix milliseconds, UTC.
             QStringLiteral("CREATE TABLE events ("
                            " cursor INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " provider TEXT NOT NULL,"
                            " webhook_id TEXT NOT NULL,"
                            " received_at_ms INTEGER NOT NULL,"
                            " body {BLOB} NOT NULL,"
                            " UNIQUE (provider, webhook_id))"),
             QStringLiteral("CREATE INDEX events_received ON events (received_at_ms)"),
             QStringLiteral("CREATE TABLE consumers ("
                            " name TEXT PRIMARY KEY,"
                            " token_hash {BLOB} NOT NULL,"
                            " committed_cursor INTEGER NOT NULL DEFAULT 0,"
                            " committed_at_ms INTEGER NOT NULL DEFAULT 0)"),
         }},
        {2,
         QStringLiteral("reused webhook ids, audit witnesses"),
         {
             // A webhook id that came back with another body (answered 409): that body, sealed
             // bound to ("conflicts", id, "body"), kept for debugging as long as events are.
             QStringLiteral("CREATE TABLE conflicts ("
                            " id TEXT PRIMARY KEY,"
                            " provider TEXT NOT NULL,"
                            " webhook_id TEXT NOT NULL,"
                            " received_at_ms INTEGER NOT NULL,"
                            " body {BLOB} NOT NULL)"),
             QStringLiteral("CREATE INDEX conflicts_received ON conflicts (received_at_ms)"),
             // Each console store's latest audit head (POST /v1/witness), owned by the consumer
             // that first witnessed it. head: lower-case hex.
             QStringLiteral("CREATE TABLE witnesses ("
                            " store_id TEXT PRIMARY KEY,"
                            " consumer TEXT NOT NULL,"
                            " seq INTEGER NOT NULL,"
                            " head TEXT NOT NULL,"
                            " witnessed_at_ms INTEGER NOT NULL)"),
         }},
    };
    return all;
}

Result<std::unique_ptr<InboxStore>> InboxStore::open(const QString &dataDir, KeyProvider &keys)
{
    std::unique_ptr<InboxStore> store(new InboxStore);
    auto db = Database::openSqlite(databasePath(dataDir), Database::Options{true, false});
    if (!db)
        return db.error();
    store->m_db = std::move(db).value();
    if (auto r = store->m_db->migrate(migrations()); !r)
        return r.error();
    if (auto r = store->loadOrCreateKeys(keys); !r)
        return r.error();
    auto last = store->m_db->exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"),
                                  {kEvents});
    if (!last)
        return last.error();
    store->m_lastCursor = last->next() ? last->value(0).toLongLong() : 0;
    auto consumers = store->m_db->exec(
        QStringLiteral("SELECT name, token_hash, committed_cursor FROM consumers"));
    if (!consumers)
        return consumers.error();
    while (consumers->next()) {
        store->m_tokenHashes.insert(consumers->value(0).toString(),
                                    consumers->value(1).toByteArray());
        store->m_committed.insert(consumers->value(0).toString(), consumers->value(2).toLongLong());
    }
    qCInfo(lcInbox) << "inbox store open, last cursor" << store->m_lastCursor << "consumers"
                    << store->m_committed.size();
    return store;
}

Result<std::unique_ptr<InboxStore>> InboxStore::openWriter(const QString &databasePath,
                                                           const FieldCipher &cipher)
{
    std::unique_ptr<InboxStore> store(new InboxStore);
    auto db = Database::openSqlite(databasePath, Database::Options{true, false});
    if (!db)
        return db.error();
    store->m_db = std::move(db).value();
    store->m_cipher = cipher;
    if (auto r = store->m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")); !r)
        return r.error();
    return store;
}

Result<void> InboxStore::checkpoint()
{
    auto r = m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    if (!r)
        return r.error();
    return {};
}

Result<void> InboxStore::loadOrCreateKeys(KeyProvider &keys)
{
    auto opened = StoreKeyOpener::open(
        *m_db, keys,
        {QStringLiteral("the inbox store"),
         QStringLiteral("inbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
         kKeyCheckPlain,
         {}});
    if (!opened)
        return opened.error();
    m_storeId = opened->storeId;
    m_cipher = opened->cipher;
    return {};
}

Result<QByteArray> InboxStore::sealEvent(const FieldCipher &cipher, const Incoming &incoming)
{
    return cipher.seal(kEvents, rowId(incoming.provider, incoming.webhookId), kBody, incoming.body);
}

Result<QList<InboxStore::Stored>> InboxStore::storeBatch(const QList<Incoming> &batch, qint64 nowMs)
{
    QList<Stored> results;
    results.reserve(batch.size());
    qint64 last = m_lastCursor;
    auto outcome = m_db->transaction([&]() -> Result<void> {
        // Prepared once per batch, bound per event: a batch holds up to thousands.
        QSqlQuery find(m_db->handle());
        QSqlQuery insert(m_db->handle());
        if (!find.prepare(QStringLiteral(
                "SELECT cursor, body FROM events WHERE provider = ? AND webhook_id = ?")) ||
            !insert.prepare(QStringLiteral("INSERT INTO events (provider, webhook_id, "
                                           "received_at_ms, body) VALUES (?, ?, ?, ?) "
                                           "ON CONFLICT (provider, webhook_id) DO NOTHING")))
            return makeError(ErrorCode::Database,
                             QStringLiteral("preparing the event statements: %1")
                                 .arg(find.lastError().text() + insert.lastError().text()));
        // Events of this batch by key: their cursor and body, for repeats within the batch.
        QHash<QString, std::pair<qint64, QByteArray>> inBatch;
        for (const Incoming &incoming : batch) {
            const QString key = rowId(incoming.provider, incoming.webhookId);
            if (auto it = inBatch.constFind(key); it != inBatch.constEnd()) {
                auto repeat = repeated(incoming, it->first, it->second, nowMs);
                if (!repeat)
                    return repeat.error();
                results.append(repeat.value());
                continue;
            }
            // Insert first; a conflict on (provider, webhook_id) is a repeat (rare), whose stored
            // cursor and body are then looked up.
            auto sealed = !incoming.sealed.isEmpty()
                              ? Result<QByteArray>(incoming.sealed)
                              : m_cipher.seal(kEvents, key, kBody, incoming.body);
            if (!sealed)
                return sealed.error();
            insert.bindValue(0, incoming.provider);
            insert.bindValue(1, incoming.webhookId);
            insert.bindValue(2, nowMs);
            insert.bindValue(3, sealed.value());
            if (!insert.exec())
                return makeError(
                    ErrorCode::Database,
                    QStringLiteral("INSERT INTO events: %1").arg(insert.lastError().text()));
            if (insert.numRowsAffected() == 0) {
                find.bindValue(0, incoming.provider);
                find.bindValue(1, incoming.webhookId);
                if (!find.exec() || !find.next())
                    return makeError(
                        ErrorCode::Database,
                        QStringLiteral("SELECT cursor: %1").arg(find.lastError().text()));
                const qint64 cursor = find.value(0).toLongLong();
                auto stored = m_cipher.open(kEvents, key, kBody, find.value(1).toByteArray());
                find.finish();
                if (!stored)
                    return makeError(
                        stored.error().code,
                        QStringLiteral("event %1: %2").arg(cursor).arg(stored.error().message));
                inBatch.insert(key, {cursor, stored.value()});
                auto repeat = repeated(incoming, cursor, stored.value(), nowMs);
                if (!repeat)
                    return repeat.error();
                results.append(repeat.value());
                continue;
            }
            const qint64 cursor = insert.lastInsertId().toLongLong();
            inBatch.insert(key, {cursor, incoming.body});
            last = qMax(last, cursor);
            results.append(Stored{cursor, Stored::Outcome::Stored, {}});
        }
        return {};
    });
    if (!outcome)
        return outcome.error();
    m_lastCursor = last;
    return results;
}

Result<InboxStore::Stored> InboxStore::repeated(const Incoming &incoming, qint64 cursor,
                                                const QByteArray &storedBody, qint64 nowMs)
{
    if (storedBody == incoming.body)
        return Stored{cursor, Stored::Outcome::Duplicate, {}};
    // The same id with another body: never a silent 2xx. The body is kept, sealed, for whoever
    // has to find out which sender is wrong.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto sealed = m_cipher.seal(kConflicts, id, kBody, incoming.body);
    if (!sealed)
        return sealed.error();
    auto r = m_db->exec(QStringLiteral("INSERT INTO conflicts (id, provider, webhook_id, "
                                       "received_at_ms, body) VALUES (?, ?, ?, ?, ?)"),
                        {id, incoming.provider, incoming.webhookId, nowMs, sealed.value()});
    if (!r)
        return r.error();
    return Stored{cursor, Stored::Outcome::Conflict, id};
}

Result<QByteArray> InboxStore::conflictBody(const QString &conflictId)
{
    auto row = m_db->exec(QStringLiteral("SELECT body FROM conflicts WHERE id = ?"), {conflictId});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no conflict %1").arg(conflictId));
    return m_cipher.open(kConflicts, conflictId, kBody, row->value(0).toByteArray());
}

Result<QList<InboxStore::Event>> InboxStore::eventsAfter(qint64 after, int limit, qint64 maxBytes)
{
    auto rows =
        m_db->exec(QStringLiteral("SELECT cursor, provider, webhook_id, received_at_ms, body "
                                  "FROM events WHERE cursor > ? ORDER BY cursor LIMIT ?"),
                   {after, limit});
    if (!rows)
        return rows.error();
    QList<Event> events;
    qint64 bytes = 0;
    while (bytes < maxBytes && rows->next()) {
        Event event;
        event.cursor = rows->value(0).toLongLong();
        event.provider = rows->value(1).toString();
        event.id = rows->value(2).toString();
        event.receivedAtMs = rows->value(3).toLongLong();
        auto body = m_cipher.open(kEvents, rowId(event.provider, event.id), kBody,
                                  rows->value(4).toByteArray());
        if (!body)
            return makeError(
                body.error().code,
                QStringLiteral("event %1: %2").arg(event.cursor).arg(body.error().message));
        event.body = std::move(body).value();
        bytes += event.body.size();
        events.append(std::move(event));
    }
    return events;
}

qint64 InboxStore::eventCount()
{
    auto rows = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM events"));
    return rows && rows->next() ? rows->value(0).toLongLong() : -1;
}

Result<void> InboxStore::registerConsumer(const QString &name, const QByteArray &tokenHash)
{
    auto result = m_db->transaction([&]() -> Result<void> {
        auto r = m_db->exec(QStringLiteral("UPDATE consumers SET token_hash = ? WHERE name = ?"),
                            {tokenHash, name});
        if (r && r->numRowsAffected() == 0)
            r = m_db->exec(QStringLiteral("INSERT INTO consumers (name, token_hash) VALUES (?, ?)"),
                           {name, tokenHash});
        if (!r)
            return r.error();
        return {};
    });
    if (!result)
        return result;
    m_tokenHashes.insert(name, tokenHash);
    if (!m_committed.contains(name))
        m_committed.insert(name, 0);
    return {};
}

void InboxStore::retainConsumers(const QStringList &names)
{
    for (const QString &name : m_committed.keys()) {
        if (!names.contains(name)) {
            m_committed.remove(name);
            m_tokenHashes.remove(name);
        }
    }
}

std::optional<QString> InboxStore::consumerForToken(QByteArrayView token) const
{
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray hash = crypto::sha256(token);
    std::optional<QString> found;
    for (auto it = m_tokenHashes.constBegin(); it != m_tokenHashes.constEnd(); ++it) {
        if (crypto::constantTimeEquals(it.value(), hash))
            found = it.key();
    }
    return found;
}

Result<qint64> InboxStore::commit(const QString &consumer, qint64 cursor)
{
    if (cursor < 0 || cursor > m_lastCursor)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cursor %1 is beyond the newest event").arg(cursor));
    const qint64 current = m_committed.value(consumer);
    if (cursor <= current)
        return current;
    auto r =
        m_db->exec(QStringLiteral("UPDATE consumers SET committed_cursor = ?, "
                                  "committed_at_ms = ? WHERE name = ? AND committed_cursor < ?"),
                   {cursor, QDateTime::currentMSecsSinceEpoch(), consumer, cursor});
    if (!r)
        return r.error();
    m_committed.insert(consumer, cursor);
    return cursor;
}

Result<int> InboxStore::purge(qint64 cutoffMs)
{
    if (m_committed.isEmpty())
        return 0;
    qint64 everyone = std::numeric_limits<qint64>::max();
    for (qint64 cursor : std::as_const(m_committed))
        everyone = qMin(everyone, cursor);
    auto r =
        m_db->exec(QStringLiteral("DELETE FROM events WHERE cursor <= ? AND received_at_ms < ?"),
                   {everyone, cutoffMs});
    if (!r)
        return r.error();
    const int purged = r->numRowsAffected();
    if (auto c = m_db->exec(QStringLiteral("DELETE FROM conflicts WHERE received_at_ms < ?"),
                            {cutoffMs});
        !c)
        return c.error();
    return purged;
}

} // namespace clinicdesk
