#pragma once

#include "audit/AuditLog.h"
#include "base/Result.h"

#include <optional>

class QIODevice;

namespace clinicdesk {

struct User;

// Exports the audit log for a compliance review. Only admins may export (checked here, in the
// core, whatever the UI shows); a refused attempt is itself audited. The whole chain is verified
// first, and the export carries the head it was verified against: in every CSV row
// (verified_head_seq, verified_head_hash), in the JSON Lines header line, and in the FHIR
// Bundle's identifier. Each successful export is audited.
class AuditExporter
{
public:
    enum class Format
    {
        Csv,
        JsonLines,
        FhirBundle
    };
    static std::optional<Format> formatFromName(const QString &name); // csv, jsonl, fhir
    static QString formatName(Format format);
    static QString fileSuffix(Format format);

    struct Summary
    {
        qint64 exported = 0;
        AuditLog::Head verifiedHead;
    };

    explicit AuditExporter(AuditLog &log)
        : m_log(log)
    {}

    // The signed-in console user; refused unless an enabled admin.
    Result<Summary> exportFor(const User &actor, QIODevice &out, Format format,
                              const AuditLog::Filter &filter,
                              const AuditLog::Progress &progress = {});
    // The admin CLI: whoever can open the store with its key is an operator ("os:<login>").
    Result<Summary> exportAsOperator(const QString &operatorName, QIODevice &out, Format format,
                                     const AuditLog::Filter &filter,
                                     const AuditLog::Progress &progress = {});

    static QStringList csvHeader();

private:
    Result<Summary> run(const QString &actor, QIODevice &out, Format format,
                        const AuditLog::Filter &filter, const AuditLog::Progress &progress);

    AuditLog &m_log;
};

} // namespace clinicdesk
