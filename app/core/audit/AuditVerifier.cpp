#include "audit/AuditVerifier.h"

#include "audit/AuditChain.h"
#include "crypto/Crypto.h"

#include <limits>

namespace clinicdesk {
namespace {

using auditchain::RawRow;
using Kind = AuditBreak::Kind;

// A log edited everywhere would otherwise list a million breaks.
constexpr qsizetype kMaxBreaks = 10000;

bool isRestart(const RawRow &row)
{
    using namespace auditchain;
    return row.fields[Action] == "admin" && row.fields[EntityType] == AuditRestart::kEntityType &&
           row.fields[EntityId] == AuditRestart::kEntityId;
}

void broken(AuditVerification &v, Kind kind, qint64 seq, const QString &problem,
            const std::optional<AuditHead> &superseded = {})
{
    if (v.breaks.size() < kMaxBreaks)
        v.breaks.append(AuditBreak{kind, seq, problem, superseded, 0});
}

} // namespace

AuditVerifier::AuditVerifier(Database &db, const QByteArray &chainKey)
    : m_db(db)
    , m_chainKey(chainKey)
{}

void AuditVerifier::setAnchor(const AuditAnchor &anchor, const QString &where, bool everSaved)
{
    m_anchor = anchor;
    m_anchorPlace = where;
    m_anchorEverSaved = everSaved;
}

Result<AuditVerification> AuditVerifier::run(const Filter &filter, const Visit &visit,
                                             const Progress &progress, qint64 total)
{
    const crypto::HmacSha256 hmac(m_chainKey);
    const bool anchorValid = m_anchor && m_anchor->state == AuditAnchor::State::Valid;
    AuditVerification v;
    QByteArray previous(32, '\0');
    QByteArray hashAtAnchor;
    QByteArray hashAtWitness;
    qint64 expected = 1;
    qint64 last = 0;
    bool cancelled = false;
    bool stopped = false;
    auto read =
        auditchain::readRows(m_db, std::numeric_limits<qint64>::min(), [&](const RawRow &row) {
            bool gap = false;
            if (row.seq > expected) {
                gap = true;
                broken(
                    v, Kind::Chain, expected,
                    row.seq == expected + 1
                        ? QStringLiteral("entry %1 is missing (deleted): the log jumps to entry %2")
                              .arg(expected)
                              .arg(row.seq)
                        : QStringLiteral("entries %1 to %2 are missing (deleted): the log jumps to "
                                         "entry %3")
                              .arg(expected)
                              .arg(row.seq - 1)
                              .arg(row.seq));
            } else if (row.seq < expected) {
                broken(v, Kind::Chain, row.seq,
                       QStringLiteral("entry %1 is out of sequence").arg(row.seq));
            }
            if (!gap && !crypto::constantTimeEquals(row.prevHash, previous))
                broken(v, Kind::Chain, row.seq,
                       QStringLiteral("entry %1 does not follow entry %2 (entries reordered, or an "
                                      "earlier entry replaced)")
                           .arg(row.seq)
                           .arg(row.seq - 1));
            if (!crypto::constantTimeEquals(auditchain::rowMac(hmac, row), row.hash)) {
                broken(v, Kind::Chain, row.seq,
                       QStringLiteral("entry %1 was modified after it was written").arg(row.seq));
            } else if (isRestart(row)) {
                if (auto restart = AuditRestart::parse(
                        row.seq, QString::fromUtf8(row.fields[auditchain::Time]),
                        QString::fromUtf8(row.fields[auditchain::User]),
                        row.fields[auditchain::Detail].toByteArray()))
                    v.restarts.append(*restart);
            }
            previous = row.hash.toByteArray();
            expected = qMax(expected, row.seq + 1);
            last = row.seq;
            ++v.entries;
            if (anchorValid && row.seq == m_anchor->head.seq)
                hashAtAnchor = previous;
            if (m_witnessed && row.seq == m_witnessed->seq)
                hashAtWitness = previous;
            const QByteArrayView time = row.fields[auditchain::Time];
            const bool matches =
                (filter.from.isEmpty() || time >= filter.from) &&
                (filter.to.isEmpty() || time < filter.to) &&
                (filter.user.isEmpty() || row.fields[auditchain::User] == filter.user);
            if (visit && matches && !visit(auditchain::toEntry(row))) {
                stopped = true;
                return false;
            }
            if (progress && (v.entries % 4096 == 0) && !progress(v.entries, total)) {
                cancelled = true;
                return false;
            }
            return true;
        });
    if (!read)
        return read.error();
    if (cancelled)
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    v.head = AuditHead{last, previous};
    if (!stopped) {
        checkAnchor(v, hashAtAnchor);
        checkWitness(v, hashAtWitness);
    }
    v.settle();
    if (progress)
        progress(v.entries, total);
    return v;
}

void AuditVerifier::checkAnchor(AuditVerification &v, const QByteArray &hashAtAnchor)
{
    if (!m_anchor)
        return;
    switch (m_anchor->state) {
    case AuditAnchor::State::Unreadable:
        broken(v, Kind::Anchor, 1,
               QStringLiteral("the audit anchor cannot be read, so removal of the newest entries "
                              "cannot be ruled out: %1")
                   .arg(m_anchor->problem));
        return;
    case AuditAnchor::State::Malformed:
        broken(v, Kind::Anchor, 1, m_anchor->problem);
        return;
    case AuditAnchor::State::Missing:
        if (v.entries > 0 || m_anchorEverSaved)
            broken(v, Kind::Anchor, 1,
                   QStringLiteral("the audit anchor is missing from %1, so removal of the newest "
                                  "entries cannot be ruled out")
                       .arg(m_anchorPlace));
        return;
    case AuditAnchor::State::Valid:
        break;
    }
    const AuditHead &anchor = m_anchor->head;
    if (anchor.seq > v.head.seq)
        broken(v, Kind::Anchor, v.head.seq + 1,
               QStringLiteral("the newest entries were removed: the log ends at entry %1 but its "
                              "anchor records entry %2")
                   .arg(v.head.seq)
                   .arg(anchor.seq),
               anchor);
    else if (!crypto::constantTimeEquals(hashAtAnchor, anchor.hash))
        broken(v, Kind::Anchor, anchor.seq,
               QStringLiteral("entry %1 does not match the anchor kept outside the database (the "
                              "log was rewritten)")
                   .arg(anchor.seq),
               anchor);
}

void AuditVerifier::checkWitness(AuditVerification &v, const QByteArray &hashAtWitness)
{
    if (!m_witnessed)
        return;
    v.witnessChecked = true;
    if (m_witnessed->seq > v.head.seq)
        broken(v, Kind::Witness, v.head.seq + 1,
               QStringLiteral("the newest entries were removed: the log ends at entry %1 but the "
                              "inbox witnessed entry %2")
                   .arg(v.head.seq)
                   .arg(m_witnessed->seq),
               m_witnessed);
    else if (!crypto::constantTimeEquals(hashAtWitness, m_witnessed->hash))
        broken(v, Kind::Witness, m_witnessed->seq,
               QStringLiteral("entry %1 does not match the head the inbox witnessed (the log was "
                              "rewritten)")
                   .arg(m_witnessed->seq),
               m_witnessed);
}

} // namespace clinicdesk
