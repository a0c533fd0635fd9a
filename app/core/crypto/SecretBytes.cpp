#include "crypto/SecretBytes.h"

#include <openssl/crypto.h>

namespace clinicdesk {

SecretBytes::SecretBytes(QByteArray bytes)
{
    if (bytes.isDetached()) {
        m_bytes = std::move(bytes);
    } else {
        m_bytes = QByteArray(bytes.constData(), bytes.size());
    }
}

SecretBytes::SecretBytes(QByteArrayView bytes)
    : m_bytes(bytes.data(), bytes.size())
{}

SecretBytes::SecretBytes(const SecretBytes &other)
    : m_bytes(other.m_bytes.constData(), other.m_bytes.size())
{}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    clear();
}

bool SecretBytes::operator==(const SecretBytes &other) const
{
    return m_bytes.size() == other.m_bytes.size() &&
           CRYPTO_memcmp(m_bytes.constData(), other.m_bytes.constData(), size_t(m_bytes.size())) ==
               0;
}

void SecretBytes::clear()
{
    wipeInPlace(m_bytes);
    m_bytes = QByteArray();
}

void SecretBytes::wipeInPlace(QByteArray &bytes)
{
    // Deliberately not data(): that would detach a shared buffer and wipe a fresh copy.
    if (!bytes.isEmpty())
        OPENSSL_cleanse(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
}

} // namespace clinicdesk
