#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace clinicdesk {

// What the provider checks in uploaded files before it accepts them: base64 without a "data:"
// prefix, JPEG images (the mime says image/jpeg AND the bytes start with the SOI marker FF D8 FF
// and end with the EOI marker FF D9) of at most 3 MiB decoded, PDFs (application/pdf, a "%PDF-1."
// header, "startxref" and a "%%EOF" in the last 1 KiB) of at most 3 MiB decoded.
class SandboxFileChecks
{
public:
    static constexpr qsizetype kMaxBytes = 3 * 1024 * 1024;
    static constexpr int kMaxImagesPerRequest = 10;

    // Strict base64 (standard alphabet, padding optional); nullopt for anything else, including
    // a "data:image/jpeg;base64," prefix, whitespace or an empty string.
    static std::optional<QByteArray> decodeBase64(const QJsonValue &data);
    static bool isJpeg(const QByteArray &bytes);
    static bool isPdf(const QByteArray &bytes);
    // One {"mime":…,"data":…} item: the decoded bytes when it is an acceptable JPEG / PDF.
    static std::optional<QByteArray> acceptedJpeg(const QJsonValue &item);
    static std::optional<QByteArray> acceptedPdf(const QJsonValue &item);
};

} // namespace clinicdesk
