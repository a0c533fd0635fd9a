#include "AuditExporter.h"

#include "User.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace clinicdesk {
namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside.
QByteArray csvField(const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n'))
        return '"' + utf8.replace("\"", "\"\"") + '"';
    return utf8;
}

QByteArray csvRecord(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        line += csvField(fields[i]);
    }
    return line + "\r\n";
}

QJsonObject filterJson(const AuditLog::Filter &f)
{
    QJsonObject o;
    if (f.from.isValid())
        o.insert(QStringLiteral("from"), iso(f.from));
    if (f.to.isValid())
        o.insert(QStringLiteral("to"), iso(f.to));
    if (!f.user.isEmpty())
        o.insert(QStringLiteral("user"), f.user);
    return o;
}

QJsonObject entryJson(const AuditEntry &e)
{
    return {{QStringLiteral("seq"), e.seq},
            {QStringLiteral("time"), iso(e.at)},
            {QStringLiteral("user"), e.user},
            {QStringLiteral("workstation"), e.workstation},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("entityType"), e.entityType},
            {QStringLiteral("entityId"), e.entityId},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("detail"), e.detail},
            {QStringLiteral("prevHash"), QString::fromLatin1(e.prevHash.toHex())},
            {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())}};
}

QJsonObject coding(const char *system, const char *code, const char *display)
{
    return {{QStringLiteral("system"), QLatin1String(system)},
            {QStringLiteral("code"), QLatin1String(code)},
            {QStringLiteral("display"), QLatin1String(display)}};
}

// FHIR R4 AuditEvent, with DICOM event codes (as in the IHE ATNA profile).
QJsonObject fhirAuditEvent(const AuditEntry &e)
{
    static const char *dcm = "http://dicom.nema.org/resources/ontology/DCM";
    const auto action = auditActionFromName(e.action);
    QJsonObject type = coding(dcm, "110110", "Patient Record");
    QJsonArray subtype;
    QString crude = QStringLiteral("E");
    switch (action.value_or(AuditAction::Admin)) {
    case AuditAction::SignIn:
    case AuditAction::SignInFailed:
    case AuditAction::Unlock:
        type = coding(dcm, "110114", "User Authentication");
        subtype.append(coding(dcm, "110122", "Login"));
        break;
    case AuditAction::SignOut:
    case AuditAction::Lock:
        type = coding(dcm, "110114", "User Authentication");
        subtype.append(coding(dcm, "110123", "Logout"));
        break;
    case AuditAction::PhiView:
        crude = QStringLiteral("R");
        break;
    case AuditAction::Create:
    case AuditAction::Message:
        crude = QStringLiteral("C");
        break;
    case AuditAction::Update:
        crude = QStringLiteral("U");
        break;
    case AuditAction::Submit:
        break;
    case AuditAction::Export:
        type = coding(dcm, "110106", "Export");
        crude = QStringLiteral("R");
        break;
    case AuditAction::Admin:
        type = coding(dcm, "110137", "User Security Attributes Changed");
        crude = QStringLiteral("U");
        break;
    case AuditAction::AccessDenied:
        type = coding(dcm, "110113", "Security Alert");
        break;
    }
    const QString outcome = e.outcome == QLatin1String("success")  ? QStringLiteral("0")
                            : e.outcome == QLatin1String("denied") ? QStringLiteral("8")
                                                                   : QStringLiteral("4");
    QJsonObject event{
        {QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
        {QStringLiteral("id"), QStringLiteral("seq-%1").arg(e.seq)},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{
             {QStringLiteral("url"),
              QStringLiteral("urn:clinicdesk:fhir:StructureDefinition:audit-chain")},
             {QStringLiteral("extension"),
              QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("seq")},
                                     {QStringLiteral("valueInteger"), e.seq}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("action")},
                                     {QStringLiteral("valueCode"), e.action}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("prevHash")},
                                     {QStringLiteral("valueString"),
                                      QString::fromLatin1(e.prevHash.toHex())}},
                         QJsonObject{{QStringLiteral("url"), QStringLiteral("hash")},
                                     {QStringLiteral("valueString"),
                                      QString::fromLatin1(e.hash.toHex())}}}}}}},
        {QStringLiteral("type"), type},
        {QStringLiteral("action"), crude},
        {QStringLiteral("recorded"), iso(e.at)},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("agent"),
         QJsonArray{QJsonObject{
             {QStringLiteral("who"), QJsonObject{{QStringLiteral("identifier"),
                                                  QJsonObject{{QStringLiteral("value"), e.user}}}}},
             {QStringLiteral("requestor"), true},
             {QStringLiteral("network"),
              QJsonObject{{QStringLiteral("address"), e.workstation},
                          {QStringLiteral("type"), QStringLiteral("1")}}}}}},
        {QStringLiteral("source"),
         QJsonObject{
             {QStringLiteral("observer"), QJsonObject{{QStringLiteral("display"), e.workstation}}},
             {QStringLiteral("type"),
              QJsonArray{coding("http://terminology.hl7.org/CodeSystem/security-source-type", "1",
                                "User Device")}}}},
    };
    if (!subtype.isEmpty())
        event.insert(QStringLiteral("subtype"), subtype);
    if (!e.detail.isEmpty())
        event.insert(QStringLiteral("outcomeDesc"), e.detail);
    if (!e.entityId.isEmpty() || !e.entityType.isEmpty()) {
        event.insert(QStringLiteral("entity"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("what"),
                          QJsonObject{{QStringLiteral("identifier"),
                                       QJsonObject{{QStringLiteral("value"), e.entityId}}}}},
                         {QStringLiteral("type"),
                          coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
                                 "System Object")},
                         {QStringLiteral("name"), e.entityType}}});
    }
    return event;
}

} // namespace

std::optional<AuditExporter::Format> AuditExporter::formatFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return Format::Csv;
    if (name == QLatin1String("jsonl"))
        return Format::JsonLines;
    if (name == QLatin1String("fhir"))
        return Format::FhirBundle;
    return std::nullopt;
}

QString AuditExporter::formatName(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::JsonLines:
        return QStringLiteral("jsonl");
    case Format::FhirBundle:
        return QStringLiteral("fhir");
    }
    return {};
}

QString AuditExporter::fileSuffix(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral(".csv");
    case Format::JsonLines:
        return QStringLiteral(".jsonl");
    case Format::FhirBundle:
        return QStringLiteral(".fhir.json");
    }
    return {};
}

QStringList AuditExporter::csvHeader()
{
    return {QStringLiteral("seq"),
            QStringLiteral("time"),
            QStringLiteral("user"),
            QStringLiteral("workstation"),
            QStringLiteral("action"),
            QStringLiteral("entity_type"),
            QStringLiteral("entity_id"),
            QStringLiteral("outcome"),
            QStringLiteral("detail"),
            QStringLiteral("prev_hash"),
            QStringLiteral("hash"),
            QStringLiteral("verified_head_seq"),
            QStringLiteral("verified_head_hash")};
}

Result<AuditExporter::Summary> AuditExporter::exportFor(const User &actor, QIODevice &out,
                                                        Format format,
                                                        const AuditLog::Filter &filter,
                                                        const AuditLog::Progress &progress)
{
    if (!actor.isAdmin() || actor.disabled) {
        AuditEvent denied{AuditAction::AccessDenied,
                          actor.username,
                          QStringLiteral("audit_log"),
                          QString(),
                          AuditOutcome::Denied,
                          QStringLiteral("audit export refused: admin role required")};
        (void)m_log.append(denied);
        return makeError(ErrorCode::AccessDenied,
                         QStringLiteral("only an administrator may export the audit log"));
    }
    return run(actor.username, out, format, filter, progress);
}

Result<AuditExporter::Summary> AuditExporter::exportAsOperator(const QString &operatorName,
                                                               QIODevice &out, Format format,
                                                               const AuditLog::Filter &filter,
                                                               const AuditLog::Progress &progress)
{
    return run(operatorName, out, format, filter, progress);
}

Result<AuditExporter::Summary> AuditExporter::run(const QString &actor, QIODevice &out,
                                                  Format format, const AuditLog::Filter &filter,
                                                  const AuditLog::Progress &progress)
{
    // Half the progress bar for verifying, half for writing.
    auto total = m_log.count(filter);
    if (!total)
        return total.error();
    auto verification = m_log.verify([&](qint64 done, qint64 all) {
        return !progress || progress(done / 2, qMax<qint64>(all, 1));
    });
    if (!verification)
        return verification.error();
    if (!verification->intact) {
        (void)m_log.append({AuditAction::Export, actor, QStringLiteral("audit_log"), QString(),
                            AuditOutcome::Failure,
                            QStringLiteral("refused: chain broken at entry %1")
                                .arg(verification->firstBrokenSeq)});
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("the audit log failed verification, nothing exported: %1")
                             .arg(verification->problem));
    }
    Summary summary;
    summary.verifiedHead = verification->head;
    const QString headSeq = QString::number(summary.verifiedHead.seq);
    const QString headHash = QString::fromLatin1(summary.verifiedHead.hash.toHex());

    bool writeFailed = false;
    auto write = [&](const QByteArray &bytes) {
        if (!writeFailed && out.write(bytes) != bytes.size())
            writeFailed = true;
    };
    switch (format) {
    case Format::Csv:
        write(csvRecord(csvHeader()));
        break;
    case Format::JsonLines:
        write(QJsonDocument(
                  QJsonObject{
                      {QStringLiteral("recordType"), QStringLiteral("clinicdesk-audit-export")},
                      {QStringLiteral("verifiedHead"),
                       QJsonObject{{QStringLiteral("seq"), summary.verifiedHead.seq},
                                   {QStringLiteral("hash"), headHash}}},
                      {QStringLiteral("filter"), filterJson(filter)},
                      {QStringLiteral("exportedBy"), actor},
                      {QStringLiteral("exportedAt"), iso(QDateTime::currentDateTimeUtc())}})
                  .toJson(QJsonDocument::Compact) +
              '\n');
        break;
    case Format::FhirBundle:
        write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"" +
              iso(QDateTime::currentDateTimeUtc()).toUtf8() +
              "\",\"identifier\":{\"system\":\"urn:clinicdesk:audit-chain-head\",\"value\":\"" +
              headSeq.toUtf8() + ':' + headHash.toUtf8() + "\"},\"entry\":[");
        break;
    }

    bool cancelled = false;
    auto visited = m_log.forEach(filter, [&](const AuditEntry &e) {
        if (e.seq > summary.verifiedHead.seq)
            return false; // written after verification: not covered by this export's head
        switch (format) {
        case Format::Csv:
            write(csvRecord({QString::number(e.seq), iso(e.at), e.user, e.workstation, e.action,
                             e.entityType, e.entityId, e.outcome, e.detail,
                             QString::fromLatin1(e.prevHash.toHex()),
                             QString::fromLatin1(e.hash.toHex()), headSeq, headHash}));
            break;
        case Format::JsonLines:
            write(QJsonDocument(entryJson(e)).toJson(QJsonDocument::Compact) + '\n');
            break;
        case Format::FhirBundle:
            write((summary.exported ? "," : "") + QByteArray("{\"fullUrl\":\"urn:uuid:") +
                  QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\",\"resource\":" +
                  QJsonDocument(fhirAuditEvent(e)).toJson(QJsonDocument::Compact) + '}');
            break;
        }
        ++summary.exported;
        if (progress && summary.exported % 4096 == 0 &&
            !progress(*total / 2 + summary.exported / 2, qMax<qint64>(*total, 1))) {
            cancelled = true;
            return false;
        }
        return !writeFailed;
    });
    if (!visited)
        return visited.error();
    if (format == Format::FhirBundle)
        write("]}\n");
    if (cancelled)
        return makeError(ErrorCode::Cancelled, QStringLiteral("export cancelled"));
    if (writeFailed)
        return makeError(ErrorCode::Io,
                         QStringLiteral("writing the export failed: %1").arg(out.errorString()));
    if (progress)
        progress(*total, qMax<qint64>(*total, 1));

    const QString detail =
        QStringLiteral("format=%1 entries=%2 head=%3 filter=%4")
            .arg(formatName(format))
            .arg(summary.exported)
            .arg(summary.verifiedHead.seq)
            .arg(QString::fromUtf8(
                QJsonDocument(filterJson(filter)).toJson(QJsonDocument::Compact)));
    if (auto audited = m_log.append({AuditAction::Export, actor, QStringLiteral("audit_log"),
                                     QString(), AuditOutcome::Success, detail});
        !audited)
        return audited.error();
    return summary;
}

} // namespace clinicdesk
