#include "audit/AuditLog.h"
#include "store/Workstations.h"

#include "audit/AuditAnchor.h"
#include "audit/AuditChain.h"
#include "audit/AuditVerifier.h"
#include "audit/AuditWitness.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "keys/KeyProvider.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSysInfo>

#include <limits>

namespace clinicdesk {
namespace {

using auditchain::RawRow;

const QString kKeysTable = QStringLiteral("audit_keys");
const QString kChainRow = QStringLiteral("chain");
const QString kChainColumn = QStringLiteral("chain_key");
const QString kColumns = QStringLiteral("seq, at, user_name, workstation, action, entity_type, "
                                        "entity_id, outcome, detail, prev_hash, hash");
// Set in meta once an anchor was saved: from then on a missing anchor is a break. The anchor
// lives with each workstation's keys, so the mark is one per place it is kept (the workstation
// and its key provider): on a store shared by several PCs, the second PC's first anchor is not
// "missing". Versions before issue 16 wrote one mark for the store; on SQLite (one PC) it still
// counts.
const QString kAnchorSaved = QStringLiteral("audit_anchor_saved");

QString anchorMark(const KeyProvider &anchors)
{
    const QByteArray where =
        (AuditLog::workstation() + QLatin1Char('\n') + anchors.description()).toUtf8();
    return kAnchorSaved + QLatin1Char('/') +
           QString::fromLatin1(
               QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(32));
}

Result<bool> anchorEverSaved(Database &db, const KeyProvider &anchors)
{
    auto saved = db.exec(QStringLiteral("SELECT key FROM meta WHERE key = ? OR key = ?"),
                         {anchorMark(anchors), kAnchorSaved});
    if (!saved)
        return saved.error();
    while (saved->next())
        if (saved->value(0).toString() != kAnchorSaved || !db.isPostgres())
            return true;
    return false;
}

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.time = q.value(1).toString();
    e.user = q.value(2).toString();
    e.workstation = q.value(3).toString();
    e.action = q.value(4).toString();
    e.entityType = q.value(5).toString();
    e.entityId = q.value(6).toString();
    e.outcome = q.value(7).toString();
    e.detail = q.value(8).toString();
    e.prevHash = q.value(9).toByteArray();
    e.hash = q.value(10).toByteArray();
    return e;
}

// WHERE clause and values for a filter; the clause text has no values in it.
QString whereFor(const AuditLog::Filter &f, QVariantList &values)
{
    QStringList conditions;
    if (f.from.isValid()) {
        conditions << QStringLiteral("at >= ?");
        values << TimeText::utc(f.from);
    }
    if (f.to.isValid()) {
        conditions << QStringLiteral("at < ?");
        values << TimeText::utc(f.to);
    }
    if (!f.user.isEmpty()) {
        conditions << QStringLiteral("user_name = ?");
        values << f.user;
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace

AuditLog::AuditLog(LocalStore &store, KeyProvider *anchors)
    : m_store(store)
    , m_anchors(anchors)
{}

AuditLog::~AuditLog()
{
    if (m_anchorPending)
        (void)saveAnchor();
    crypto::wipe(m_chainKey);
}

void AuditLog::setWitness(std::unique_ptr<AuditWitness> witness)
{
    m_witness = std::move(witness);
}

bool AuditLog::flushWitness(int timeoutMs)
{
    return !m_witness || m_witness->flush(timeoutMs);
}

void AuditLog::anchorAfterAppend(qint64 seq)
{
    if (!m_anchors)
        return;
    if (m_deferAnchor && QCoreApplication::instance()) {
        if (m_anchorPending)
            return; // one save covers the whole burst
        m_anchorPending = true;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [this, alive = std::weak_ptr<bool>(m_alive)] {
                if (alive.expired())
                    return;
                m_anchorPending = false;
                if (auto anchored = saveAnchor(); !anchored && !m_refusalLogged) {
                    m_refusalLogged = true;
                    qCWarning(lcAudit) << "audit anchor not updated:" << anchored.error().message;
                }
            },
            Qt::QueuedConnection);
        return;
    }
    if (auto anchored = saveAnchor(); !anchored && !m_refusalLogged) {
        m_refusalLogged = true;
        qCWarning(lcAudit) << "audit entry" << seq
                           << "stored but the anchor was not updated:" << anchored.error().message;
    }
}

QString AuditLog::workstation()
{
    return Workstations::thisWorkstation();
}

Result<QByteArray> AuditLog::chainKey()
{
    if (!m_chainKey.isEmpty())
        return m_chainKey;
    const FieldCipher &cipher = m_store.cipher();
    auto row = m_store.db().exec(QStringLiteral("SELECT chain_key FROM audit_keys WHERE id = ?"),
                                 {kChainRow});
    if (!row)
        return row.error();
    if (row->next()) {
        auto key = cipher.open(kKeysTable, kChainRow, kChainColumn, row->value(0).toByteArray());
        if (!key)
            return key.error();
        m_chainKey = key.value();
        return m_chainKey;
    }
    // First use: made inside the caller's transaction, so two processes cannot both make one.
    QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
    auto sealed = cipher.seal(kKeysTable, kChainRow, kChainColumn, key);
    if (!sealed)
        return sealed.error();
    auto insert =
        m_store.db().exec(QStringLiteral("INSERT INTO audit_keys (id, chain_key) VALUES (?, ?)"),
                          {kChainRow, sealed.value()});
    if (!insert)
        return insert.error();
    m_chainKey = key;
    return m_chainKey;
}

Result<qint64> AuditLog::append(const AuditEvent &event)
{
    return appendBatch({event});
}

Result<qint64> AuditLog::appendBatch(const QList<AuditEvent> &events)
{
    qint64 lastSeq = 0;
    const QString station = workstation();
    auto result = m_store.db().transaction([&]() -> Result<void> {
        auto key = chainKey();
        if (!key)
            return key.error();
        auto current = head();
        if (!current)
            return current.error();
        const crypto::HmacSha256 hmac(key.value());
        AuditEntry e;
        e.seq = current->seq;
        e.hash = current->hash;
        for (const AuditEvent &event : events) {
            e.prevHash = e.hash;
            e.seq += 1;
            e.time = TimeText::utcNow();
            // Null strings would bind as SQL NULL; the chain hashes empty ones.
            auto text = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
            e.user = text(event.user);
            e.workstation = station;
            e.action = auditActionName(event.action);
            e.entityType = text(event.entityType);
            e.entityId = text(event.entityId);
            e.outcome = auditOutcomeName(event.outcome);
            e.detail = text(event.detail);
            e.hash = auditchain::entryMac(hmac, e);
            auto insert = m_store.db().exec(
                QStringLiteral(
                    "INSERT INTO audit_log (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .arg(kColumns),
                {e.seq, e.time, e.user, e.workstation, e.action, e.entityType, e.entityId,
                 e.outcome, e.detail, e.prevHash, e.hash});
            if (!insert)
                return insert.error();
        }
        lastSeq = e.seq;
        return {};
    });
    if (!result)
        return result.error();
    if (!m_store.db().inTransaction())
        anchorAfterAppend(lastSeq);
    return lastSeq;
}

Result<AuditLog::Head> AuditLog::head()
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!q)
        return q.error();
    Head h;
    if (q->next()) {
        h.seq = q->value(0).toLongLong();
        h.hash = q->value(1).toByteArray();
    } else {
        h.hash = QByteArray(32, '\0'); // the genesis "previous hash"
    }
    return h;
}

Result<void> AuditLog::saveAnchor()
{
    if (!m_anchors)
        return {};
    auto h = head();
    if (!h)
        return h.error();
    if (h->seq == 0)
        return {};
    if (auto allowed = anchorable(*h); !allowed)
        return allowed.error();
    return writeAnchor(*h);
}

Result<void> AuditLog::writeAnchor(const Head &head)
{
    if (auto saved = AuditAnchor::save(*m_anchors, m_store.storeId(), head); !saved)
        return saved.error();
    if (auto marked = m_store.db().exec(QStringLiteral("INSERT INTO meta (key, value) VALUES "
                                                       "(?, '1') ON CONFLICT (key) DO NOTHING"),
                                        {anchorMark(*m_anchors)});
        !marked)
        return marked.error();
    m_refusalLogged = false;
    if (m_witness)
        m_witness->witness(head);
    return {};
}

Result<void> AuditLog::anchorable(const Head &head)
{
    const AuditAnchor anchor = AuditAnchor::load(*m_anchors, m_store.storeId());
    auto refuse = [&](const QString &why) {
        return makeError(ErrorCode::Integrity,
                         why + QStringLiteral("; the anchor is left as it was (run "
                                              "clinicdesk-admin audit verify)"));
    };
    switch (anchor.state) {
    case AuditAnchor::State::Unreadable:
    case AuditAnchor::State::Malformed:
        return refuse(anchor.problem);
    case AuditAnchor::State::Missing: {
        auto saved = anchorEverSaved(m_store.db(), *m_anchors);
        if (!saved)
            return saved.error();
        if (saved.value())
            return refuse(QStringLiteral("the audit anchor is missing from %1 though one was "
                                         "saved before")
                              .arg(m_anchors->description()));
        return {}; // the first anchor of this store
    }
    case AuditAnchor::State::Valid:
        break;
    }
    if (anchor.head.seq > head.seq)
        return refuse(QStringLiteral("the log ends at entry %1, behind its anchor at entry %2")
                          .arg(head.seq)
                          .arg(anchor.head.seq));
    auto key = chainKey();
    if (!key)
        return key.error();
    const crypto::HmacSha256 hmac(key.value());
    // The anchored entry as anchored, then every later one chained and unmodified.
    QByteArray previous;
    qint64 expected = anchor.head.seq;
    bool good = true;
    auto read = auditchain::readRows(m_store.db(), anchor.head.seq - 1, [&](const RawRow &row) {
        good = row.seq == expected &&
               crypto::constantTimeEquals(auditchain::rowMac(hmac, row), row.hash);
        if (good && row.seq == anchor.head.seq)
            good = crypto::constantTimeEquals(row.hash, anchor.head.hash);
        else if (good)
            good = crypto::constantTimeEquals(row.prevHash, previous);
        previous = row.hash.toByteArray();
        ++expected;
        return good && row.seq < head.seq;
    });
    if (!read)
        return read.error();
    if (!good || expected <= head.seq)
        return refuse(QStringLiteral("the audit log does not continue from its anchor at entry %1")
                          .arg(anchor.head.seq));
    return {};
}

Result<AuditLog::Verification> AuditLog::verify(const Progress &progress,
                                                const std::optional<Head> &witnessed)
{
    return scan({}, {}, progress, witnessed);
}

Result<AuditLog::Verification> AuditLog::scan(const Filter &filter,
                                              const std::function<bool(const AuditEntry &)> &visit,
                                              const Progress &progress,
                                              const std::optional<Head> &witnessed)
{
    auto key = chainKey();
    if (!key)
        return key.error();
    auto total = count({});
    if (!total)
        return total.error();
    AuditVerifier verifier(m_store.db(), key.value());
    if (m_anchors) {
        auto saved = anchorEverSaved(m_store.db(), *m_anchors);
        if (!saved)
            return saved.error();
        verifier.setAnchor(AuditAnchor::load(*m_anchors, m_store.storeId()),
                           m_anchors->description(), saved.value());
    }
    verifier.setWitnessed(witnessed);
    AuditVerifier::Filter match;
    match.from = filter.from.isValid() ? TimeText::utc(filter.from).toUtf8() : QByteArray();
    match.to = filter.to.isValid() ? TimeText::utc(filter.to).toUtf8() : QByteArray();
    match.user = filter.user.toUtf8();
    return verifier.run(match, visit, progress, *total);
}

Result<qint64> AuditLog::acknowledgeBreaks(const QString &user,
                                           const std::optional<Head> &witnessed)
{
    auto v = verify({}, witnessed);
    if (!v)
        return v.error();
    if (v->intact)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the audit log is intact: there is no break to "
                                        "acknowledge"));
    QList<AuditBreak> open;
    for (const AuditBreak &b : std::as_const(v->breaks)) {
        if (b.acknowledgedBy == 0)
            open.append(b);
    }
    // Appended without the usual anchor step (which refuses to move over the break), then
    // anchored at the restart itself.
    KeyProvider *anchors = std::exchange(m_anchors, nullptr);
    auto seq = append({AuditAction::Admin, user, QLatin1String(AuditRestart::kEntityType),
                       QLatin1String(AuditRestart::kEntityId), AuditOutcome::Success,
                       AuditRestart::detailFor(open)});
    m_anchors = anchors;
    if (!seq)
        return seq.error();
    if (m_anchors) {
        auto h = head();
        if (!h)
            return h.error();
        if (auto anchored = writeAnchor(*h); !anchored)
            return anchored.error();
    } else if (m_witness) {
        auto h = head();
        if (h)
            m_witness->witness(*h);
    }
    qCWarning(lcAudit) << "audit chain restarted at entry" << seq.value() << "acknowledging"
                       << open.size() << "breaks";
    return seq;
}

Result<qint64> AuditLog::count(const Filter &filter)
{
    QVariantList values;
    const QString where = whereFor(filter, values);
    auto q = m_store.db().exec(QStringLiteral("SELECT COUNT(*) FROM audit_log") + where, values);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toLongLong();
}

Result<void> AuditLog::forEach(const Filter &filter,
                               const std::function<bool(const AuditEntry &)> &visit)
{
    QVariantList values;
    const QString where = whereFor(filter, values);
    auto rows = m_store.db().exec(
        QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY seq").arg(kColumns, where), values);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        AuditEntry e = readEntry(rows.value());
        e.at = QDateTime::fromString(e.time, Qt::ISODateWithMs);
        if (!visit(e))
            break;
    }
    return {};
}

} // namespace clinicdesk
