#pragma once

#include "base/Result.h"
#include "crypto/FieldCipher.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace clinicdesk {

class Database;
class KeyProvider;

// The key start-up every encrypted store shares: the console's LocalStore, the inbox's store and
// the sandbox's. Each keeps its id and a key check (a known text sealed with its key ring, bound
// to meta/key_check/value) in a `meta (key, value)` table.
//
// - A new store (no id yet): the key ring is the one the provider already holds under the new id
//   (an operator's key file made beforehand) or a fresh one, saved to the provider *before* the
//   store records its id and key check (one transaction): a failure leaves nothing that cannot be
//   opened.
// - An existing store: its key ring must be in the provider (KeyNotFound otherwise) and must open
//   the key check (WrongKey otherwise); both errors name the store and the provider. A new key is
//   never made for existing data: it could not open it.
class StoreKeyOpener
{
public:
    struct Spec
    {
        QString storeName;       // in messages: "the store in /path", "the inbox store"
        QString newStoreId;      // the id a new store gets
        QByteArray keyCheckText; // the known text sealed as the key check
        // Run inside a new store's transaction, after its id and key check are written.
        std::function<Result<void>(const FieldCipher &)> initialiseNew;
    };
    struct Opened
    {
        QString storeId;
        FieldCipher cipher;
        bool created = false;
    };

    static Result<Opened> open(Database &db, KeyProvider &keys, const Spec &spec);
    // Replaces the key check with `text` sealed by `cipher` (a new store; a key rotation).
    static Result<void> writeKeyCheck(Database &db, const FieldCipher &cipher,
                                      const QByteArray &text);
};

} // namespace clinicdesk
