#pragma once

#include "base/Result.h"
#include "crypto/BlindIndex.h"
#include "crypto/FieldCipher.h"
#include "keys/KeyProvider.h"
#include "store/Database.h"
#include "store/StoreLocation.h"

#include <memory>

namespace clinicdesk {

// The console's encrypted local store: one SQLite file in the data dir (or the clinic's
// PostgreSQL database, Options::location), migrated to the latest
// schema on open, its data key ring held by a KeyProvider (keychain or 0600 key file).
//
// A new store gets a random store id and a fresh key ring; the key ring is saved to the provider
// *before* the store records its id, so a failure leaves nothing that cannot be opened. An
// existing store whose key is missing or wrong fails to open with a specific error: a new key is
// never silently generated for existing data (StoreKeyOpener, shared with the inbox's and the
// sandbox's stores).
class LocalStore
{
public:
    struct Options
    {
        QString dataDir;
        KeyProvider *keys = nullptr; // not owned; must outlive open()
        bool synchronousFull = false;
        StoreLocation location = {}; // default: SQLite in dataDir
        // false: fail with NotFound instead of making a new store (programs that work on the
        // console's store, such as the relay, never make one: it would get a data key that the
        // console does not have).
        bool create = true;
    };

    static Result<std::unique_ptr<LocalStore>> open(const Options &options);
    static QString databasePath(const QString &dataDir);
    // ~/.local/share/clinicdesk (XDG), or the test-mode equivalent.
    static QString defaultDataDir();

    ~LocalStore();

    Database &db() { return *m_db; }
    const FieldCipher &cipher() const { return m_cipher; }
    const BlindIndex &blindIndex() const { return m_blindIndex; }
    QString storeId() const { return m_storeId; }
    QString dataDir() const { return m_dataDir; }
    // Opens another connection to the same database, for another thread; call it from there.
    std::function<Result<std::unique_ptr<Database>>()> connectionOpener() const;

    // Adds a new data key, re-encrypts every sealed column and rebuilds the blind indexes in one
    // transaction, then retires the old keys. Returns the new key id.
    Result<quint32> rotateDataKey(KeyProvider &keys);

private:
    LocalStore() = default;
    Result<void> openKeys(KeyProvider &keys);
    Result<void> writeBlindIndexKeyId(quint32 keyId);
    Result<void> sealStagedText();
    Result<void> reseal(const FieldCipher &from, const FieldCipher &to);

    std::unique_ptr<Database> m_db;
    FieldCipher m_cipher;
    BlindIndex m_blindIndex;
    QString m_storeId;
    QString m_dataDir;
    StoreLocation m_location;
    bool m_synchronousFull = false;
    // A shared flock on <data dir>/store.lock for as long as the store is open: key rotation
    // takes it exclusively, so it never re-keys under a console or relay still sealing with the
    // old key.
    int m_lockFd = -1;
};

} // namespace clinicdesk
