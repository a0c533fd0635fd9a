#pragma once

#include "KeyRing.h"
#include "Result.h"

#include <QString>

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
};

} // namespace clinicdesk
