#pragma once

#include "audit/AuditEvent.h"
#include "base/Result.h"

#include <QByteArrayView>

#include <array>
#include <functional>

namespace clinicdesk {

class Database;

namespace crypto {
class HmacSha256;
}

// The audit chain's arithmetic, shared by appending, anchoring and verifying: each entry's hash
// is HMAC-SHA256(chain key, "clinicdesk.audit.v1" || previous hash || seq || length-prefixed
// fields), over the UTF-8 text exactly as stored.
namespace auditchain {

// One row as stored: UTF-8 text exactly as hashed, straight from the database.
struct RawRow
{
    qint64 seq = 0;
    // user, workstation, action, entity type, entity id, outcome, detail, time: the MAC order
    std::array<QByteArrayView, 8> fields;
    QByteArrayView prevHash;
    QByteArrayView hash;
};
enum Field
{
    User = 0,
    Workstation,
    Action,
    EntityType,
    EntityId,
    Outcome,
    Detail,
    Time,
};

QByteArray rowMac(const crypto::HmacSha256 &hmac, const RawRow &row);
QByteArray entryMac(const crypto::HmacSha256 &hmac, const AuditEntry &entry);
AuditEntry toEntry(const RawRow &row);
// Every row with seq > `afterSeq`, in sequence order, as raw bytes (Database::scan: Qt Sql's
// UTF-8 -> QString -> UTF-8 round trip of every column would dominate verifying a million
// entries). `visit` returns false to stop.
Result<void> readRows(Database &db, qint64 afterSeq,
                      const std::function<bool(const RawRow &)> &visit);

} // namespace auditchain

} // namespace clinicdesk
