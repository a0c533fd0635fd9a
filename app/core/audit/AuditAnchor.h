#pragma once

#include "audit/AuditHead.h"
#include "base/Result.h"

#include <QString>

namespace clinicdesk {

class KeyProvider;

// The audit chain's anchor: its head, kept outside the database through the KeyProvider (the
// keychain, or a file beside the key file), as `{"seq":N,"hash":"<64 hex>"}`. It reveals a
// deletion of the newest entries, which the chain alone cannot. Reading it tells four cases
// apart: there is none, it cannot be read, it is not a well-formed anchor (`{}` included), or
// it names a head. Only the last is an anchor; the two failures are breaks, never "none".
class AuditAnchor
{
public:
    enum class State
    {
        Missing,
        Unreadable,
        Malformed,
        Valid,
    };

    static AuditAnchor load(KeyProvider &keys, const QString &storeId);
    static Result<void> save(KeyProvider &keys, const QString &storeId, const AuditHead &head);
    static QByteArray serialize(const AuditHead &head);
    static AuditAnchor parse(const QByteArray &bytes);

    State state = State::Missing;
    AuditHead head;  // Valid only
    QString problem; // Unreadable, Malformed: why, naming where it is kept
};

} // namespace clinicdesk
