#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace clinicdesk {

// Key material that is wiped in every copy. QByteArray shares its buffer between copies, and
// wiping one copy detaches it (a fresh buffer is wiped, the shared one is left): key bytes then
// outlive their last owner in freed memory. A SecretBytes owns its buffer alone: copying it
// copies the bytes into a buffer of its own, and each buffer is wiped in place when its owner is
// destroyed or assigned, whoever else still shares it. bytes() hands out such a shared handle
// without copying: it reads zeros once the owner is gone, so keep it no longer than the owner.
class SecretBytes
{
public:
    SecretBytes() = default;
    // Takes the buffer when no one else shares it; otherwise copies the bytes (the other holders
    // remain responsible for their buffer).
    explicit SecretBytes(QByteArray bytes);
    explicit SecretBytes(QByteArrayView bytes);
    SecretBytes(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    QByteArrayView view() const { return m_bytes; }
    const QByteArray &bytes() const { return m_bytes; }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    bool operator==(const SecretBytes &other) const;
    void clear();

    // Wipes a buffer in place, shared or not (for buffers whose every holder is done with them).
    static void wipeInPlace(QByteArray &bytes);

private:
    QByteArray m_bytes;
};

} // namespace clinicdesk
