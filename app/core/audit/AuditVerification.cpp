#include "audit/AuditVerification.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace clinicdesk {

QString AuditRestart::detailFor(const QList<AuditBreak> &breaks)
{
    QJsonArray seqs;
    QJsonArray heads;
    QJsonArray problems;
    for (const AuditBreak &b : breaks) {
        if (b.kind == AuditBreak::Kind::Chain)
            seqs.append(b.seq);
        if (b.superseded)
            heads.append(QJsonObject{
                {QStringLiteral("seq"), b.superseded->seq},
                {QStringLiteral("hash"), QString::fromLatin1(b.superseded->hash.toHex())}});
        problems.append(b.problem);
    }
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("breaks"), seqs},
                                                       {QStringLiteral("heads"), heads},
                                                       {QStringLiteral("problems"), problems}})
                                 .toJson(QJsonDocument::Compact));
}

std::optional<AuditRestart> AuditRestart::parse(qint64 seq, const QString &time,
                                                const QString &user, const QByteArray &detail)
{
    const QJsonDocument document = QJsonDocument::fromJson(detail);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    AuditRestart restart;
    restart.seq = seq;
    restart.time = time;
    restart.user = user;
    for (const QJsonValue &v : object.value(QLatin1String("breaks")).toArray())
        restart.breaks.append(qint64(v.toDouble()));
    for (const QJsonValue &v : object.value(QLatin1String("heads")).toArray()) {
        const QJsonObject head = v.toObject();
        restart.heads.append(AuditHead{
            qint64(head.value(QLatin1String("seq")).toDouble()),
            QByteArray::fromHex(head.value(QLatin1String("hash")).toString().toLatin1())});
    }
    for (const QJsonValue &v : object.value(QLatin1String("problems")).toArray())
        restart.problems.append(v.toString());
    return restart;
}

bool AuditRestart::names(const AuditBreak &broken) const
{
    if (broken.kind == AuditBreak::Kind::Chain)
        return broken.seq < seq && breaks.contains(broken.seq);
    return broken.superseded && heads.contains(*broken.superseded);
}

void AuditVerification::settle()
{
    std::stable_sort(breaks.begin(), breaks.end(),
                     [](const AuditBreak &a, const AuditBreak &b) { return a.seq < b.seq; });
    intact = true;
    firstBrokenSeq = 0;
    problem.clear();
    for (AuditBreak &b : breaks) {
        b.acknowledgedBy = 0;
        for (const AuditRestart &restart : std::as_const(restarts)) {
            if (restart.names(b)) {
                b.acknowledgedBy = restart.seq;
                break;
            }
        }
        if (b.acknowledgedBy == 0 && intact) {
            intact = false;
            firstBrokenSeq = b.seq;
            problem = b.problem;
        }
    }
}

} // namespace clinicdesk
