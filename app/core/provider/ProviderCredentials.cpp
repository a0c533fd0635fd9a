#include "provider/ProviderCredentials.h"

#include "keys/Keychain.h"

namespace clinicdesk {

ProviderCredentials::ProviderCredentials(QString name, QString service)
    : m_name(std::move(name))
    , m_service(std::move(service))
{}

QString ProviderCredentials::entry() const
{
    return QStringLiteral("provider-api-key/%1").arg(m_name);
}

Result<QByteArray> ProviderCredentials::apiKey() const
{
    auto key = keychain::read(m_service, entry(), QStringLiteral("reading the provider API key"));
    if (!key)
        return key.error();
    if (key->trimmed().isEmpty())
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("provider API key: the keychain entry is empty"));
    return key->trimmed();
}

Result<void> ProviderCredentials::saveApiKey(const QByteArray &apiKey) const
{
    if (apiKey.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the API key is empty"));
    return keychain::write(m_service, entry(), apiKey.trimmed(),
                           QStringLiteral("saving the provider API key"));
}

Result<void> ProviderCredentials::remove() const
{
    return keychain::remove(m_service, entry(), QStringLiteral("removing the provider API key"));
}

} // namespace clinicdesk
