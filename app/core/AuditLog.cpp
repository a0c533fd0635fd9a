#include "AuditLog.h"

#include "Crypto.h"
#include "KeyProvider.h"
#include "LocalStore.h"
#include "Logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QtEndian>

namespace clinicdesk {
namespace {

const QString kKeysTable = QStringLiteral("audit_keys");
const QString kChainRow = QStringLiteral("chain");
const QString kChainColumn = QStringLiteral("chain_key");
const QString kColumns = QStringLiteral("seq, at, user_name, workstation, action, entity_type, "
                                        "entity_id, outcome, detail, prev_hash, hash");

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, 4).append(utf8);
}

QString isoMs(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray entryMac(const crypto::HmacSha256 &hmac, const AuditEntry &e)
{
    QByteArray data = "clinicdesk.audit.v1";
    data += e.prevHash;
    char seq[8];
    qToBigEndian(quint64(e.seq), seq);
    data.append(seq, 8);
    for (const QString *field :
         {&e.user, &e.workstation, &e.action, &e.entityType, &e.entityId, &e.outcome, &e.detail}) {
        appendField(data, *field);
    }
    appendField(data, e.time);
    return hmac.mac(data);
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
        values << isoMs(f.from);
    }
    if (f.to.isValid()) {
        conditions << QStringLiteral("at < ?");
        values << isoMs(f.to);
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
    crypto::wipe(m_chainKey);
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
            e.time = isoMs(QDateTime::currentDateTimeUtc());
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
    if (!m_store.db().inTransaction()) {
        if (auto anchored = saveAnchor(); !anchored)
            qCWarning(lcStore) << "audit entry" << lastSeq
                               << "stored but the anchor was not updated:"
                               << anchored.error().message;
    }
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
    // The filter, applied here: stored times are uniform ISO text, so they compare as strings.
    const QString from = filter.from.isValid() ? isoMs(filter.from) : QString();
    const QString to = filter.to.isValid() ? isoMs(filter.to) : QString();
    auto matches = [&](const AuditEntry &e) {
        return (from.isEmpty() || e.time >= from) && (to.isEmpty() || e.time < to) &&
               (filter.user.isEmpty() || e.user == filter.user);
    };

    Verification v;
    auto fail = [&](qint64 seq, const QString &problem) {
        v.intact = false;
        v.firstBrokenSeq = seq;
        v.problem = problem;
    };
    auto rows =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(kColumns));
    if (!rows)
        return rows.error();
    QByteArray previous(32, '\0');
    qint64 expected = 1;
    QByteArray hashAtAnchor;
    while (rows->next()) {
        const AuditEntry e = readEntry(rows.value());
        if (e.seq != expected) {
            fail(expected,
                 e.seq > expected
                     ? QStringLiteral("entry %1 is missing (deleted): the log jumps to entry %2")
                           .arg(expected)
                           .arg(e.seq)
                     : QStringLiteral("entry %1 is out of sequence").arg(e.seq));
            break;
        }
        if (!crypto::constantTimeEquals(e.prevHash, previous)) {
            fail(e.seq,
                 QStringLiteral("entry %1 does not follow entry %2 (entries reordered, or an "
                                "earlier entry replaced)")
                     .arg(e.seq)
                     .arg(e.seq - 1));
            break;
        }
        if (!crypto::constantTimeEquals(entryMac(hmac, e), e.hash)) {
            fail(e.seq, QStringLiteral("entry %1 was modified after it was written").arg(e.seq));
            break;
        }
        if (anchor && e.seq == anchor->seq)
            hashAtAnchor = e.hash;
        previous = e.hash;
        v.head = Head{e.seq, e.hash};
        ++v.entries;
        ++expected;
        if (visit && matches(e) && !visit(e))
            break;
        if (progress && (v.entries % 4096 == 0) && !progress(v.entries, *total))
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    }
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
