#pragma once

#include "keys/KeyProvider.h"

namespace clinicdesk {

// A key ring in an explicit file, for headless services (`--key-file`). The file must belong to
// the current user and grant nothing to group or others (0600 or 0400); anything else is refused.
//
// A key file remembers the stores that use it (their ids are saved beside the ring; an
// operator-made file, one base64 line, learns them as stores open it). A store may rotate the key
// only while it is the file's only store (LocalStore::rotateDataKey asks otherStores()): with two
// stores on one file, a rotation of one would retire the key the other's data is sealed with. An
// empty store id (tools, tests) neither records nor checks.
class KeyFileKeyProvider final : public KeyProvider
{
public:
    explicit KeyFileKeyProvider(QString path);

    QString description() const override;
    Result<KeyRing> load(const QString &storeId) override;
    // Writes atomically, created 0600, on disk (file and directory synced) when it returns.
    Result<void> save(const QString &storeId, const KeyRing &ring) override;
    Result<QStringList> otherStores(const QString &storeId) override;
    // Beside the key file: <key file>.audit-anchor, 0600.
    Result<QByteArray> loadAnchor(const QString &storeId) override;
    Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) override;

    // The permission check on its own, for callers that want to fail early.
    static Result<void> checkPermissions(const QString &path);

private:
    QString m_path;
};

} // namespace clinicdesk
