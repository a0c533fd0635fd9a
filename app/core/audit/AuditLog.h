#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditHead.h"
#include "audit/AuditVerification.h"
#include "base/Result.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace clinicdesk {

class AuditWitness;
class KeyProvider;
class LocalStore;

// The tamper-evident audit log. Each entry's hash is
//   HMAC-SHA256(chain key, "clinicdesk.audit.v1" || previous hash || length-prefixed fields)
// (audit/AuditChain) so editing, deleting or reordering any entry breaks the chain from that
// entry on. The chain key is random, made once, and kept sealed in audit_keys (key rotation
// re-seals it; it never changes, so old entries stay verifiable). The newest head is also kept
// outside the database (AuditAnchor, through the KeyProvider) and, when an inbox is configured,
// off the machine (AuditWitness): together they reveal a deletion of the newest entries, which a
// chain alone cannot, even when the local anchor is deleted too.
//
// A break stays visible for ever. An append after a break still records its entry, but the
// anchor (and the witness) only ever move forward over a chain that verifies from the anchor
// they hold: never behind it, never over a broken tail, never after the anchor vanished or
// stopped parsing. (Entries before the anchor are covered by their MACs whatever the anchor
// does: an edit, a deletion or a move there is found by every verify.) Only an
// acknowledged restart (acknowledgeBreaks(), `clinicdesk-admin audit acknowledge`) names the
// breaks in an entry of its own and anchors again; verify() then reports the breaks and the
// restart, never a plain "intact".
//
// append() commits before it returns (in the caller's transaction if one is open), so an entry
// is never lost to a crash; it costs one small SQLite write.
class AuditLog
{
public:
    using Head = AuditHead;
    using Verification = AuditVerification;

    struct Filter
    {
        QDateTime from; // inclusive, UTC; invalid = open
        QDateTime to;   // exclusive, UTC; invalid = open
        QString user;   // empty = everyone
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
    // Saves the current head as the anchor (also done after every append) and hands it to the
    // witness, if the chain from the anchor held so far verifies; Integrity error otherwise.
    Result<void> saveAnchor();
    // In an interactive program: after an append, save the anchor once the event loop is back
    // (one save per burst, never inside the caller's event handler). Entries are committed
    // before append() returns either way; only the anchor trails, by one event-loop turn, and a
    // trailing anchor still verifies. Pending saves run at destruction.
    void setDeferredAnchor(bool deferred) { m_deferAnchor = deferred; }
    // Where the head goes off the machine after each anchor save (may be null: none).
    void setWitness(std::unique_ptr<AuditWitness> witness);
    AuditWitness *witness() const { return m_witness.get(); }
    // Waits, at most `timeoutMs`, until the witness has the newest head; true when it has (or
    // there is no witness).
    bool flushWitness(int timeoutMs);

    // `witnessed`: the head the inbox holds for this store (AuditWitness::fetch), compared like
    // the anchor.
    Result<Verification> verify(const Progress &progress = {},
                                const std::optional<Head> &witnessed = {});
    // One pass over the whole chain, verifying every entry, and handing those that match the
    // filter to `visit` (with `at` unset; `time` holds the stored text). Goes on past breaks to
    // list them all; the result says where they are. A cancelled scan is ErrorCode::Cancelled.
    Result<Verification> scan(const Filter &filter,
                              const std::function<bool(const AuditEntry &)> &visit,
                              const Progress &progress = {},
                              const std::optional<Head> &witnessed = {});
    // Appends a restart entry naming every unacknowledged break (of the chain, the anchor and
    // the witnessed head) and anchors at it. InvalidInput when there is nothing to acknowledge.
    // Returns the restart entry's sequence number.
    Result<qint64> acknowledgeBreaks(const QString &user, const std::optional<Head> &witnessed);
    // Entries matching the filter, in sequence order; the callback returns false to stop.
    Result<void> forEach(const Filter &filter,
                         const std::function<bool(const AuditEntry &)> &visit);
    Result<qint64> count(const Filter &filter);

    static QString workstation();

private:
    Result<QByteArray> chainKey();
    void anchorAfterAppend(qint64 seq);
    // Whether the anchor may move to `head`: the anchor held now is well-formed and the chain
    // from it to `head` verifies. On no, says why.
    Result<void> anchorable(const Head &head);
    Result<void> writeAnchor(const Head &head);

    LocalStore &m_store;
    KeyProvider *m_anchors;
    QByteArray m_chainKey;
    std::unique_ptr<AuditWitness> m_witness;
    bool m_deferAnchor = false;
    bool m_anchorPending = false;
    bool m_refusalLogged = false;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace clinicdesk
