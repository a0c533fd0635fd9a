#include "crypto/BlindIndex.h"

#include "crypto/Crypto.h"

namespace clinicdesk {

BlindIndex::BlindIndex(QByteArrayView dataKey)
    : m_key(
          crypto::hkdfSha256(dataKey, "clinicdesk", "clinicdesk/blind-index/v1", crypto::kKeyBytes))
{}

BlindIndex::~BlindIndex() = default;

QString BlindIndex::normalizePhone(QStringView phone)
{
    QString digits;
    for (QChar c : phone) {
        if (c.isDigit())
            digits.append(QChar(u'0' + c.digitValue()));
    }
    if (digits.size() == 11 && digits.startsWith(u'1'))
        digits.remove(0, 1);
    return digits.size() == 10 ? digits : QString();
}

QString BlindIndex::normalizeName(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    for (QChar c : decomposed) {
        if (c.isLetter())
            out.append(c.toCaseFolded());
    }
    return out;
}

QByteArray BlindIndex::phone(QStringView phone) const
{
    const QString normal = normalizePhone(phone);
    if (normal.isEmpty() || m_key.isEmpty())
        return {};
    return crypto::hmacSha256(m_key.view(), QByteArray("phone\0", 6) + normal.toUtf8());
}

QByteArray BlindIndex::nameDob(QStringView firstName, QStringView lastName, QDate dob) const
{
    const QString first = normalizeName(firstName);
    const QString last = normalizeName(lastName);
    if (first.isEmpty() || last.isEmpty() || !dob.isValid() || m_key.isEmpty())
        return {};
    const QByteArray input = QByteArray("name-dob\0", 9) + first.toUtf8() + '\0' + last.toUtf8() +
                             '\0' + dob.toString(Qt::ISODate).toUtf8();
    return crypto::hmacSha256(m_key.view(), input);
}

} // namespace clinicdesk
