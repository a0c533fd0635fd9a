#pragma once

#include "keys/KeyProvider.h"

namespace clinicdesk {

// The key ring in the OS keychain through QtKeychain (Secret Service on Linux), one entry per
// store: service "ClinicDesk", key "data-key/<store id>". The insecure plaintext fallback of
// QtKeychain is never enabled. Blocks on a local event loop while the job runs.
class KeychainKeyProvider final : public KeyProvider
{
public:
    explicit KeychainKeyProvider(QString service = QStringLiteral("ClinicDesk"));

    QString description() const override;
    Result<KeyRing> load(const QString &storeId) override;
    Result<void> save(const QString &storeId, const KeyRing &ring) override;
    // Entry "audit-anchor/<store id>" beside the key ring.
    Result<QByteArray> loadAnchor(const QString &storeId) override;
    Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) override;
    Result<void> remove(const QString &storeId);

private:
    QString m_service;
};

} // namespace clinicdesk
