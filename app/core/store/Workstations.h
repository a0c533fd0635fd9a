#pragma once

#include "base/Result.h"
#include "crypto/KeyRing.h"

#include <QList>
#include <QString>

namespace clinicdesk {

class Database;

// The workstations of a clinic store on PostgreSQL and the one-time codes that join a new one
// (migration 16; DESIGN, "Several workstations, one clinic"; docs/postgresql.md).
//
// An invitation holds the store's data key ring sealed (AES-256-GCM, bound to the invitation's
// id and the store id) under a key derived with scrypt from a one-time code that only the admin
// who made it sees: the server never holds the ring unwrapped, nor the code. It lives 15
// minutes, is deleted when used, and after kMaxWrongCodes wrong codes it is void (deleted). A
// code is 20 Crockford base32 characters in groups of four (100 bits): the first group finds the
// invitation, the whole code unlocks it.
//
// A workstation is known by its name (AuditLog::workstation(): CLINICDESK_WORKSTATION or the host
// name). A revoked one is refused when it opens the store (checkAllowed), until it joins again.
// Revocation stops the programs; a PC that kept the key ring and the database password could
// still read the data with other tools: after revoking a lost PC, rotate the data key and the
// database password (docs/postgresql.md).
class Workstations
{
public:
    static constexpr qint64 kInviteLifetimeMs = 15 * 60 * 1000;
    static constexpr int kMaxWrongCodes = 5;

    struct Invitation
    {
        QString id;   // the code's first group
        QString code; // shown once to the admin; never stored
        qint64 expiresMs = 0;
    };
    struct Workstation
    {
        QString name;
        qint64 joinedMs = 0;
        QString joinedBy;
        qint64 revokedMs = 0; // 0: not revoked
        QString revokedBy;
    };
    struct PendingInvitation
    {
        QString id;
        QString createdBy;
        qint64 createdMs = 0;
        qint64 expiresMs = 0;
        int wrongCodes = 0;
    };
    struct Joined
    {
        QString storeId;
        KeyRing ring;
        QString invitedBy;
    };

    explicit Workstations(Database &db);

    // A new invitation for the store's key ring, made by `by` (an operator or account name).
    Result<Invitation> invite(const QString &storeId, const KeyRing &ring, const QString &by,
                              qint64 nowMs);
    // Uses the invitation `code` names: on the right code, deletes it, records `workstation` as
    // joined (clearing a revocation) and returns the ring; a wrong code is counted (committed,
    // whatever the caller does next) and the invitation is void after kMaxWrongCodes.
    Result<Joined> join(const QString &code, const QString &workstation, qint64 nowMs);

    Result<QList<Workstation>> list();
    Result<QList<PendingInvitation>> pendingInvitations(qint64 nowMs);
    Result<void> revoke(const QString &workstation, const QString &by, qint64 nowMs);
    // A workstation opening the store: refused (AccessDenied) if revoked; recorded if new.
    Result<void> checkAllowed(const QString &workstation, qint64 nowMs);
    // After a key rotation an invitation holds an old ring: they all go.
    Result<void> dropInvitations();

    // This PC's name: CLINICDESK_WORKSTATION if set (a PC whose host name is not unique in the
    // clinic; tests), otherwise the host name. The audit log and leases name it too.
    static QString thisWorkstation();

    // "K7Q2M9XD…" from what someone typed: upper case, no separators, Crockford's I/L → 1 and
    // O → 0; empty if it cannot be a code.
    static QString normaliseCode(const QString &typed);

private:
    Database &m_db;
};

} // namespace clinicdesk
