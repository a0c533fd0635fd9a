// Hostile bytes where a key ring (keychain entry or key file) or a sealed column value is read:
// neither parser may crash, hang or accept a value it cannot authenticate.
#include "crypto/FieldCipher.h"
#include "crypto/KeyRing.h"

#include <cstdint>
#include <cstdlib>

using namespace clinicdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto ring = KeyRing::parse(bytes);
    if (ring && ring->currentKey().size() != 32)
        std::abort(); // a parsed ring always holds 32-byte keys

    static const FieldCipher cipher(KeyRing::generate());
    auto opened = cipher.open(QStringLiteral("patients"), QStringLiteral("row"),
                              QStringLiteral("first_name"), bytes);
    if (opened)
        std::abort(); // forging a GCM tag by chance is not a thing
    return 0;
}
