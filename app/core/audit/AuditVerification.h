#pragma once

#include "audit/AuditHead.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace clinicdesk {

// One thing a verification found wrong. Chain breaks name the first entry concerned; anchor and
// witness breaks name the head they disagree with (`superseded`), when there is one.
struct AuditBreak
{
    enum class Kind
    {
        Chain,   // an entry edited, deleted, inserted or moved
        Anchor,  // the local anchor is missing, unreadable, malformed, or ahead of the log
        Witness, // the inbox witnessed a head the log no longer has
    };
    Kind kind = Kind::Chain;
    qint64 seq = 0;
    QString problem;
    std::optional<AuditHead> superseded;
    qint64 acknowledgedBy = 0; // the restart entry that names this break; 0: not acknowledged
};

// An acknowledged restart: an entry an administrator appended (`clinicdesk-admin audit
// acknowledge`) after a break, naming it. Its detail holds what it names, as JSON:
// {"breaks":[seq…],"heads":[{"seq":N,"hash":"<hex>"}…],"problems":["…"]}.
struct AuditRestart
{
    qint64 seq = 0;
    QString time;
    QString user;
    QList<qint64> breaks;
    QList<AuditHead> heads;
    QStringList problems;

    static constexpr const char *kEntityType = "audit_chain";
    static constexpr const char *kEntityId = "acknowledged-restart";
    static QString detailFor(const QList<AuditBreak> &breaks);
    // Nothing when `detail` is not a restart's note.
    static std::optional<AuditRestart> parse(qint64 seq, const QString &time, const QString &user,
                                             const QByteArray &detail);
    bool names(const AuditBreak &broken) const;
};

// The outcome of verifying the whole chain, its anchor and (when given) the inbox's witness.
// `intact` means no break is left that a later restart does not acknowledge; `breaks` and
// `restarts` are reported either way, so a log with an acknowledged break never reads as plainly
// intact.
struct AuditVerification
{
    bool intact = true;
    qint64 entries = 0;
    AuditHead head;
    qint64 firstBrokenSeq = 0; // the first unacknowledged break; 0 when intact
    QString problem;           // its description; empty when intact
    QList<AuditBreak> breaks;
    QList<AuditRestart> restarts;
    bool witnessChecked = false;

    bool everBroken() const { return !breaks.isEmpty(); }
    // Sorts the breaks, marks the acknowledged ones and sets intact/firstBrokenSeq/problem.
    void settle();
};

} // namespace clinicdesk
