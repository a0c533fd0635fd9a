#include "store/LocalStore.h"

#include "base/Logging.h"
#include "base/TestSeam.h"
#include "crypto/Crypto.h"
#include "store/PatientRepository.h"
#include "store/Schema.h"
#include "store/StoreKeyOpener.h"
#include "store/Workstations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace clinicdesk {
namespace {

// The key check (StoreKeyOpener): opening it proves the key ring fits this store.
const QByteArray kKeyCheckPlain = QByteArrayLiteral("clinicdesk key check");

} // namespace

LocalStore::~LocalStore()
{
    m_db.reset();
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the shared lock
}

QString LocalStore::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("clinicdesk.sqlite"));
}

QString LocalStore::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("clinicdesk"));
}

std::function<Result<std::unique_ptr<Database>>()> LocalStore::connectionOpener() const
{
    const StoreLocation location = m_location;
    const QString path = databasePath(m_dataDir);
    const bool full = m_synchronousFull;
    return [location, path, full]() -> Result<std::unique_ptr<Database>> {
        if (location.postgres)
            return Database::openPostgres(*location.postgres, location.password,
                                          Database::Options{full, false});
        return Database::openSqlite(path, Database::Options{full, false});
    };
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const Options &options)
{
    if (!options.keys)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no key provider given"));
    QDir dir(options.dataDir);
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot create data directory %1").arg(options.dataDir));
    QFile::setPermissions(dir.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    std::unique_ptr<LocalStore> store(new LocalStore);
    store->m_dataDir = dir.absolutePath();
    store->m_synchronousFull = options.synchronousFull;
    const QByteArray lockPath = QFile::encodeName(dir.filePath(QStringLiteral("store.lock")));
    store->m_lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (store->m_lockFd < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot open %1: %2")
                                            .arg(QFile::decodeName(lockPath),
                                                 QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(store->m_lockFd, LOCK_SH | LOCK_NB) != 0)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the store's data key is being rotated "
                                        "(clinicdesk-admin keys rotate); open it again when that "
                                        "has finished"));
    store->m_location = options.location;
    auto db = store->connectionOpener()();
    if (!db)
        return db.error();
    store->m_db = std::move(db).value();
    if (!options.create && store->m_db->schemaVersion() == 0)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no ClinicDesk store in %1; start clinicdesk once, or "
                                        "give the console's store")
                             .arg(options.location.describe(store->m_dataDir)));
    if (auto r = store->m_db->migrate(schema::migrations()); !r)
        return r.error();

    if (auto r = store->openKeys(*options.keys); !r)
        return r.error();
    if (auto r = store->sealStagedText(); !r)
        return r.error();
    // Several workstations (PostgreSQL): a revoked one is refused, a new one recorded.
    if (store->m_location.isPostgres()) {
        if (auto r = Workstations(*store->m_db)
                         .checkAllowed(Workstations::thisWorkstation(),
                                       QDateTime::currentMSecsSinceEpoch());
            !r)
            return r.error();
    }
    qCInfo(lcStore) << "store open, schema version" << store->m_db->schemaVersion() << "key id"
                    << store->m_cipher.ring().currentId();
    return store;
}

Result<void> LocalStore::openKeys(KeyProvider &keys)
{
    StoreKeyOpener::Spec spec{QStringLiteral("the store in %1").arg(m_dataDir),
                              QUuid::createUuid().toString(QUuid::WithoutBraces), kKeyCheckPlain,
                              // The blind index key is named in meta from the start.
                              [this](const FieldCipher &cipher) {
                                  return writeBlindIndexKeyId(cipher.ring().currentId());
                              }};
    auto opened = StoreKeyOpener::open(*m_db, keys, spec);
    if (!opened)
        return opened.error();
    m_storeId = opened->storeId;
    m_cipher = opened->cipher;
    if (opened->created) {
        m_blindIndex = BlindIndex(m_cipher.ring().currentKey());
        return {};
    }
    auto indexKey =
        m_db->exec(QStringLiteral("SELECT value FROM meta WHERE key = 'blind_index_key_id'"));
    if (!indexKey)
        return indexKey.error();
    const quint32 indexKeyId = indexKey->next() ? indexKey->value(0).toUInt() : 0;
    if (!m_cipher.ring().contains(indexKeyId))
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("the key ring in %1 lacks key %2, which the store's search "
                                        "index uses")
                             .arg(keys.description())
                             .arg(indexKeyId));
    m_blindIndex = BlindIndex(m_cipher.ring().key(indexKeyId));
    return {};
}

// The blind index key is derived from the key named here, so that it changes only when the
// rotation that rebuilt the indexes commits.
Result<void> LocalStore::writeBlindIndexKeyId(quint32 keyId)
{
    auto r = m_db->exec(QStringLiteral("DELETE FROM meta WHERE key = 'blind_index_key_id'"));
    if (r)
        r = m_db->exec(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('blind_index_key_id', ?)"),
            {QString::number(keyId)});
    if (!r)
        return r.error();
    return {};
}

// Migration 10 moved the provider's refusal and error text, stored in clear before, to
// refusal_text_unsealed: sealed here into the columns it came from, in one transaction that also
// empties the table (a second program opening the store at the same time finds nothing left).
Result<void> LocalStore::sealStagedText()
{
    const QString staged = QStringLiteral("refusal_text_unsealed");
    auto any = m_db->exec(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(staged));
    if (!any)
        return any.error();
    if (!any->next())
        return {};
    int sealedCount = 0;
    auto r = m_db->transaction([&]() -> Result<void> {
        auto rows =
            m_db->exec(QStringLiteral("SELECT table_name, row_id, column_name, plain_text FROM %1")
                           .arg(staged));
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const QString table = rows->value(0).toString();
            const QString id = rows->value(1).toString();
            const QString column = rows->value(2).toString();
            // Only a sealed column may be named (the names go into the statement).
            const bool known =
                std::any_of(schema::sealedTables().cbegin(), schema::sealedTables().cend(),
                            [&](const schema::SealedTable &t) {
                                return t.table == table && t.columns.contains(column);
                            });
            if (!known)
                return makeError(ErrorCode::Integrity,
                                 QStringLiteral("%1 names %2.%3, which is no sealed column")
                                     .arg(staged, table, column));
            auto sealed = m_cipher.sealText(table, id, column, rows->value(3).toString());
            if (!sealed)
                return sealed.error();
            if (auto u = m_db->exec(
                    QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, column),
                    {sealed.value(), id});
                !u)
                return u.error();
            ++sealedCount;
        }
        if (auto d = m_db->exec(QStringLiteral("DELETE FROM %1").arg(staged)); !d)
            return d.error();
        return {};
    });
    if (!r)
        return r.error();
    qCInfo(lcStore) << "sealed provider texts stored in clear by an earlier version:"
                    << sealedCount;
    return {};
}

Result<void> LocalStore::reseal(const FieldCipher &from, const FieldCipher &to)
{
    for (const schema::SealedTable &table : schema::sealedTables()) {
        const QString select = QStringLiteral("SELECT id, %1 FROM %2")
                                   .arg(table.columns.join(QStringLiteral(", ")), table.table);
        auto rows = m_db->exec(select);
        if (!rows)
            return rows.error();
        QStringList assignments;
        for (const QString &column : table.columns)
            assignments << QStringLiteral("%1 = ?").arg(column);
        const QString update = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                   .arg(table.table, assignments.join(QStringLiteral(", ")));
        while (rows->next()) {
            const QString id = rows->value(0).toString();
            QVariantList values;
            for (int i = 0; i < table.columns.size(); ++i) {
                const QByteArray sealed = rows->value(i + 1).toByteArray();
                if (sealed.isNull()) {
                    values << QVariant(QMetaType::fromType<QByteArray>());
                    continue;
                }
                auto plain = from.open(table.table, id, table.columns[i], sealed);
                if (!plain)
                    return plain.error();
                auto resealed = to.seal(table.table, id, table.columns[i], plain.value());
                crypto::wipe(plain.value());
                if (!resealed)
                    return resealed.error();
                values << resealed.value();
            }
            values << id;
            if (auto r = m_db->exec(update, values); !r)
                return r.error();
        }
    }
    return {};
}

Result<quint32> LocalStore::rotateDataKey(KeyProvider &keys)
{
    // Nobody else may have the store open: a console or relay would go on sealing new values
    // with the retired key, which nothing could open afterwards.
    if (m_lockFd >= 0 && ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        (void)::flock(m_lockFd, LOCK_SH | LOCK_NB);
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the store is open in another program (the console, a "
                                        "relay or another clinicdesk-admin): close them, then "
                                        "rotate the key"));
    }
    struct Downgrade
    {
        int fd;
        ~Downgrade()
        {
            if (fd >= 0)
                (void)::flock(fd, LOCK_SH);
        }
    } downgrade{m_lockFd};

    // Another store on the same keys (one key file for two stores) would lose its data when
    // the old key is retired.
    auto others = keys.otherStores(m_storeId);
    if (!others)
        return others.error();
    if (!others->isEmpty())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 also holds the keys of store(s) %2: retiring the old "
                                        "key would make their data unreadable. Give each store "
                                        "its own key file, then rotate")
                             .arg(keys.description(), others->join(QStringLiteral(", "))));

    const KeyRing oldRing = m_cipher.ring();
    KeyRing newRing = oldRing;
    const quint32 newId = newRing.addKey();
    // 1. The new key reaches the provider first: whatever happens next, every value stays
    //    openable (old values by the old key, still in the ring).
    if (auto r = keys.save(m_storeId, newRing); !r)
        return r.error();

    const FieldCipher oldCipher = m_cipher;
    const FieldCipher newCipher(newRing);
    const BlindIndex oldIndex = m_blindIndex;
    m_cipher = newCipher;
    m_blindIndex = BlindIndex(newRing.currentKey()); // used by rebuildBlindIndex below
    // 2. Everything re-encrypted, indexes rebuilt and the key check replaced, atomically.
    //    Synced: step 3 retires the old key, so this commit must be on disk first (a power cut
    //    that took it back would leave values sealed with a key that no longer exists).
    auto result = m_db->transaction(
        [&]() -> Result<void> {
            if (auto r = reseal(oldCipher, newCipher); !r)
                return r;
            if (auto r = PatientRepository(*this).rebuildBlindIndex(); !r)
                return r;
            if (auto r = StoreKeyOpener::writeKeyCheck(*m_db, m_cipher, kKeyCheckPlain); !r)
                return r;
            if (auto r = writeBlindIndexKeyId(m_cipher.ring().currentId()); !r)
                return r;
            // An invitation holds the old ring, which the next step retires.
            if (auto r = Workstations(*m_db).dropInvitations(); !r)
                return r;
            testseam::pauseAt("keys-rotate-before-commit");
            return {};
        },
        Database::Durability::Synced);
    if (!result) {
        // The provider's ring holds old and new keys, so everything stays readable, and the
        // blind index key id in meta was rolled back with the rest.
        m_cipher = newCipher;
        m_blindIndex = oldIndex;
        return result.error();
    }
    // 3. Retire the old keys. If this save fails the ring merely keeps unused old keys.
    for (quint32 id : oldRing.ids())
        newRing.remove(id);
    if (auto r = keys.save(m_storeId, newRing); !r)
        qCWarning(lcStore) << "rotation committed but old keys could not be removed from"
                           << keys.description();
    m_cipher = FieldCipher(newRing);
    qCInfo(lcStore) << "data key rotated to key id" << newId;
    return newId;
}

} // namespace clinicdesk
