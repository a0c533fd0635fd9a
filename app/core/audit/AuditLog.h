#pragma once

#include "audit/AuditEvent.h"
#include "base/Result.h"

#include <QList>

#include <functional>
#include <memory>

namespace clinicdesk {

class KeyProvider;
class LocalStore;

// The tamper-evident audit log. Each entry's hash is
//   HMAC-SHA256(chain key, "clinicdesk.audit.v1" || previous hash || length-prefixed fields)
// so editing, deleting or reordering any entry breaks the chain from that entry on. The chain
// key is random, made once, and kept sealed in audit_keys (key rotation re-seals it; it never
// changes, so old entries stay verifiable). The newest (seq, hash) is also saved outside the
// database, through the KeyProvider (keychain or beside the key file): that anchor reveals a
// deletion of the newest entries, which a chain alone cannot.
//
// append() commits before it returns (in the caller's transaction if one is open), so an entry
// is never lost to a crash; it costs one small SQLite write.
class AuditLog
{
public:
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
    };

    struct Filter
    {
        QDateTime from; // inclusive, UTC; invalid = open
        QDateTime to;   // exclusive, UTC; invalid = open
        QString user;   // empty = everyone
    };

    struct Verification
    {
        bool intact = true;
        qint64 entries = 0;
        Head head;
        qint64 firstBrokenSeq = 0; // 0 when intact
        QString problem;           // empty when intact
    };

    // Progress: (entries done, total); return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // `anchors` may be null (no anchor kept: truncation then goes unnoticed; tests only).
    AuditLog(LocalStore &store, KeyProvider *anchors);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    Result<qint64> append(const AuditEvent &event);
    // All in one transaction; returns the last sequence number.
    Result<qint64> appendBatch(const QList<AuditEvent> &events);

    Result<Head> head();
    // Saves the current head as the anchor (also done after every append).
    Result<void> saveAnchor();
    // In an interactive program: after an append, save the anchor once the event loop is back
    // (one save per burst, never inside the caller's event handler). Entries are committed
    // before append() returns either way; only the anchor trails, by one event-loop turn, and a
    // trailing anchor still verifies. Pending saves run at destruction.
    void setDeferredAnchor(bool deferred) { m_deferAnchor = deferred; }

    Result<Verification> verify(const Progress &progress = {});
    // One pass over the whole chain, verifying every entry, and handing those that match the
    // filter to `visit` (with `at` unset; `time` holds the stored text). Stops at the first
    // broken entry: the result then says where. A cancelled scan is ErrorCode::Cancelled.
    Result<Verification> scan(const Filter &filter,
                              const std::function<bool(const AuditEntry &)> &visit,
                              const Progress &progress = {});
    // Entries matching the filter, in sequence order; the callback returns false to stop.
    Result<void> forEach(const Filter &filter,
                         const std::function<bool(const AuditEntry &)> &visit);
    Result<qint64> count(const Filter &filter);

    static QString workstation();

private:
    Result<QByteArray> chainKey();

    void anchorAfterAppend(qint64 seq);

    LocalStore &m_store;
    KeyProvider *m_anchors;
    QByteArray m_chainKey;
    bool m_deferAnchor = false;
    bool m_anchorPending = false;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace clinicdesk
