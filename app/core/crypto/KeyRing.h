#pragma once

#include "base/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QStringList>

namespace clinicdesk {

// The data keys of one store, by id. Every sealed value names the id of the key that sealed it,
// so after a rotation old and new keys can coexist until the re-encryption has committed.
//
// Key bytes are SecretBytes: wiped in every copy. The ring's text form is written and read here
// without Qt's JSON classes, whose internal copies of the (base64) keys would outlive the ring
// unwiped; serialize()'s result is the caller's to wipe.
class KeyRing
{
public:
    KeyRing() = default;

    // A ring with one fresh random key, id 1.
    static KeyRing generate();
    // Accepts our JSON form, or (for operator-made key files) one base64 line of 32 bytes = id 1.
    // `stores` receives the store ids the JSON form names (KeyFileKeyProvider), if asked.
    static Result<KeyRing> parse(QByteArrayView bytes, QStringList *stores = nullptr);
    // {"format":"clinicdesk-keyring-1","current":N,"keys":{"1":"<base64>",…}[,"stores":[…]]}
    QByteArray serialize(const QStringList &stores = {}) const;

    bool isEmpty() const { return m_keys.isEmpty(); }
    quint32 currentId() const { return m_currentId; }
    // Handles on the ring's own buffers (no copy): valid while the ring lives.
    QByteArray currentKey() const { return key(m_currentId); }
    QByteArray key(quint32 id) const;
    bool contains(quint32 id) const { return m_keys.contains(id); }
    QList<quint32> ids() const { return m_keys.keys(); }

    // Adds a fresh random key with the next id and makes it current; returns the id.
    quint32 addKey();
    void remove(quint32 id);

private:
    QMap<quint32, SecretBytes> m_keys;
    quint32 m_currentId = 0;
};

} // namespace clinicdesk
