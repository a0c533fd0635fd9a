#include "crypto/PasswordHasher.h"

#include "crypto/Crypto.h"

#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace clinicdesk {
namespace {

const QLatin1String kScheme("scrypt");

struct KdfDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

bool inBounds(const PasswordHasher::Parameters &p)
{
    return p.log2N >= PasswordHasher::kMinLog2N && p.log2N <= PasswordHasher::kMaxLog2N &&
           p.r >= 1 && p.r <= PasswordHasher::kMaxR && p.p >= 1 && p.p <= PasswordHasher::kMaxP;
}

QByteArray decodeBase64(const QString &text)
{
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded : QByteArray();
}

} // namespace

QByteArray PasswordHasher::derive(QByteArrayView password, QByteArrayView salt,
                                  Parameters parameters)
{
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return {};
    uint64_t n = uint64_t(1) << parameters.log2N;
    uint32_t r = parameters.r;
    uint32_t p = parameters.p;
    // scrypt needs 128 * N * r bytes for V plus 128 * r * p for B; OpenSSL's default ceiling
    // (32 MiB) is below the OWASP cost, so raise it to what these parameters need, with headroom.
    uint64_t maxmem = 128 * n * r + 128 * uint64_t(r) * p + (uint64_t(16) << 20);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char *>(password.data()), password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()),
                                          salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       params) != 1)
        return {};
    return out;
}

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray salt = crypto::randomBytes(kSaltBytes);
    QByteArray utf8 = password.toUtf8();
    QByteArray digest = derive(utf8, salt, m_parameters);
    crypto::wipe(utf8);
    if (digest.isEmpty())
        return {};
    const QString encoded =
        QStringLiteral("%1$%2$%3$%4$%5$%6")
            .arg(kScheme)
            .arg(m_parameters.log2N)
            .arg(m_parameters.r)
            .arg(m_parameters.p)
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(digest.toBase64()));
    crypto::wipe(digest);
    return encoded;
}

bool PasswordHasher::parse(const QString &encoded, Parameters *parameters, QByteArray *salt,
                           QByteArray *hash)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != kScheme)
        return false;
    bool okN = false, okR = false, okP = false;
    Parameters parsed{parts[1].toInt(&okN), parts[2].toUInt(&okR), parts[3].toUInt(&okP)};
    if (!okN || !okR || !okP || !inBounds(parsed))
        return false;
    const QByteArray saltBytes = decodeBase64(parts[4]);
    const QByteArray hashBytes = decodeBase64(parts[5]);
    if (saltBytes.size() < kSaltBytes || hashBytes.size() != kHashBytes)
        return false;
    if (parameters)
        *parameters = parsed;
    if (salt)
        *salt = saltBytes;
    if (hash)
        *hash = hashBytes;
    return true;
}

bool PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    Parameters parameters;
    QByteArray salt, expected;
    if (!parse(encoded, &parameters, &salt, &expected))
        return false;
    QByteArray utf8 = password.toUtf8();
    QByteArray actual = derive(utf8, salt, parameters);
    crypto::wipe(utf8);
    const bool same = !actual.isEmpty() && crypto::constantTimeEquals(actual, expected);
    crypto::wipe(actual);
    return same;
}

QString PasswordHasher::dummyHash() const
{
    // All-zero salt and hash: scrypt output is never all zeros in practice.
    return QStringLiteral("%1$%2$%3$%4$%5$%6")
        .arg(kScheme)
        .arg(m_parameters.log2N)
        .arg(m_parameters.r)
        .arg(m_parameters.p)
        .arg(QString::fromLatin1(QByteArray(kSaltBytes, '\0').toBase64()),
             QString::fromLatin1(QByteArray(kHashBytes, '\0').toBase64()));
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    Parameters parameters;
    return !parse(encoded, &parameters, nullptr, nullptr) || !(parameters == m_parameters);
}

} // namespace clinicdesk
