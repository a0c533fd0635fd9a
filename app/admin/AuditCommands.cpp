#include "AdminCommand.h"

#include "audit/AuditExporter.h"
#include "audit/AuditLog.h"
#include "audit/AuditReport.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace clinicdesk {
namespace {

constexpr int kWitnessTimeoutMs = 15000;

// The chain, its anchor and the inbox's witnessed head (audit/AuditReport says it in words).
Result<AdminOutput> auditVerify(AdminContext &ctx, const QStringList &)
{
    const auto witness = AuditWitnessCheck::fetch(ctx.audit->witness(), kWitnessTimeoutMs);
    auto v = ctx.audit->verify({}, witness.head);
    if (!v)
        return v.error();
    return AdminOutput{AuditReport::text(*v, witness), AuditReport::json(*v, witness),
                       AuditReport::failure(*v, witness)};
}

// Records an acknowledged restart naming every open break, and anchors at it.
Result<AdminOutput> auditAcknowledge(AdminContext &ctx, const QStringList &)
{
    const auto witness = AuditWitnessCheck::fetch(ctx.audit->witness(), kWitnessTimeoutMs);
    if (witness.state == AuditWitnessCheck::State::Unreachable)
        return makeError(ErrorCode::Io, AuditReport::witnessText(witness));
    auto seq = ctx.audit->acknowledgeBreaks(ctx.operatorName, witness.head);
    if (!seq)
        return seq.error();
    auto v = ctx.audit->verify({}, witness.head);
    if (!v)
        return v.error();
    return AdminOutput{QStringLiteral("restart recorded as entry %1\n%2")
                           .arg(seq.value())
                           .arg(AuditReport::text(*v, witness)),
                       AuditReport::json(*v, witness), AuditReport::failure(*v, witness)};
}

// Dates are ISO 8601; a bare date means midnight UTC. --to is exclusive.
Result<QDateTime> parseWhen(const QCommandLineParser &options, const QString &name)
{
    const QString text = options.value(name);
    if (text.isEmpty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!t.isValid())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--%1 %2 is not an ISO 8601 date or time").arg(name, text));
    return t.toUTC();
}

Result<AdminOutput> auditExport(AdminContext &ctx, const QStringList &)
{
    const auto format = AuditExporter::formatFromName(ctx.options.value(QStringLiteral("format")));
    if (!format)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("--format must be csv, jsonl or fhir"));
    const QString path = ctx.options.value(QStringLiteral("output"));
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("--output FILE is required"));
    auto from = parseWhen(ctx.options, QStringLiteral("from"));
    if (!from)
        return from.error();
    auto to = parseWhen(ctx.options, QStringLiteral("to"));
    if (!to)
        return to.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const AuditLog::Filter filter{*from, *to, ctx.options.value(QStringLiteral("user"))};
    auto summary =
        AuditExporter(*ctx.audit).exportAsOperator(ctx.operatorName, file, *format, filter);
    if (!summary) {
        file.cancelWriting();
        return summary.error();
    }
    if (!file.commit())
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    AdminOutput out;
    out.json = {{QStringLiteral("file"), path},
                {QStringLiteral("format"), AuditExporter::formatName(*format)},
                {QStringLiteral("entries"), summary->exported},
                {QStringLiteral("verifiedHeadSeq"), summary->verifiedHead.seq},
                {QStringLiteral("verifiedHeadHash"),
                 QString::fromLatin1(summary->verifiedHead.hash.toHex())}};
    out.text = QStringLiteral("%1 entries exported to %2, verified against head entry %3 (%4)")
                   .arg(summary->exported)
                   .arg(path)
                   .arg(summary->verifiedHead.seq)
                   .arg(QString::fromLatin1(summary->verifiedHead.hash.toHex()));
    return out;
}

} // namespace

// `audit`: verify the hash chain, acknowledge a break, export it (the export itself audited).
QList<AdminCommand> auditCommands()
{
    return {
        {QStringLiteral("audit"), QStringLiteral("verify"),
         QStringLiteral("check the hash chain, its anchor and the head the inbox witnessed; lists "
                        "every break, exit 1 if one is not acknowledged"),
         auditVerify},
        {QStringLiteral("audit"), QStringLiteral("acknowledge"),
         QStringLiteral("record a restart entry naming every break found, so the log can be "
                        "anchored again (the breaks stay listed by verify)"),
         auditAcknowledge},
        {QStringLiteral("audit"),
         QStringLiteral("export"),
         QStringLiteral(
             "--format csv|jsonl|fhir --output FILE [--from DATE] [--to DATE] [--user NAME]: "
             "verify, then export (itself audited)"),
         auditExport,
         {{QStringLiteral("format"), QStringLiteral("csv, jsonl or fhir."),
           QStringLiteral("FORMAT")},
          {QStringLiteral("output"), QStringLiteral("the file to write (owner-only)."),
           QStringLiteral("FILE")},
          {QStringLiteral("from"), QStringLiteral("first date/time (ISO 8601, UTC)."),
           QStringLiteral("WHEN")},
          {QStringLiteral("to"), QStringLiteral("end date/time, exclusive."),
           QStringLiteral("WHEN")},
          {QStringLiteral("user"), QStringLiteral("only this user's entries."),
           QStringLiteral("NAME")}}},
    };
}

} // namespace clinicdesk
