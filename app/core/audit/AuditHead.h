#pragma once

#include <QByteArray>

namespace clinicdesk {

// The newest entry of an audit chain: its sequence number and hash (32 bytes). What the anchor
// keeps outside the database and the inbox witnesses off the machine.
struct AuditHead
{
    qint64 seq = 0;
    QByteArray hash;
    bool operator==(const AuditHead &) const = default;
};

} // namespace clinicdesk
