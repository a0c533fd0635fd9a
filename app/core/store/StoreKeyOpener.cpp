#include "store/StoreKeyOpener.h"

#include "keys/KeyProvider.h"
#include "store/Database.h"

namespace clinicdesk {
namespace {

const QString kMeta = QStringLiteral("meta");
const QString kKeyCheck = QStringLiteral("key_check");
const QString kValue = QStringLiteral("value");

Result<StoreKeyOpener::Opened> createNew(Database &db, KeyProvider &keys,
                                         const StoreKeyOpener::Spec &spec)
{
    StoreKeyOpener::Opened opened{spec.newStoreId, FieldCipher(), true};
    auto existing = keys.load(opened.storeId);
    KeyRing ring;
    if (existing) {
        ring = existing.value();
    } else if (existing.error().code == ErrorCode::KeyNotFound) {
        ring = KeyRing::generate();
        if (auto saved = keys.save(opened.storeId, ring); !saved)
            return saved.error();
    } else {
        return existing.error();
    }
    opened.cipher.setRing(ring);
    auto written = db.transaction([&]() -> Result<void> {
        if (auto r = db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('store_id', ?)"),
                             {opened.storeId});
            !r)
            return r.error();
        if (auto r = StoreKeyOpener::writeKeyCheck(db, opened.cipher, spec.keyCheckText); !r)
            return r;
        return spec.initialiseNew ? spec.initialiseNew(opened.cipher) : Result<void>();
    });
    if (!written)
        return written.error();
    return opened;
}

Result<StoreKeyOpener::Opened> openExisting(Database &db, KeyProvider &keys,
                                            const StoreKeyOpener::Spec &spec,
                                            const QString &storeId)
{
    auto ring = keys.load(storeId);
    if (!ring) {
        if (ring.error().code != ErrorCode::KeyNotFound)
            return ring.error();
        return makeError(ErrorCode::KeyNotFound,
                         QStringLiteral("the data key of %1 (store id %2) is not in %3; restore it "
                                        "from your key backup. A new key cannot open the existing "
                                        "data, so none was created.")
                             .arg(spec.storeName, storeId, keys.description()));
    }
    StoreKeyOpener::Opened opened{storeId, FieldCipher(ring.value()), false};
    auto check = db.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'key_check'"));
    if (!check)
        return check.error();
    if (!check->next())
        return makeError(ErrorCode::Database,
                         QStringLiteral("%1 has no key check value").arg(spec.storeName));
    const QByteArray sealed = QByteArray::fromBase64(check->value(0).toString().toLatin1());
    auto plain = opened.cipher.open(kMeta, kKeyCheck, kValue, sealed);
    if (!plain || plain.value() != spec.keyCheckText)
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("the data key in %1 does not open %2 (store id %3): wrong "
                                        "key file or keychain entry")
                             .arg(keys.description(), spec.storeName, storeId));
    return opened;
}

} // namespace

Result<StoreKeyOpener::Opened> StoreKeyOpener::open(Database &db, KeyProvider &keys,
                                                    const Spec &spec)
{
    auto id = db.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'store_id'"));
    if (!id)
        return id.error();
    if (!id->next())
        return createNew(db, keys, spec);
    return openExisting(db, keys, spec, id->value(0).toString());
}

Result<void> StoreKeyOpener::writeKeyCheck(Database &db, const FieldCipher &cipher,
                                           const QByteArray &text)
{
    auto sealed = cipher.seal(kMeta, kKeyCheck, kValue, text);
    if (!sealed)
        return sealed.error();
    auto r = db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'key_check'"));
    if (r)
        r = db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('key_check', ?)"),
                    {QString::fromLatin1(sealed->toBase64())});
    if (!r)
        return r.error();
    return {};
}

} // namespace clinicdesk
