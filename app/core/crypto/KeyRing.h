#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>

namespace clinicdesk {

// The data keys of one store, by id. Every sealed value names the id of the key that sealed it,
// so after a rotation old and new keys can coexist until the re-encryption has committed.
class KeyRing
{
public:
    KeyRing() = default;
    KeyRing(const KeyRing &other) = default;
    KeyRing &operator=(const KeyRing &other) = default;
    ~KeyRing();

    // A ring with one fresh random key, id 1.
    static KeyRing generate();
    // Accepts our JSON form, or (for operator-made key files) one base64 line of 32 bytes = id 1.
    static Result<KeyRing> parse(const QByteArray &bytes);
    QByteArray serialize() const;

    bool isEmpty() const { return m_keys.isEmpty(); }
    quint32 currentId() const { return m_currentId; }
    QByteArray currentKey() const { return m_keys.value(m_currentId); }
    bool contains(quint32 id) const { return m_keys.contains(id); }
    QByteArray key(quint32 id) const { return m_keys.value(id); }
    QList<quint32> ids() const { return m_keys.keys(); }

    // Adds a fresh random key with the next id and makes it current; returns the id.
    quint32 addKey();
    void remove(quint32 id);

private:
    QMap<quint32, QByteArray> m_keys;
    quint32 m_currentId = 0;
};

} // namespace clinicdesk
