#include "audit/AuditReport.h"

#include "audit/AuditWitness.h"

#include <QJsonArray>

namespace clinicdesk {
namespace {

QString stateName(AuditWitnessCheck::State state)
{
    switch (state) {
    case AuditWitnessCheck::State::NotConfigured:
        return QStringLiteral("not-configured");
    case AuditWitnessCheck::State::Unreachable:
        return QStringLiteral("unreachable");
    case AuditWitnessCheck::State::NotWitnessed:
        return QStringLiteral("not-witnessed");
    case AuditWitnessCheck::State::Witnessed:
        return QStringLiteral("witnessed");
    }
    return QString();
}

QString kindName(AuditBreak::Kind kind)
{
    switch (kind) {
    case AuditBreak::Kind::Chain:
        return QStringLiteral("chain");
    case AuditBreak::Kind::Anchor:
        return QStringLiteral("anchor");
    case AuditBreak::Kind::Witness:
        return QStringLiteral("witness");
    }
    return QString();
}

} // namespace

AuditWitnessCheck AuditWitnessCheck::fetch(AuditWitness *witness, int timeoutMs)
{
    AuditWitnessCheck check;
    if (!witness)
        return check;
    check.detail = witness->inbox();
    auto head = witness->fetch(timeoutMs);
    if (!head) {
        check.state = State::Unreachable;
        check.detail = head.error().message;
        return check;
    }
    check.head = head.value();
    check.state = check.head ? State::Witnessed : State::NotWitnessed;
    return check;
}

QString AuditReport::witnessText(const AuditWitnessCheck &witness)
{
    switch (witness.state) {
    case AuditWitnessCheck::State::NotConfigured:
        return QStringLiteral("witness: no inbox configured ([relay] in clinicdesk.ini), so a "
                              "truncation together with the local anchor would go unseen");
    case AuditWitnessCheck::State::Unreachable:
        return QStringLiteral("witness: NOT CHECKED: %1").arg(witness.detail);
    case AuditWitnessCheck::State::NotWitnessed:
        return QStringLiteral("witness: %1 holds no head for this store yet").arg(witness.detail);
    case AuditWitnessCheck::State::Witnessed:
        return QStringLiteral("witness: %1 holds entry %2")
            .arg(witness.detail)
            .arg(witness.head->seq);
    }
    return QString();
}

QString AuditReport::text(const AuditVerification &v, const AuditWitnessCheck &witness)
{
    QStringList lines;
    if (!v.intact) {
        lines << QStringLiteral("audit log BROKEN at entry %1: %2")
                     .arg(v.firstBrokenSeq)
                     .arg(v.problem);
    } else if (v.everBroken()) {
        lines << QStringLiteral("audit log intact since an acknowledged restart, NOT since it "
                                "began: %1 entries, head entry %2 (%3)")
                     .arg(v.entries)
                     .arg(v.head.seq)
                     .arg(QString::fromLatin1(v.head.hash.toHex()));
    } else {
        lines << QStringLiteral("audit log intact: %1 entries, head entry %2 (%3)")
                     .arg(v.entries)
                     .arg(v.head.seq)
                     .arg(QString::fromLatin1(v.head.hash.toHex()));
    }
    for (const AuditBreak &b : v.breaks) {
        lines << (b.acknowledgedBy
                      ? QStringLiteral("  break at entry %1 (acknowledged by entry %2): %3")
                            .arg(b.seq)
                            .arg(b.acknowledgedBy)
                            .arg(b.problem)
                      : QStringLiteral("  break at entry %1: %2").arg(b.seq).arg(b.problem));
    }
    for (const AuditRestart &r : v.restarts) {
        lines << QStringLiteral("  restart acknowledged at entry %1 by %2 at %3: %4")
                     .arg(r.seq)
                     .arg(r.user, r.time, r.problems.join(QStringLiteral("; ")));
    }
    lines << witnessText(witness);
    return lines.join(QLatin1Char('\n'));
}

QJsonObject AuditReport::json(const AuditVerification &v, const AuditWitnessCheck &witness)
{
    QJsonObject o{{QStringLiteral("intact"), v.intact},
                  {QStringLiteral("everBroken"), v.everBroken()},
                  {QStringLiteral("entries"), v.entries},
                  {QStringLiteral("headSeq"), v.head.seq},
                  {QStringLiteral("headHash"), QString::fromLatin1(v.head.hash.toHex())},
                  {QStringLiteral("witness"), stateName(witness.state)}};
    if (witness.head)
        o.insert(QStringLiteral("witnessSeq"), witness.head->seq);
    if (!v.intact) {
        o.insert(QStringLiteral("firstBrokenSeq"), v.firstBrokenSeq);
        o.insert(QStringLiteral("problem"), v.problem);
    }
    QJsonArray breaks;
    for (const AuditBreak &b : v.breaks)
        breaks.append(QJsonObject{{QStringLiteral("seq"), b.seq},
                                  {QStringLiteral("kind"), kindName(b.kind)},
                                  {QStringLiteral("problem"), b.problem},
                                  {QStringLiteral("acknowledgedBy"), b.acknowledgedBy}});
    o.insert(QStringLiteral("breaks"), breaks);
    QJsonArray restarts;
    for (const AuditRestart &r : v.restarts)
        restarts.append(
            QJsonObject{{QStringLiteral("seq"), r.seq},
                        {QStringLiteral("user"), r.user},
                        {QStringLiteral("time"), r.time},
                        {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)}});
    o.insert(QStringLiteral("restarts"), restarts);
    return o;
}

QString AuditReport::failure(const AuditVerification &v, const AuditWitnessCheck &witness)
{
    if (!v.intact)
        return QStringLiteral("audit log broken at entry %1: %2")
            .arg(v.firstBrokenSeq)
            .arg(v.problem);
    if (witness.state == AuditWitnessCheck::State::Unreachable)
        return QStringLiteral("the inbox's witness could not be read, so truncation cannot be "
                              "ruled out: %1")
            .arg(witness.detail);
    return QString();
}

} // namespace clinicdesk
