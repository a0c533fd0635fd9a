#include "SandboxFileChecks.h"

#include <QJsonObject>

namespace clinicdesk {
namespace {

std::optional<QByteArray> accepted(const QJsonValue &item, QLatin1String mime,
                                   bool (*check)(const QByteArray &))
{
    if (!item.isObject())
        return std::nullopt;
    const QJsonObject o = item.toObject();
    if (o.value(QLatin1String("mime")).toString().trimmed().compare(mime, Qt::CaseInsensitive))
        return std::nullopt;
    auto bytes = SandboxFileChecks::decodeBase64(o.value(QLatin1String("data")));
    if (!bytes || bytes->size() > SandboxFileChecks::kMaxBytes || !check(*bytes))
        return std::nullopt;
    return bytes;
}

} // namespace

std::optional<QByteArray> SandboxFileChecks::decodeBase64(const QJsonValue &data)
{
    if (!data.isString() || data.toString().isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

bool SandboxFileChecks::isJpeg(const QByteArray &bytes)
{
    return bytes.size() >= 4 && bytes.startsWith("\xFF\xD8\xFF") && bytes.endsWith("\xFF\xD9");
}

bool SandboxFileChecks::isPdf(const QByteArray &bytes)
{
    if (bytes.size() < 32 || !bytes.startsWith("%PDF-1."))
        return false;
    const QByteArray tail = bytes.right(1024);
    const qsizetype eof = tail.lastIndexOf("%%EOF");
    return eof >= 0 && tail.lastIndexOf("startxref", eof) >= 0;
}

std::optional<QByteArray> SandboxFileChecks::acceptedJpeg(const QJsonValue &item)
{
    return accepted(item, QLatin1String("image/jpeg"), &SandboxFileChecks::isJpeg);
}

std::optional<QByteArray> SandboxFileChecks::acceptedPdf(const QJsonValue &item)
{
    return accepted(item, QLatin1String("application/pdf"), &SandboxFileChecks::isPdf);
}

} // namespace clinicdesk
