#include "audit/AuditChain.h"

#include "crypto/Crypto.h"
#include "store/Database.h"

#include <QtEndian>

namespace clinicdesk::auditchain {
namespace {

void appendField(QByteArray &out, QByteArrayView utf8)
{
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, 4).append(utf8);
}

} // namespace

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
    e.user = text(row.fields[User]);
    e.workstation = text(row.fields[Workstation]);
    e.action = text(row.fields[Action]);
    e.entityType = text(row.fields[EntityType]);
    e.entityId = text(row.fields[EntityId]);
    e.outcome = text(row.fields[Outcome]);
    e.detail = text(row.fields[Detail]);
    e.time = text(row.fields[Time]);
    e.prevHash = row.prevHash.toByteArray();
    e.hash = row.hash.toByteArray();
    return e;
}

Result<void> readRows(Database &db, qint64 afterSeq,
                      const std::function<bool(const RawRow &)> &visit)
{
    RawRow row;
    auto scanned = db.scan(
        QStringLiteral("SELECT seq, user_name, workstation, action, entity_type, entity_id, "
                       "outcome, detail, at, prev_hash, hash FROM audit_log WHERE seq > ? "
                       "ORDER BY seq"),
        {afterSeq}, [&](const QList<QByteArrayView> &c) {
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

} // namespace clinicdesk::auditchain
