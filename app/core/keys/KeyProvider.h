#pragma once

#include "base/Result.h"
#include "crypto/KeyRing.h"

#include <QString>
#include <QStringList>

namespace clinicdesk {

// Where a store's data keys live. Implementations: the OS keychain (default) and an explicit
// 0600 key file (headless services). There is deliberately no plaintext or "no key" fallback.
class KeyProvider
{
public:
    virtual ~KeyProvider() = default;
    // For messages: "the OS keychain", "key file /path". Never includes key material.
    virtual QString description() const = 0;
    // KeyNotFound when nothing is stored for this store yet; other errors are fatal.
    virtual Result<KeyRing> load(const QString &storeId) = 0;
    virtual Result<void> save(const QString &storeId, const KeyRing &ring) = 0;

    // Other stores known to use the same keys (a key file opened by several stores): a key
    // rotation would retire the key their data is sealed with, so it is refused while there
    // are any. Per-store backends (the keychain) have none.
    virtual Result<QStringList> otherStores(const QString &storeId)
    {
        Q_UNUSED(storeId);
        return QStringList();
    }

    // The audit chain's anchor (its newest sequence number and hash), kept outside the database
    // so that deleting the newest audit entries is detected. KeyNotFound when none was saved.
    virtual Result<QByteArray> loadAnchor(const QString &storeId) = 0;
    virtual Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) = 0;
};

} // namespace clinicdesk
