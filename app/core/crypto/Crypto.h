#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>

struct evp_mac_ctx_st; // OpenSSL's EVP_MAC_CTX

// Thin, audited wrappers over OpenSSL 3 EVP. Nothing here logs or keeps key material.
namespace clinicdesk::crypto {

constexpr int kKeyBytes = 32;   // AES-256, HMAC-SHA256 keys
constexpr int kNonceBytes = 12; // AES-GCM nonce
constexpr int kTagBytes = 16;   // AES-GCM tag

// Cryptographically secure random bytes (RAND_bytes). Aborts only if the CSPRNG itself is broken.
QByteArray randomBytes(int count);

// AES-256-GCM. `sealed` = nonce(12) || ciphertext || tag(16); a fresh random nonce every call.
Result<QByteArray> aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad);
// Fails with DecryptFailed on any tampering, wrong key, wrong aad or truncation.
Result<QByteArray> aesGcmOpen(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad);

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// HMAC-SHA256 keyed once, for many messages (the audit chain hashes a million entries).
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;
    QByteArray mac(QByteArrayView data) const;

private:
    ::evp_mac_ctx_st *m_keyed;
};
QByteArray sha256(QByteArrayView data);
// HKDF-SHA256 (RFC 5869) to derive independent sub-keys from one data key.
QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length);

// scrypt (RFC 7914) through OpenSSL's EVP_KDF "SCRYPT": `length` bytes from the password and
// salt at cost N (a power of two), block size r and parallelism p. Memory for these parameters
// is allowed (OpenSSL's default ceiling of 32 MiB is below the password hasher's cost). Empty
// when OpenSSL refuses the parameters. PasswordHasher derives through this; the RFC's vectors
// test it.
QByteArray scrypt(QByteArrayView password, QByteArrayView salt, quint64 n, quint32 r, quint32 p,
                  int length);

// Constant-time comparison; different lengths compare unequal (length is not secret).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Declared first in main(): frees this thread's OpenSSL state (its error queue) when main
// returns, after every other object. OpenSSL's exit handler does not free the main thread's
// state, so an error queued by a TLS shutdown at SIGTERM otherwise shows up as a leak.
class ThreadStateGuard
{
public:
    ThreadStateGuard() = default;
    ~ThreadStateGuard();
    ThreadStateGuard(const ThreadStateGuard &) = delete;
    ThreadStateGuard &operator=(const ThreadStateGuard &) = delete;
};

// Overwrites the bytes in place (OPENSSL_cleanse), so the optimiser cannot drop it: the buffer
// itself, also when other QByteArrays share it (they all read zeros afterwards), so call it only
// when every holder is done. Key material that is kept is a SecretBytes.
void wipe(QByteArray &bytes);

} // namespace clinicdesk::crypto
