#include "crypto/FieldCipher.h"

#include "crypto/Crypto.h"

#include <QtEndian>

namespace clinicdesk {
namespace {

constexpr char kVersion = 0x01;
constexpr int kHeaderBytes = 5;

QByteArray header(quint32 keyId)
{
    QByteArray h(kHeaderBytes, Qt::Uninitialized);
    h[0] = kVersion;
    qToBigEndian(keyId, h.data() + 1);
    return h;
}

QByteArray associatedData(QByteArrayView headerBytes, const QString &table, const QString &rowId,
                          const QString &column)
{
    QByteArray aad = "clinicdesk.field.v1";
    aad += '\0';
    aad += headerBytes;
    aad += table.toUtf8() + '\0' + rowId.toUtf8() + '\0' + column.toUtf8();
    return aad;
}

} // namespace

FieldCipher::FieldCipher(KeyRing ring)
    : m_ring(std::move(ring))
{}

std::optional<quint32> FieldCipher::keyIdOf(QByteArrayView sealed)
{
    if (sealed.size() < kHeaderBytes || sealed[0] != kVersion)
        return std::nullopt;
    return qFromBigEndian<quint32>(sealed.data() + 1);
}

Result<QByteArray> FieldCipher::seal(const QString &table, const QString &rowId,
                                     const QString &column, QByteArrayView plaintext) const
{
    if (m_ring.isEmpty())
        return makeError(ErrorCode::KeyNotFound, QStringLiteral("no data key loaded"));
    if (rowId.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("%1.%2: a row id is needed before sealing").arg(table, column));
    const QByteArray h = header(m_ring.currentId());
    auto body =
        crypto::aesGcmSeal(m_ring.currentKey(), plaintext, associatedData(h, table, rowId, column));
    if (!body)
        return body.error();
    return h + body.value();
}

Result<QByteArray> FieldCipher::open(const QString &table, const QString &rowId,
                                     const QString &column, QByteArrayView sealed) const
{
    const auto keyId = keyIdOf(sealed);
    if (!keyId)
        return makeError(ErrorCode::DecryptFailed,
                         QStringLiteral("%1.%2 of row %3 is not a sealed value (damaged or written "
                                        "without encryption)")
                             .arg(table, column, rowId));
    if (!m_ring.contains(*keyId))
        return makeError(
            ErrorCode::WrongKey,
            QStringLiteral("%1.%2 of row %3 was sealed with data key %4, which is not in "
                           "this store's key ring")
                .arg(table, column, rowId)
                .arg(*keyId));
    auto plain =
        crypto::aesGcmOpen(m_ring.key(*keyId), sealed.sliced(kHeaderBytes),
                           associatedData(sealed.first(kHeaderBytes), table, rowId, column));
    if (!plain)
        return makeError(
            ErrorCode::DecryptFailed,
            QStringLiteral("%1.%2 of row %3: %4").arg(table, column, rowId, plain.error().message));
    return plain;
}

Result<QByteArray> FieldCipher::sealText(const QString &table, const QString &rowId,
                                         const QString &column, const QString &text) const
{
    if (text.isNull())
        return QByteArray();
    return seal(table, rowId, column, text.toUtf8());
}

Result<QString> FieldCipher::openText(const QString &table, const QString &rowId,
                                      const QString &column, const QByteArray &sealed) const
{
    if (sealed.isNull())
        return QString();
    auto plain = open(table, rowId, column, sealed);
    if (!plain)
        return plain.error();
    QString text = QString::fromUtf8(plain.value());
    crypto::wipe(plain.value());
    return text;
}

} // namespace clinicdesk
