#include "webhooks/WebhookVerifier.h"

#include "base/WebhookId.h"
#include "crypto/Crypto.h"

namespace clinicdesk {
namespace {

const QByteArray kSecretPrefix = QByteArrayLiteral("whsec_");
// Upper bounds that keep hostile headers cheap to reject.
constexpr qsizetype kMaxSignatures = 16;

bool parseTimestamp(const QByteArray &text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 15)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok;
}

} // namespace

Result<QByteArray> WebhookVerifier::decodeSecret(QByteArrayView secret)
{
    if (!secret.startsWith(kSecretPrefix))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a secret must start with whsec_"));
    // The base64 text is a copy of the secret too: held where it is wiped.
    const SecretBytes text(secret.sliced(kSecretPrefix.size()));
    auto decoded =
        QByteArray::fromBase64Encoding(text.bytes(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 16) {
        crypto::wipe(decoded.decoded);
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a whsec_ secret must hold base64 of at least 16 bytes"));
    }
    return std::move(decoded.decoded);
}

Result<WebhookVerifier> WebhookVerifier::fromSecretFile(const QByteArray &contents)
{
    // Lines are read as views into `contents` (which the caller wipes): splitting them into
    // QByteArrays would leave copies of every secret behind.
    WebhookVerifier verifier;
    int lineNumber = 0;
    const QByteArrayView all(contents);
    for (qsizetype start = 0; start <= all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line = all.sliced(start, end - start).trimmed();
        start = end + 1;
        ++lineNumber;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("static ") || line.startsWith("static\t")) {
            QList<QByteArrayView> parts;
            for (qsizetype i = 0; i < line.size();) {
                while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                    ++i;
                qsizetype j = i;
                while (j < line.size() && line[j] != ' ' && line[j] != '\t')
                    ++j;
                if (j > i)
                    parts.append(line.sliced(i, j - i));
                i = j;
            }
            if (parts.size() != 3 || parts[1].isEmpty() || parts[2].size() < 16)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("line %1: expected `static <Header-Name> <secret>` "
                                                "with a secret of at least 16 characters")
                                     .arg(lineNumber));
            const QByteArray header = parts[1].toByteArray().toLower();
            if (!verifier.m_staticHeader.isEmpty() && verifier.m_staticHeader != header)
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("line %1: one static header name per provider").arg(lineNumber));
            verifier.m_staticHeader = header;
            verifier.m_staticSecrets.append(SecretBytes(parts[2]));
            continue;
        }
        auto key = decodeSecret(line);
        if (!key)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("line %1: %2").arg(lineNumber).arg(key.error().message));
        verifier.m_keys.append(SecretBytes(std::move(key).value()));
    }
    if (verifier.keyCount() == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no secret in the file"));
    if (!verifier.m_keys.isEmpty() && !verifier.m_staticSecrets.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a provider uses whsec_ secrets or a static header, "
                                        "not both"));
    return verifier;
}

QByteArray WebhookVerifier::sign(const QByteArray &key, QByteArrayView id, QByteArrayView timestamp,
                                 QByteArrayView body)
{
    QByteArray content;
    content.reserve(id.size() + timestamp.size() + body.size() + 2);
    content.append(id).append('.').append(timestamp).append('.').append(body);
    return crypto::hmacSha256(key, content).toBase64();
}

WebhookVerifier::Verdict WebhookVerifier::verifyStatic(const Request &request) const
{
    if (request.staticSecret.isEmpty())
        return Verdict::BadSignature;
    bool matched = false;
    // Every secret is compared, so the time taken does not say which one came close.
    for (const SecretBytes &secret : m_staticSecrets)
        matched |= crypto::constantTimeEquals(secret.view(), request.staticSecret);
    return matched ? Verdict::Accepted : Verdict::BadSignature;
}

WebhookVerifier::Verdict WebhookVerifier::verify(const Request &request, qint64 nowSeconds) const
{
    if (isStaticMode())
        return verifyStatic(request);
    qint64 timestamp = 0;
    if (!isValidWebhookId(request.id) || request.signature.isEmpty() ||
        !parseTimestamp(request.timestamp, &timestamp))
        return Verdict::Malformed;
    if (timestamp < nowSeconds - m_tolerance || timestamp > nowSeconds + m_tolerance)
        return Verdict::StaleTimestamp;

    QList<QByteArray> expected;
    expected.reserve(m_keys.size());
    for (const SecretBytes &key : m_keys)
        expected.append(sign(key.bytes(), request.id, request.timestamp, request.body));

    bool matched = false;
    int seen = 0;
    for (const QByteArray &entry : request.signature.split(' ')) {
        if (entry.isEmpty())
            continue;
        if (++seen > kMaxSignatures)
            break;
        if (!entry.startsWith("v1,"))
            continue; // other schemes (v1a…) are not ours to check
        const QByteArrayView given = QByteArrayView(entry).sliced(3);
        for (const QByteArray &candidate : expected)
            matched |= crypto::constantTimeEquals(candidate, given);
    }
    return matched ? Verdict::Accepted : Verdict::BadSignature;
}

} // namespace clinicdesk
