#pragma once

#include "base/Result.h"
#include "crypto/KeyRing.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace clinicdesk {

// Seals one column value of one row with AES-256-GCM. The stored form is
//   version(1) = 0x01 || key id (4, big-endian) || nonce(12) || ciphertext || tag(16)
// and the associated data binds it to "<table>\0<row id>\0<column>" plus that header, so a value
// copied to another row, column or table, or relabelled with another key id, fails to open.
class FieldCipher
{
public:
    explicit FieldCipher(KeyRing ring = {});

    const KeyRing &ring() const { return m_ring; }
    void setRing(KeyRing ring) { m_ring = std::move(ring); }

    Result<QByteArray> seal(const QString &table, const QString &rowId, const QString &column,
                            QByteArrayView plaintext) const;
    Result<QByteArray> open(const QString &table, const QString &rowId, const QString &column,
                            QByteArrayView sealed) const;

    // UTF-8 string conveniences; a null QString seals to a null QByteArray (SQL NULL) and back.
    Result<QByteArray> sealText(const QString &table, const QString &rowId, const QString &column,
                                const QString &text) const;
    Result<QString> openText(const QString &table, const QString &rowId, const QString &column,
                             const QByteArray &sealed) const;

    // The key id a sealed value names, or nothing if the header is not ours.
    static std::optional<quint32> keyIdOf(QByteArrayView sealed);

private:
    KeyRing m_ring;
};

} // namespace clinicdesk
