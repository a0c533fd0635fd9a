#include "audit/AuditExporter.h"

#include "base/TimeText.h"
#include "domain/User.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace clinicdesk {
namespace {

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
        o.insert(QStringLiteral("from"), TimeText::utc(f.from));
    if (f.to.isValid())
        o.insert(QStringLiteral("to"), TimeText::utc(f.to));
    if (!f.user.isEmpty())
        o.insert(QStringLiteral("user"), f.user);
    return o;
}

// JSON string literal per RFC 8259: quotes, backslashes and control characters escaped; UTF-8
// passes through.
void appendJsonString(QByteArray &out, const QString &value)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : value.toUtf8()) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (b < 0x20) {
            out += "\\u00";
            out += hex[b >> 4];
            out += hex[b & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray jsonString(const QString &value)
{
    QByteArray out;
    appendJsonString(out, value);
    return out;
}

QByteArray entryJsonLine(const AuditEntry &e)
{
    QByteArray out;
    out.reserve(512);
    out += "{\"seq\":" + QByteArray::number(e.seq) + ",\"time\":";
    appendJsonString(out, e.time);
    out += ",\"user\":";
    appendJsonString(out, e.user);
    out += ",\"workstation\":";
    appendJsonString(out, e.workstation);
    out += ",\"action\":";
    appendJsonString(out, e.action);
    out += ",\"entityType\":";
    appendJsonString(out, e.entityType);
    out += ",\"entityId\":";
    appendJsonString(out, e.entityId);
    out += ",\"outcome\":";
    appendJsonString(out, e.outcome);
    out += ",\"detail\":";
    appendJsonString(out, e.detail);
    out += ",\"prevHash\":\"" + e.prevHash.toHex() + "\",\"hash\":\"" + e.hash.toHex() + "\"}\n";
    return out;
}

QByteArray coding(const char *system, const char *code, const char *display)
{
    return QByteArray("{\"system\":\"") + system + "\",\"code\":\"" + code + "\",\"display\":\"" +
           display + "\"}";
}

// The fixed parts of an AuditEvent, made once: a million entries must not rebuild them.
struct FhirCodings
{
    static constexpr const char *dcm = "http://dicom.nema.org/resources/ontology/DCM";
    const QByteArray patientRecord = coding(dcm, "110110", "Patient Record");
    const QByteArray authentication = coding(dcm, "110114", "User Authentication");
    const QByteArray login = ",\"subtype\":[" + coding(dcm, "110122", "Login") + ']';
    const QByteArray logout = ",\"subtype\":[" + coding(dcm, "110123", "Logout") + ']';
    const QByteArray exportType = coding(dcm, "110106", "Export");
    const QByteArray securityChanged = coding(dcm, "110137", "User Security Attributes Changed");
    const QByteArray securityAlert = coding(dcm, "110113", "Security Alert");
    const QByteArray sourceType =
        "},\"type\":[" +
        coding("http://terminology.hl7.org/CodeSystem/security-source-type", "1", "User Device") +
        "]}";
    const QByteArray entityType =
        "}},\"type\":" +
        coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object") +
        ",\"name\":";
};

void appendHex(QByteArray &out, const QByteArray &bytes)
{
    static const char hex[] = "0123456789abcdef";
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += hex[b >> 4];
        out += hex[b & 0xf];
    }
}

// FHIR R4 AuditEvent, with DICOM event codes (as in the IHE ATNA profile), appended to `out`.
// The fullUrl is a UUID made from the entry's hash: stable across exports of the same entry.
void appendFhirEntry(QByteArray &out, const AuditEntry &e)
{
    static const FhirCodings codes;
    const auto action = auditActionFromName(e.action);
    const QByteArray *type = &codes.patientRecord;
    const QByteArray *subtype = nullptr;
    const char *crude = "E";
    switch (action.value_or(AuditAction::Admin)) {
    case AuditAction::SignIn:
    case AuditAction::SignInFailed:
    case AuditAction::Unlock:
        type = &codes.authentication;
        subtype = &codes.login;
        break;
    case AuditAction::SignOut:
    case AuditAction::Lock:
        type = &codes.authentication;
        subtype = &codes.logout;
        break;
    case AuditAction::PhiView:
        crude = "R";
        break;
    case AuditAction::Create:
    case AuditAction::Message:
        crude = "C";
        break;
    case AuditAction::Update:
        crude = "U";
        break;
    case AuditAction::Submit:
        break;
    case AuditAction::Export:
        type = &codes.exportType;
        crude = "R";
        break;
    case AuditAction::Admin:
        type = &codes.securityChanged;
        crude = "U";
        break;
    case AuditAction::AccessDenied:
        type = &codes.securityAlert;
        break;
    }
    const char *outcome = e.outcome == QLatin1String("success")  ? "0"
                          : e.outcome == QLatin1String("denied") ? "8"
                                                                 : "4";
    QByteArray uuidBytes = e.hash.left(16);
    uuidBytes[6] = char((uuidBytes[6] & 0x0f) | 0x50); // name-based (v5-style) UUID
    uuidBytes[8] = char((uuidBytes[8] & 0x3f) | 0x80);
    const QByteArray seq = QByteArray::number(e.seq);

    out += "{\"fullUrl\":\"urn:uuid:";
    out += QUuid::fromRfc4122(uuidBytes).toByteArray(QUuid::WithoutBraces);
    out += "\",\"resource\":{\"resourceType\":\"AuditEvent\",\"id\":\"seq-";
    out += seq;
    out += "\",\"extension\":[{\"url\":\"urn:clinicdesk:fhir:"
           "StructureDefinition:audit-chain\",\"extension\":[{\"url\":\"seq\",\"valueInteger\":";
    out += seq;
    out += "},{\"url\":\"action\",\"valueCode\":";
    appendJsonString(out, e.action);
    out += "},{\"url\":\"prevHash\",\"valueString\":\"";
    appendHex(out, e.prevHash);
    out += "\"},{\"url\":\"hash\",\"valueString\":\"";
    appendHex(out, e.hash);
    out += "\"}]}],\"type\":";
    out += *type;
    if (subtype)
        out += *subtype;
    out += ",\"action\":\"";
    out += crude;
    out += "\",\"recorded\":";
    appendJsonString(out, e.time);
    out += ",\"outcome\":\"";
    out += outcome;
    out += '"';
    if (!e.detail.isEmpty()) {
        out += ",\"outcomeDesc\":";
        appendJsonString(out, e.detail);
    }
    out += ",\"agent\":[{\"who\":{\"identifier\":{\"value\":";
    appendJsonString(out, e.user);
    out += "}},\"requestor\":true,\"network\":{\"address\":";
    appendJsonString(out, e.workstation);
    out += ",\"type\":\"1\"}}],\"source\":{\"observer\":{\"display\":";
    appendJsonString(out, e.workstation);
    out += codes.sourceType;
    if (!e.entityId.isEmpty() || !e.entityType.isEmpty()) {
        out += ",\"entity\":[{\"what\":{\"identifier\":{\"value\":";
        appendJsonString(out, e.entityId);
        out += codes.entityType;
        appendJsonString(out, e.entityType);
        out += "}]";
    }
    out += "}}";
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
    // The head is known only once the whole chain has been read, so the CSV rows carry it as
    // the head at the time the export started; the scan then proves the chain up to it (and an
    // entry appended meanwhile is left out). JSONL and FHIR state it up front the same way.
    auto start = m_log.head();
    if (!start)
        return start.error();
    Summary summary;
    summary.verifiedHead = *start;
    const QByteArray headSeq = QByteArray::number(start->seq);
    const QByteArray headHash = start->hash.toHex();

    bool writeFailed = false;
    QByteArray buffer;
    buffer.reserve(1 << 20);
    auto flush = [&] {
        if (!writeFailed && out.write(buffer) != buffer.size())
            writeFailed = true;
        buffer.clear();
    };
    switch (format) {
    case Format::Csv:
        buffer += csvRecord(csvHeader());
        break;
    case Format::JsonLines:
        buffer +=
            "{\"recordType\":\"clinicdesk-audit-export\",\"verifiedHead\":{\"seq\":" + headSeq +
            ",\"hash\":\"" + headHash +
            "\"},\"filter\":" + QJsonDocument(filterJson(filter)).toJson(QJsonDocument::Compact) +
            ",\"exportedBy\":" + jsonString(actor) +
            ",\"exportedAt\":" + jsonString(TimeText::utcNow()) + "}\n";
        break;
    case Format::FhirBundle:
        buffer += "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":" +
                  jsonString(TimeText::utcNow()) +
                  ",\"identifier\":{\"system\":\"urn:clinicdesk:audit-chain-head\",\"value\":\"" +
                  headSeq + ':' + headHash + "\"},\"entry\":[";
        break;
    }

    const QString headSeqText = QString::fromLatin1(headSeq);
    const QString headHashText = QString::fromLatin1(headHash);
    auto scanned = m_log.scan(
        filter,
        [&](const AuditEntry &e) {
            if (e.seq > start->seq)
                return true; // appended after the export began: verified, but not exported
            switch (format) {
            case Format::Csv:
                buffer += csvRecord(
                    {QString::number(e.seq), e.time, e.user, e.workstation, e.action, e.entityType,
                     e.entityId, e.outcome, e.detail, QString::fromLatin1(e.prevHash.toHex()),
                     QString::fromLatin1(e.hash.toHex()), headSeqText, headHashText});
                break;
            case Format::JsonLines:
                buffer += entryJsonLine(e);
                break;
            case Format::FhirBundle:
                if (summary.exported)
                    buffer += ',';
                appendFhirEntry(buffer, e);
                break;
            }
            ++summary.exported;
            if (buffer.size() > (1 << 20) - 4096)
                flush();
            return !writeFailed;
        },
        progress);
    if (!scanned)
        return scanned.error(); // cancelled, or the store failed
    // The whole chain must verify, anchor included, and reach the head this export names.
    if (!scanned->intact || scanned->head.seq < start->seq) {
        (void)m_log.append(
            {AuditAction::Export, actor, QStringLiteral("audit_log"), QString(),
             AuditOutcome::Failure,
             QStringLiteral("refused: chain broken at entry %1").arg(scanned->firstBrokenSeq)});
        return makeError(ErrorCode::Integrity,
                         QStringLiteral("the audit log failed verification, so the export is void "
                                        "(discard the file): %1")
                             .arg(scanned->problem));
    }
    if (format == Format::FhirBundle)
        buffer += "]}\n";
    flush();
    if (writeFailed)
        return makeError(ErrorCode::Io,
                         QStringLiteral("writing the export failed: %1").arg(out.errorString()));

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
