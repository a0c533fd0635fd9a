#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QString>

namespace clinicdesk {

// The provider API key, kept in the OS keychain (QtKeychain, Secret Service on Linux; the
// plaintext fallback is never enabled): service "ClinicDesk", entry "provider-api-key/<name>".
// Never in settings, never on a command line, never logged.
class ProviderCredentials
{
public:
    explicit ProviderCredentials(QString name = QStringLiteral("default"),
                                 QString service = QStringLiteral("ClinicDesk"));

    // KeyNotFound when no key was saved; KeychainUnavailable / KeychainDenied otherwise.
    Result<QByteArray> apiKey() const;
    Result<void> saveApiKey(const QByteArray &apiKey) const;
    Result<void> remove() const;

private:
    QString entry() const;

    QString m_name;
    QString m_service;
};

} // namespace clinicdesk
