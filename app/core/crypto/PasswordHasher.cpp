#include "crypto/PasswordHasher.h"

#include "crypto/Crypto.h"

#include <QStringList>

namespace clinicdesk {
namespace {

const QLatin1String kScheme("scrypt");

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
    return crypto::scrypt(password, salt, quint64(1) << parameters.log2N, parameters.r,
                          parameters.p, kHashBytes);
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
