#include "AdminCommand.h"

#include "audit/AuditLog.h"
#include "crypto/Crypto.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QSaveFile>

namespace clinicdesk {
namespace {

// Visits by id and state only: no patient name, answers or messages (those are PHI and need the
// console, where viewing them is audited).
Result<AdminOutput> visitsList(AdminContext &ctx, const QStringList &)
{
    auto rows = VisitRepository(*ctx.store).all();
    if (!rows)
        return rows.error();
    QJsonArray array;
    QStringList lines;
    for (const VisitRepository::Row &row : std::as_const(rows.value())) {
        const QString status = VisitStateMachine::name(row.state.status);
        const QString rx = VisitStateMachine::name(row.state.rx);
        const QJsonObject v{{QStringLiteral("masterId"), row.masterId},
                            {QStringLiteral("visitType"), row.visitType},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("rxStatus"), rx},
                            {QStringLiteral("createdBy"), row.createdBy},
                            {QStringLiteral("createdAt"), row.createdAt},
                            {QStringLiteral("updatedAt"), row.updatedAt}};
        array.append(v);
        lines << QStringLiteral("%1  %2 %3 rx %4 updated %5")
                     .arg(row.masterId, row.visitType.leftJustified(18), status.leftJustified(10),
                          rx.leftJustified(13), row.updatedAt);
    }
    AdminOutput out;
    out.json = {{QStringLiteral("visits"), array}};
    out.text = lines.isEmpty() ? QStringLiteral("no visits yet") : lines.join(QLatin1Char('\n'));
    return out;
}

// The intake as a FHIR R4 QuestionnaireResponse, for a record request or a transfer. It is PHI:
// written 0600 and audited as an export of that visit.
Result<AdminOutput> visitsExportResponse(AdminContext &ctx, const QStringList &args)
{
    const QString path = ctx.options.value(QStringLiteral("output"));
    if (args.size() != 1 || path.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("usage: visits export-response MASTER_ID --output FILE"));
    VisitRepository visits(*ctx.store);
    auto row = visits.findByMasterId(args[0]);
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no visit with master id %1").arg(args[0]));
    const QString visitId = row.value()->id;
    auto response = visits.openQuestionnaireResponse(visitId);
    if (!response)
        return response.error();
    if (!response->has_value())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("visit %1 has no QuestionnaireResponse").arg(args[0]));
    QByteArray plain = std::move(**response);
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(plain) == plain.size() && file.commit();
    crypto::wipe(plain);
    if (!written)
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (auto a = ctx.audit->append({AuditAction::Export, ctx.operatorName, QStringLiteral("visit"),
                                    visitId, AuditOutcome::Success,
                                    QStringLiteral("QuestionnaireResponse exported to a file")});
        !a)
        return a.error();
    AdminOutput out;
    out.json = {{QStringLiteral("file"), path}, {QStringLiteral("visitId"), visitId}};
    out.text = QStringLiteral("QuestionnaireResponse of visit %1 written to %2 (mode 0600)")
                   .arg(args[0], path);
    return out;
}

} // namespace

// `visits`: ids and states (no PHI), and the intake of one visit as FHIR (PHI, audited).
QList<AdminCommand> visitsCommands()
{
    return {
        {QStringLiteral("visits"), QStringLiteral("list"),
         QStringLiteral("visits by master id, type and status (no patient data)"), visitsList},
        {QStringLiteral("visits"),
         QStringLiteral("export-response"),
         QStringLiteral("MASTER_ID --output FILE: the intake as a FHIR QuestionnaireResponse (PHI; "
                        "audited)"),
         visitsExportResponse,
         {{QStringLiteral("output"), QStringLiteral("the file to write (owner-only)."),
           QStringLiteral("FILE")}}},
    };
}

} // namespace clinicdesk
