#include "audit/AuditLog.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "keys/KeyProvider.h"
#include "store/LocalStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSysInfo>
#include <QtEndian>

#include <array>

namespace clinicdesk {
namespace {

const QString kKeysTable = QStringLiteral("audit_keys");
const QString kChainRow = QStringLiteral("chain");
const QString kChainColumn = QStringLiteral("chain_key");
const QString kColumns = QStringLiteral("seq, at, user_name, workstation, action, entity_type, "
                                        "entity_id, outcome, detail, prev_hash, hash");

// One row as stored: UTF-8 text exactly as hashed, straight from the database.
struct RawRow
{
    qint64 seq = 0;
    // user, workstation, action, entity type, entity id, outcome, detail, time: the MAC order
    std::array<QByteArrayView, 8> fields;
    QByteArrayView prevHash;
    QByteArrayView hash;
};

void appendField(QByteArray &out, QByteArrayView utf8)
{
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, 4).append(utf8);
}

QByteArray rowMac(const crypto::HmacSha256 &hmac, const RawRow &row)
{
    QByteArray data;
    data.reserve(256);
    data += "clinicdesk.audit.v1";
    data += row.prevHash;
    char seq[8];
    qToBigEndian(quint64(row.seq), seq);
    data.append(seq, 8);
    for (QByteArrayView field : row.fields)
        appendField(data, field);
    return hmac.mac(data);
}

QByteArray entryMac(const crypto::HmacSha256 &hmac, const AuditEntry &e)
{
    const std::array<QByteArray, 8> utf8 = {
        e.user.toUtf8(),     e.workstation.toUtf8(), e.action.toUtf8(), e.entityType.toUtf8(),
        e.entityId.toUtf8(), e.outcome.toUtf8(),     e.detail.toUtf8(), e.time.toUtf8()};
    RawRow row;
    row.seq = e.seq;
    for (size_t i = 0; i < utf8.size(); ++i)
        row.fields[i] = utf8[i];
    row.prevHash = e.prevHash;
    return rowMac(hmac, row);
}

AuditEntry toEntry(const RawRow &row)
{
    auto text = [](QByteArrayView v) { return QString::fromUtf8(v); };
    AuditEntry e;
    e.seq = row.seq;
    e.user = text(row.fields[0]);
    e.workstation = text(row.fields[1]);
    e.action = text(row.fields[2]);
    e.entityType = text(row.fields[3]);
    e.entityId = text(row.fields[4]);
    e.outcome = text(row.fields[5]);
    e.detail = text(row.fields[6]);
    e.time = text(row.fields[7]);
    e.prevHash = row.prevHash.toByteArray();
    e.hash = row.hash.toByteArray();
    return e;
}

const char kScanSql[] = "SELECT seq, user_name, workstation, action, entity_type, entity_id, "
                        "outcome, detail, at, prev_hash, hash FROM audit_log ORDER BY seq";

// Reads every row in sequence order as raw bytes (Database::scan): Qt Sql's UTF-8 -> QString
// -> UTF-8 round trip of every column would dominate verifying a million entries.
Result<void> readRows(Database &db, const std::function<bool(const RawRow &)> &visit)
{
    RawRow row;
    auto scanned = db.scan(QString::fromLatin1(kScanSql), {}, [&](const QList<QByteArrayView> &c) {
        row.seq = c[0].toByteArray().toLongLong();
        for (int i = 0; i < 8; ++i)
            row.fields[size_t(i)] = c[i + 1];
        row.prevHash = c[9];
        row.hash = c[10];
        return visit(row);
    });
    if (!scanned)
        return makeError(ErrorCode::Database,
                         QStringLiteral("reading the audit log: %1").arg(scanned.error().message));
    return {};
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
                if (auto anchored = saveAnchor(); !anchored)
                    qCWarning(lcAudit) << "audit anchor not updated:" << anchored.error().message;
            },
            Qt::QueuedConnection);
        return;
    }
    if (auto anchored = saveAnchor(); !anchored)
        qCWarning(lcAudit) << "audit entry" << seq
                           << "stored but the anchor was not updated:" << anchored.error().message;
}

QString AuditLog::workstation()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("unknown") : host;
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
            e.hash = entryMac(hmac, e);
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
    const QJsonObject anchor{{QStringLiteral("seq"), h->seq},
                             {QStringLiteral("hash"), QString::fromLatin1(h->hash.toHex())}};
    return m_anchors->saveAnchor(m_store.storeId(),
                                 QJsonDocument(anchor).toJson(QJsonDocument::Compact));
}

Result<AuditLog::Verification> AuditLog::verify(const Progress &progress)
{
    return scan({}, {}, progress);
}

Result<AuditLog::Verification> AuditLog::scan(const Filter &filter,
                                              const std::function<bool(const AuditEntry &)> &visit,
                                              const Progress &progress)
{
    auto key = chainKey();
    if (!key)
        return key.error();
    const crypto::HmacSha256 hmac(key.value());
    auto total = count({});
    if (!total)
        return total.error();

    // The anchor, if one is kept.
    std::optional<Head> anchor;
    if (m_anchors) {
        auto bytes = m_anchors->loadAnchor(m_store.storeId());
        if (bytes) {
            const QJsonObject o = QJsonDocument::fromJson(bytes.value()).object();
            anchor =
                Head{o.value(QStringLiteral("seq")).toInteger(),
                     QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1())};
        } else if (bytes.error().code != ErrorCode::KeyNotFound) {
            return bytes.error();
        }
    }
    // Stored times are uniform ISO text, so the filter compares them as bytes.
    const QByteArray from =
        filter.from.isValid() ? TimeText::utc(filter.from).toUtf8() : QByteArray();
    const QByteArray to = filter.to.isValid() ? TimeText::utc(filter.to).toUtf8() : QByteArray();
    const QByteArray user = filter.user.toUtf8();

    Verification v;
    auto fail = [&](qint64 seq, const QString &problem) {
        v.intact = false;
        v.firstBrokenSeq = seq;
        v.problem = problem;
    };
    QByteArray previous(32, '\0');
    QByteArray hashAtAnchor;
    bool cancelled = false;
    auto read = readRows(m_store.db(), [&](const RawRow &row) {
        const qint64 expected = v.entries + 1;
        if (row.seq != expected) {
            fail(expected,
                 row.seq > expected
                     ? QStringLiteral("entry %1 is missing (deleted): the log jumps to entry %2")
                           .arg(expected)
                           .arg(row.seq)
                     : QStringLiteral("entry %1 is out of sequence").arg(row.seq));
            return false;
        }
        if (!crypto::constantTimeEquals(row.prevHash, previous)) {
            fail(row.seq, QStringLiteral("entry %1 does not follow entry %2 (entries reordered, or "
                                         "an earlier entry replaced)")
                              .arg(row.seq)
                              .arg(row.seq - 1));
            return false;
        }
        if (!crypto::constantTimeEquals(rowMac(hmac, row), row.hash)) {
            fail(row.seq,
                 QStringLiteral("entry %1 was modified after it was written").arg(row.seq));
            return false;
        }
        previous = row.hash.toByteArray();
        if (anchor && row.seq == anchor->seq)
            hashAtAnchor = previous;
        ++v.entries;
        const QByteArrayView time = row.fields[7];
        const bool matches = (from.isEmpty() || time >= from) && (to.isEmpty() || time < to) &&
                             (user.isEmpty() || row.fields[0] == user);
        if (visit && matches && !visit(toEntry(row)))
            return false;
        if (progress && (v.entries % 4096 == 0) && !progress(v.entries, *total)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (!read)
        return read.error();
    if (cancelled)
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    v.head = Head{v.entries, previous};
    if (v.intact && anchor) {
        if (anchor->seq > v.head.seq) {
            fail(v.head.seq + 1, QStringLiteral("the newest entries were removed: the log ends at "
                                                "entry %1 but its anchor records entry %2")
                                     .arg(v.head.seq)
                                     .arg(anchor->seq));
        } else if (anchor->seq > 0 && !crypto::constantTimeEquals(hashAtAnchor, anchor->hash)) {
            fail(anchor->seq, QStringLiteral("entry %1 does not match the anchor kept outside the "
                                             "database (the log was rewritten)")
                                  .arg(anchor->seq));
        }
    } else if (v.intact && m_anchors && v.entries > 0) {
        fail(1, QStringLiteral("the audit anchor is missing from %1, so removal of the newest "
                               "entries cannot be ruled out")
                    .arg(m_anchors->description()));
    }
    if (progress)
        progress(v.entries, *total);
    return v;
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
