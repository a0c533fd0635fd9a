#pragma once

#include <QByteArrayView>
#include <QString>

namespace clinicdesk {

// Hashes staff passwords with scrypt (OpenSSL 3 EVP_KDF "SCRYPT") into a self-describing string
//   scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>
// so that the cost can be raised later without invalidating stored hashes: verify() reads the
// parameters from the string, and needsRehash() tells the caller to re-hash after a successful
// sign-in. Nothing here logs, and the password bytes are wiped after use.
class PasswordHasher
{
public:
    struct Parameters
    {
        int log2N = 17; // N = 2^17: OWASP Password Storage Cheat Sheet minimum for scrypt
        quint32 r = 8;
        quint32 p = 1;
        friend bool operator==(const Parameters &, const Parameters &) = default;
    };

    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;
    // Bounds accepted when reading a stored string, so that a tampered row cannot make
    // verification allocate gigabytes or spin for minutes.
    static constexpr int kMinLog2N = 4;
    static constexpr int kMaxLog2N = 20;
    static constexpr quint32 kMaxR = 32;
    static constexpr quint32 kMaxP = 16;

    // OWASP cost: N = 2^17, r = 8, p = 1 (128 MiB, a few hundred milliseconds).
    static Parameters recommended() { return Parameters{}; }
    // For tests only: N = 2^10, so suites that sign in many times stay fast.
    static Parameters testing() { return Parameters{10, 8, 1}; }

    explicit PasswordHasher(Parameters parameters = recommended())
        : m_parameters(parameters)
    {}

    Parameters parameters() const { return m_parameters; }

    // A fresh random 16-byte salt per call. Returns an empty string only if OpenSSL fails.
    QString hash(const QString &password) const;
    // Constant-time comparison; false for a wrong password and for any malformed or tampered
    // string (unknown scheme, parameters out of bounds, bad base64, wrong lengths).
    bool verify(const QString &password, const QString &encoded) const;
    // A well-formed string at this hasher's cost that matches no password: verifying against it
    // costs what a real check costs, so an unknown username takes as long as a wrong password.
    QString dummyHash() const;
    // True when `encoded` was made with parameters other than this hasher's (or is unreadable).
    bool needsRehash(const QString &encoded) const;

    // Parses the parameters of an encoded string; false when it is not a valid scrypt string.
    static bool parse(const QString &encoded, Parameters *parameters, QByteArray *salt,
                      QByteArray *hash);

private:
    static QByteArray derive(QByteArrayView password, QByteArrayView salt, Parameters parameters);

    Parameters m_parameters;
};

} // namespace clinicdesk
