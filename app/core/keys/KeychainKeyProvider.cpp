#include "keys/KeychainKeyProvider.h"

#include "base/Logging.h"
#include "crypto/Crypto.h"
#include "keys/Keychain.h"

namespace clinicdesk {
namespace {

QString entryName(const QString &storeId)
{
    return QStringLiteral("data-key/%1").arg(storeId);
}

} // namespace

KeychainKeyProvider::KeychainKeyProvider(QString service)
    : m_service(std::move(service))
{}

QString KeychainKeyProvider::description() const
{
    return QStringLiteral("the OS keychain");
}

Result<KeyRing> KeychainKeyProvider::load(const QString &storeId)
{
    auto bytes =
        keychain::read(m_service, entryName(storeId), QStringLiteral("reading the data key"));
    if (!bytes)
        return bytes.error();
    auto ring = KeyRing::parse(bytes.value());
    crypto::wipe(bytes.value());
    if (!ring)
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("the keychain entry for this store is corrupt: %1")
                             .arg(ring.error().message));
    return ring;
}

Result<void> KeychainKeyProvider::save(const QString &storeId, const KeyRing &ring)
{
    QByteArray bytes = ring.serialize();
    auto r = keychain::write(m_service, entryName(storeId), bytes,
                             QStringLiteral("saving the data key"));
    crypto::wipe(bytes);
    if (!r)
        return r.error();
    qCInfo(lcKeys) << "key ring saved to the OS keychain, keys:" << ring.ids().size();
    return {};
}

Result<QByteArray> KeychainKeyProvider::loadAnchor(const QString &storeId)
{
    return keychain::read(m_service, QStringLiteral("audit-anchor/%1").arg(storeId),
                          QStringLiteral("reading the audit anchor"));
}

Result<void> KeychainKeyProvider::saveAnchor(const QString &storeId, const QByteArray &anchor)
{
    return keychain::write(m_service, QStringLiteral("audit-anchor/%1").arg(storeId), anchor,
                           QStringLiteral("saving the audit anchor"));
}

Result<void> KeychainKeyProvider::remove(const QString &storeId)
{
    return keychain::remove(m_service, entryName(storeId), QStringLiteral("removing the data key"));
}

} // namespace clinicdesk
