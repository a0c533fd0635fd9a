#pragma once

#include "keys/KeyProvider.h"

namespace clinicdesk {

// A key ring in an explicit file, for headless services (`--key-file`). The file must belong to
// the current user and grant nothing to group or others (0600 or 0400); anything else is refused.
//
// A key file belongs to one store: the ring is saved with its store id, and an operator-made
// file (one base64 line) is bound to the first store that opens it. Another store is refused
// (WrongKey on load, Conflict on save), so that two stores can never share one file, where a key
// rotation of one would retire the key the other's data is sealed with. An empty store id (tools,
// tests) neither checks nor binds.
class KeyFileKeyProvider final : public KeyProvider
{
public:
    explicit KeyFileKeyProvider(QString path);

    QString description() const override;
    Result<KeyRing> load(const QString &storeId) override;
    // Writes atomically, created 0600, on disk (file and directory synced) when it returns.
    Result<void> save(const QString &storeId, const KeyRing &ring) override;
    // Beside the key file: <key file>.audit-anchor, 0600.
    Result<QByteArray> loadAnchor(const QString &storeId) override;
    Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) override;

    // The permission check on its own, for callers that want to fail early.
    static Result<void> checkPermissions(const QString &path);

private:
    QString m_path;
};

} // namespace clinicdesk
