#pragma once

#include "audit/AuditAnchor.h"
#include "audit/AuditEvent.h"
#include "audit/AuditVerification.h"
#include "base/Result.h"

#include <functional>
#include <optional>

namespace clinicdesk {

class Database;

// One pass over an audit chain (AuditLog::scan): every entry's link and MAC, going on past
// breaks to list them all, the acknowledged restarts found on the way, then the anchor and the
// inbox's witnessed head against what the chain holds.
class AuditVerifier
{
public:
    struct Filter // entries handed to the visitor; bytes as stored
    {
        QByteArray from, to, user;
    };
    using Visit = std::function<bool(const AuditEntry &)>;
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    AuditVerifier(Database &db, const QByteArray &chainKey);

    // `everSaved`: the store's meta says an anchor was saved before (then "none" is a break).
    void setAnchor(const AuditAnchor &anchor, const QString &where, bool everSaved);
    void setWitnessed(const std::optional<AuditHead> &witnessed) { m_witnessed = witnessed; }

    Result<AuditVerification> run(const Filter &filter, const Visit &visit,
                                  const Progress &progress, qint64 total);

private:
    void checkAnchor(AuditVerification &v, const QByteArray &hashAtAnchor);
    void checkWitness(AuditVerification &v, const QByteArray &hashAtWitness);

    Database &m_db;
    QByteArray m_chainKey;
    std::optional<AuditAnchor> m_anchor;
    QString m_anchorPlace;
    bool m_anchorEverSaved = false;
    std::optional<AuditHead> m_witnessed;
};

} // namespace clinicdesk
