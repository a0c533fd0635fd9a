#include "service/TlsIdentity.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace clinicdesk {
namespace {

struct OpenSslFree
{
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
template<typename T> using OpenSslPtr = std::unique_ptr<T, OpenSslFree>;

// Never prompt on the terminal for a pass phrase: an encrypted key is refused instead.
int refusePassPhrase(char *, int, int, void *)
{
    return -1;
}

QString lastOpenSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

// The bytes of a memory BIO; a secure-heap BIO is cleared when freed.
QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

Result<void> writeFile(const QString &path, QByteArray bytes, QFileDevice::Permissions permissions,
                       const QString &what)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    // Permissions before any byte is written: the temporary file is what gets renamed.
    ok = ok && file.setPermissions(permissions);
    ok = ok && file.write(bytes) == bytes.size();
    crypto::wipe(bytes);
    if (!ok || !file.commit())
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot write %1 %2: %3").arg(what, path, file.errorString()));
    return {};
}

Result<void> addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    OpenSslPtr<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot add certificate extension %1: %2")
                             .arg(QString::fromLatin1(OBJ_nid2sn(nid)), lastOpenSslError()));
    return {};
}

} // namespace

QString TlsIdentity::generatedCertificatePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("tls-cert.pem"));
}

QString TlsIdentity::generatedKeyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("tls-key.pem"));
}

Result<TlsIdentity> TlsIdentity::load(const QString &certPath, const QString &keyPath)
{
    auto certBytes = readFile(certPath, QStringLiteral("TLS certificate"));
    if (!certBytes)
        return certBytes.error();
    TlsIdentity identity;
    identity.m_chain = QSslCertificate::fromData(certBytes.value(), QSsl::Pem);
    if (identity.m_chain.isEmpty() || identity.m_chain.constFirst().isNull())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("TLS certificate %1 holds no PEM certificate").arg(certPath));

    auto keyBytes = readFile(keyPath, QStringLiteral("TLS key"));
    if (!keyBytes)
        return keyBytes.error();
    OpenSslPtr<EVP_PKEY> key;
    {
        OpenSslPtr<BIO> bio(BIO_new_mem_buf(keyBytes->constData(), int(keyBytes->size())));
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassPhrase, nullptr));
        crypto::wipe(keyBytes.value());
    }
    if (!key) {
        ERR_clear_error();
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("TLS key %1 is not an unencrypted PEM private key").arg(keyPath));
    }

    const QByteArray der = identity.m_chain.constFirst().toDer();
    const unsigned char *derData = reinterpret_cast<const unsigned char *>(der.constData());
    OpenSslPtr<X509> x509(d2i_X509(nullptr, &derData, long(der.size())));
    if (!x509 || X509_check_private_key(x509.get(), key.get()) != 1) {
        ERR_clear_error();
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("TLS key %1 does not belong to the certificate in %2")
                             .arg(keyPath, certPath));
    }

    QSsl::KeyAlgorithm algorithm;
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    default:
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("TLS key %1: only RSA and EC keys are supported").arg(keyPath));
    }
    // Hand Qt the key as unencrypted PKCS#8 PEM, whatever form the file had.
    OpenSslPtr<BIO> pemBio(BIO_new(BIO_s_secmem()));
    if (!pemBio || PEM_write_bio_PrivateKey(pemBio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                            nullptr) != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("TLS key %1: %2").arg(keyPath, lastOpenSslError()));
    QByteArray pem = bioBytes(pemBio.get());
    identity.m_key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    crypto::wipe(pem);
    if (identity.m_key.isNull())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("TLS key %1 cannot be used by Qt Network").arg(keyPath));
    return identity;
}

Result<void> TlsIdentity::generateSelfSigned(const QString &certPath, const QString &keyPath,
                                             int validDays)
{
    OpenSslPtr<EVP_PKEY> key(EVP_EC_gen("P-256"));
    OpenSslPtr<X509> x509(X509_new());
    if (!key || !x509)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot generate a TLS key: %1").arg(lastOpenSslError()));

    // A random positive 128-bit serial (RFC 5280: at most 20 octets, positive).
    QByteArray serialBytes = crypto::randomBytes(16);
    serialBytes[0] = char((serialBytes[0] & 0x7f) | 0x40);
    OpenSslPtr<BIGNUM> serial(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()),
                  int(serialBytes.size()), nullptr));

    X509_NAME *name = X509_get_subject_name(x509.get());
    bool ok =
        serial && X509_set_version(x509.get(), X509_VERSION_3) == 1 &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x509.get())) != nullptr
        // An hour back, for clients whose clock is a little behind.
        && X509_gmtime_adj(X509_getm_notBefore(x509.get()), -3600) != nullptr &&
        X509_gmtime_adj(X509_getm_notAfter(x509.get()), long(validDays) * 24 * 3600) != nullptr &&
        X509_set_pubkey(x509.get(), key.get()) == 1 &&
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("ClinicDesk"), -1, -1,
                                   0) == 1 &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char *>("localhost"), -1, -1,
                                   0) == 1 &&
        X509_set_issuer_name(x509.get(), name) == 1;
    if (!ok)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("cannot build the TLS certificate: %1").arg(lastOpenSslError()));
    // No keyUsage extension: with one lacking keyCertSign, OpenSSL would not treat the
    // certificate as self-signed and so could not use it as its own trust anchor.
    const std::pair<int, const char *> extensions[] = {
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_ext_key_usage, "serverAuth"},
        {NID_subject_key_identifier, "hash"},
        {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
    };
    for (const auto &[nid, value] : extensions) {
        if (auto r = addExtension(x509.get(), nid, value); !r)
            return r;
    }
    if (X509_sign(x509.get(), key.get(), EVP_sha256()) <= 0)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("cannot sign the TLS certificate: %1").arg(lastOpenSslError()));

    OpenSslPtr<BIO> keyBio(BIO_new(BIO_s_secmem()));
    OpenSslPtr<BIO> certBio(BIO_new(BIO_s_mem()));
    if (!keyBio || !certBio ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        PEM_write_bio_X509(certBio.get(), x509.get()) != 1)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("cannot encode the TLS pair: %1").arg(lastOpenSslError()));

    if (auto r =
            writeFile(keyPath, bioBytes(keyBio.get()),
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner, QStringLiteral("TLS key"));
        !r)
        return r;
    if (auto r = writeFile(certPath, bioBytes(certBio.get()),
                           QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ReadGroup | QFileDevice::ReadOther,
                           QStringLiteral("TLS certificate"));
        !r)
        return r;
    return {};
}

Result<TlsIdentity> TlsIdentity::loadOrGenerate(const QString &dataDir)
{
    const QString certPath = generatedCertificatePath(dataDir);
    const QString keyPath = generatedKeyPath(dataDir);
    const bool hasCert = QFile::exists(certPath);
    const bool hasKey = QFile::exists(keyPath);
    if (hasCert != hasKey) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("found %1 but not %2; remove it so that a new pair is "
                                        "generated")
                             .arg(hasCert ? certPath : keyPath, hasCert ? keyPath : certPath));
    }
    bool generated = false;
    if (!hasCert) {
        if (auto r = generateSelfSigned(certPath, keyPath); !r)
            return r.error();
        generated = true;
        qCInfo(lcService).noquote() << "generated a self-signed TLS certificate in" << dataDir;
    } else if (auto check = KeyFileKeyProvider::checkPermissions(keyPath); !check) {
        return makeError(ErrorCode::KeyFileInsecure,
                         QStringLiteral("TLS key: %1").arg(check.error().message));
    }
    auto identity = load(certPath, keyPath);
    if (!identity)
        return identity.error();
    if (!generated && identity->certificate().expiryDate() <= QDateTime::currentDateTimeUtc()) {
        qCWarning(lcService).noquote()
            << "the generated TLS certificate in" << dataDir << "has expired; generating a new one";
        if (auto r = generateSelfSigned(certPath, keyPath); !r)
            return r.error();
        identity = load(certPath, keyPath);
        if (!identity)
            return identity.error();
        generated = true;
    }
    identity->m_generated = generated;
    return identity;
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

QString TlsIdentity::sha256Fingerprint() const
{
    return QString::fromLatin1(
        certificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace clinicdesk
