#pragma once

#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace clinicdesk {

// Keyed hashes that let the store find a patient by phone or by name + date of birth without
// decrypting the table. The HMAC key is derived from the data key (HKDF, its own label), so the
// index is useless without the keychain, and is rebuilt when the data key rotates.
class BlindIndex
{
public:
    BlindIndex() = default;
    explicit BlindIndex(QByteArrayView dataKey);
    BlindIndex(const BlindIndex &) = default;
    BlindIndex &operator=(const BlindIndex &) = default;
    ~BlindIndex();

    // Null when the input does not normalise (not a 10-digit US phone; empty name; invalid date).
    QByteArray phone(QStringView phone) const;
    QByteArray nameDob(QStringView firstName, QStringView lastName, QDate dob) const;

    // "(555) 010-1234", "+1 555 010 1234", "15550101234" -> "5550101234"; otherwise empty.
    static QString normalizePhone(QStringView phone);
    // Case-, accent-, space- and punctuation-insensitive: "  José-María " -> "josemaria".
    static QString normalizeName(QStringView name);

private:
    SecretBytes m_key; // derived from the data key: wiped in every copy
};

} // namespace clinicdesk
