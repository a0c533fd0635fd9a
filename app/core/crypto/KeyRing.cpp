#include "crypto/KeyRing.h"

#include "crypto/Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace clinicdesk {

KeyRing::~KeyRing()
{
    for (auto &key : m_keys)
        crypto::wipe(key);
}

KeyRing KeyRing::generate()
{
    KeyRing ring;
    ring.addKey();
    return ring;
}

quint32 KeyRing::addKey()
{
    const quint32 id = m_keys.isEmpty() ? 1 : m_keys.lastKey() + 1;
    m_keys.insert(id, crypto::randomBytes(crypto::kKeyBytes));
    m_currentId = id;
    return id;
}

void KeyRing::remove(quint32 id)
{
    auto it = m_keys.find(id);
    if (it == m_keys.end())
        return;
    crypto::wipe(*it);
    m_keys.erase(it);
    if (m_currentId == id)
        m_currentId = m_keys.isEmpty() ? 0 : m_keys.lastKey();
}

QByteArray KeyRing::serialize() const
{
    QJsonObject keys;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        keys.insert(QString::number(it.key()), QString::fromLatin1(it.value().toBase64()));
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("clinicdesk-keyring-1")},
                     {QStringLiteral("current"), qint64(m_currentId)},
                     {QStringLiteral("keys"), keys}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<KeyRing> KeyRing::parse(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    auto invalid = [](const QString &why) { return makeError(ErrorCode::KeyFileInvalid, why); };
    KeyRing ring;
    if (!trimmed.startsWith('{')) {
        const auto decoded =
            QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != crypto::kKeyBytes)
            return invalid(
                QStringLiteral("the key must be 32 random bytes, base64-encoded on one line "
                               "(e.g. openssl rand -base64 32)"));
        ring.m_keys.insert(1, decoded.decoded);
        ring.m_currentId = 1;
        return ring;
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(trimmed, &parseError).object();
    if (parseError.error != QJsonParseError::NoError ||
        root.value(QStringLiteral("format")).toString() != QStringLiteral("clinicdesk-keyring-1"))
        return invalid(QStringLiteral("not a ClinicDesk key ring"));
    const QJsonObject keys = root.value(QStringLiteral("keys")).toObject();
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it) {
        bool idOk = false;
        const quint32 id = it.key().toUInt(&idOk);
        const auto decoded = QByteArray::fromBase64Encoding(
            it.value().toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!idOk || id == 0 || !decoded || decoded.decoded.size() != crypto::kKeyBytes)
            return invalid(QStringLiteral("key ring entry %1 is malformed").arg(it.key()));
        ring.m_keys.insert(id, decoded.decoded);
    }
    ring.m_currentId = quint32(root.value(QStringLiteral("current")).toInteger());
    if (!ring.m_keys.contains(ring.m_currentId))
        return invalid(QStringLiteral("key ring has no current key"));
    return ring;
}

} // namespace clinicdesk
