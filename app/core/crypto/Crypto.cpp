#include "crypto/Crypto.h"

#include "crypto/SecretBytes.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <memory>

namespace clinicdesk::crypto {
namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *u(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}
unsigned char *u(QByteArray &v)
{
    return reinterpret_cast<unsigned char *>(v.data());
}

Error decryptError()
{
    return makeError(ErrorCode::DecryptFailed,
                     QStringLiteral("encrypted value failed authentication (tampered, truncated, "
                                    "moved to another row, or sealed with another key)"));
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(u(out), count) != 1)
        std::abort(); // no safe way to continue without randomness
    return out;
}

Result<QByteArray> aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad)
{
    if (key.size() != kKeyBytes)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("AES-256-GCM needs a 32-byte key"));
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    const QByteArray nonce = randomBytes(kNonceBytes);
    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    std::copy(nonce.begin(), nonce.end(), out.begin());
    auto *cipherText = u(out) + kNonceBytes;
    int len = 0;
    bool good = ctx &&
                EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
                EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, u(key), u(nonce)) == 1;
    if (good && !aad.isEmpty())
        good = EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) == 1;
    if (good && !plaintext.isEmpty())
        good = EVP_EncryptUpdate(ctx.get(), cipherText, &len, u(plaintext),
                                 int(plaintext.size())) == 1;
    good = good && EVP_EncryptFinal_ex(ctx.get(), cipherText + plaintext.size(), &len) == 1 &&
           EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                               cipherText + plaintext.size()) == 1;
    if (!good)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("AES-256-GCM encryption failed"));
    return out;
}

Result<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad)
{
    if (key.size() != kKeyBytes)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("AES-256-GCM needs a 32-byte key"));
    if (sealed.size() < kNonceBytes + kTagBytes)
        return decryptError();
    const qsizetype textSize = sealed.size() - kNonceBytes - kTagBytes;
    const auto nonce = sealed.first(kNonceBytes);
    const auto cipherText = sealed.sliced(kNonceBytes, textSize);
    QByteArray tag = sealed.last(kTagBytes).toByteArray();
    QByteArray plain(textSize, Qt::Uninitialized);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool good = ctx &&
                EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
                EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u(key), u(nonce)) == 1;
    if (good && !aad.isEmpty())
        good = EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) == 1;
    if (good && textSize > 0)
        good = EVP_DecryptUpdate(ctx.get(), u(plain), &len, u(cipherText), int(textSize)) == 1;
    good = good &&
           EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1 &&
           EVP_DecryptFinal_ex(ctx.get(), u(plain) + textSize, &len) == 1;
    if (!good) {
        wipe(plain);
        return decryptError();
    }
    return plain;
}

namespace {

// Fetching an algorithm searches the provider tables under a lock: do it once per process.
EVP_MAC *hmacImplementation()
{
    static EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!mac)
        std::abort(); // HMAC is always in OpenSSL 3's default provider
    return mac;
}

EVP_MAC_CTX *newKeyedHmac(QByteArrayView key)
{
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>("SHA256"), 0),
        OSSL_PARAM_construct_end()};
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(hmacImplementation());
    if (!ctx || EVP_MAC_init(ctx, u(key), size_t(key.size()), params) != 1)
        std::abort();
    return ctx;
}

QByteArray finishHmac(EVP_MAC_CTX *ctx, QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    size_t outLen = 0;
    if (EVP_MAC_update(ctx, u(data), size_t(data.size())) != 1 ||
        EVP_MAC_final(ctx, u(out), &outLen, size_t(out.size())) != 1 || outLen != 32)
        std::abort();
    return out;
}

} // namespace

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    EVP_MAC_CTX *ctx = newKeyedHmac(key);
    QByteArray out = finishHmac(ctx, data);
    EVP_MAC_CTX_free(ctx);
    return out;
}

HmacSha256::HmacSha256(QByteArrayView key)
    : m_keyed(newKeyedHmac(key))
{}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_keyed);
}

QByteArray HmacSha256::mac(QByteArrayView data) const
{
    // A copy of the keyed state skips the key schedule for every message.
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(m_keyed);
    if (!ctx)
        std::abort();
    QByteArray out = finishHmac(ctx, data);
    EVP_MAC_CTX_free(ctx);
    return out;
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), u(out), &len, EVP_sha256(), nullptr) != 1)
        std::abort();
    return out;
}

QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length)
{
    QByteArray out(length, Qt::Uninitialized);
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char *>("SHA256"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(key.data()),
                                          size_t(key.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(info.data()),
                                          size_t(info.size())),
        OSSL_PARAM_construct_end()};
    const bool good = ctx && EVP_KDF_derive(ctx, u(out), size_t(length), params) == 1;
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    if (!good)
        std::abort();
    return out;
}

QByteArray scrypt(QByteArrayView password, QByteArrayView salt, quint64 n, quint32 r, quint32 p,
                  int length)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    uint64_t cost = n;
    uint32_t blockSize = r;
    uint32_t parallelism = p;
    // scrypt needs 128 * N * r bytes for V plus 128 * r * p for B; allow that, with headroom.
    uint64_t maxmem =
        128 * cost * blockSize + 128 * uint64_t(blockSize) * parallelism + (uint64_t(16) << 20);
    // An empty view may have no data pointer; OpenSSL wants one even for zero bytes.
    static char none = 0;
    const auto bytes = [](QByteArrayView v) {
        return v.isEmpty() ? &none : const_cast<char *>(v.data());
    };
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, bytes(password),
                                          size_t(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, bytes(salt), size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &cost),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &blockSize),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &parallelism),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    const bool good = ctx && length > 0 && EVP_KDF_derive(ctx, u(out), size_t(length), params) == 1;
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    if (!good)
        return {};
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

ThreadStateGuard::~ThreadStateGuard()
{
    OPENSSL_thread_stop();
}

void wipe(QByteArray &bytes)
{
    // In place, not through data(): that would detach a shared buffer and wipe a fresh copy,
    // leaving the bytes where they were.
    SecretBytes::wipeInPlace(bytes);
}

} // namespace clinicdesk::crypto
