#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/Database.h"
#include "store/StoreKeyOpener.h"

#include <QTest>

using namespace clinicdesk;

namespace {

// A real key file, watched: what the store's meta table held at each save, and a switch that
// makes saving fail (a full disk, a locked keychain).
class WatchedKeyFile final : public KeyProvider
{
public:
    WatchedKeyFile(const QString &path, Database &db)
        : m_file(path)
        , m_db(db)
    {}

    QString description() const override { return m_file.description(); }
    Result<KeyRing> load(const QString &storeId) override { return m_file.load(storeId); }
    Result<void> save(const QString &storeId, const KeyRing &ring) override
    {
        auto id = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM meta"));
        metaRowsAtSave << (id && id->next() ? id->value(0).toInt() : -1);
        if (failSave)
            return makeError(ErrorCode::Io, QStringLiteral("the key file cannot be written"));
        return m_file.save(storeId, ring);
    }
    Result<QByteArray> loadAnchor(const QString &storeId) override
    {
        return m_file.loadAnchor(storeId);
    }
    Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) override
    {
        return m_file.saveAnchor(storeId, anchor);
    }

    QList<int> metaRowsAtSave;
    bool failSave = false;

private:
    KeyFileKeyProvider m_file;
    Database &m_db;
};

const QList<Migration> kMeta = {
    {1,
     QStringLiteral("meta"),
     {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")}}};

std::unique_ptr<Database> openDb(const QTemporaryDir &dir)
{
    auto db = Database::openSqlite(dir.filePath(QStringLiteral("s.sqlite")));
    if (!db || !db.value()->migrate(kMeta))
        qFatal("cannot open the test database");
    return std::move(db).value();
}

StoreKeyOpener::Spec spec(const QString &id = QStringLiteral("test-1"))
{
    return {QStringLiteral("the test store"), id, QByteArrayLiteral("test key check"), {}};
}

int metaRows(Database &db)
{
    auto q = db.exec(QStringLiteral("SELECT COUNT(*) FROM meta"));
    return q && q->next() ? q->value(0).toInt() : -1;
}

} // namespace

// The key start-up of every encrypted store (LocalStore, InboxStore, SandboxStore).
class TestStoreKeyOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newStoreSavesItsKeyBeforeRecordingItsId()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
        auto opened = StoreKeyOpener::open(*db, keys, spec());
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QVERIFY(opened->created);
        QCOMPARE(opened->storeId, QStringLiteral("test-1"));
        QCOMPARE(keys.metaRowsAtSave, QList<int>{0}); // saved while the store had no id
        QCOMPARE(metaRows(*db), 2);                   // store_id and key_check

        // Opened again: the same ring, nothing saved, nothing made.
        auto again = StoreKeyOpener::open(*db, keys, spec(QStringLiteral("unused")));
        QVERIFY(again);
        QVERIFY(!again->created);
        QCOMPARE(again->storeId, QStringLiteral("test-1"));
        QCOMPARE(again->cipher.ring().currentKey(), opened->cipher.ring().currentKey());
        QCOMPARE(keys.metaRowsAtSave.size(), 1);
    }

    void failedKeySaveLeavesNoStore()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
        keys.failSave = true;
        auto opened = StoreKeyOpener::open(*db, keys, spec());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Io);
        QCOMPARE(metaRows(*db), 0); // nothing that a later start could not open
        keys.failSave = false;
        QVERIFY(StoreKeyOpener::open(*db, keys, spec()));
    }

    void newStoreTakesAKeyRingMadeBeforehand()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        const QString path = test::writeKeyFile(dir, QStringLiteral("k"));
        const KeyRing made = KeyFileKeyProvider(path).load({}).value();
        WatchedKeyFile keys(path, *db);
        auto opened = StoreKeyOpener::open(*db, keys, spec());
        QVERIFY(opened);
        QVERIFY(keys.metaRowsAtSave.isEmpty());
        QCOMPARE(opened->cipher.ring().currentKey(), made.currentKey());
    }

    void existingStoreWithoutItsKeyIsRefused()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        {
            WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
            QVERIFY(StoreKeyOpener::open(*db, keys, spec()));
        }
        WatchedKeyFile elsewhere(dir.filePath(QStringLiteral("missing")), *db);
        auto opened = StoreKeyOpener::open(*db, elsewhere, spec());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::KeyNotFound);
        QVERIFY2(
            opened.error().message.contains(QStringLiteral("the test store (store id test-1)")),
            qPrintable(opened.error().message));
        QVERIFY(opened.error().message.contains(elsewhere.description()));
        QVERIFY(elsewhere.metaRowsAtSave.isEmpty()); // never a silent new key
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing"))));
    }

    void existingStoreWithAnotherKeyIsRefused()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        {
            WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
            QVERIFY(StoreKeyOpener::open(*db, keys, spec()));
        }
        WatchedKeyFile other(test::writeKeyFile(dir, QStringLiteral("other")), *db);
        auto opened = StoreKeyOpener::open(*db, other, spec());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::WrongKey);
        QVERIFY2(opened.error().message.contains(QStringLiteral("does not open the test store")),
                 qPrintable(opened.error().message));
        QVERIFY(other.metaRowsAtSave.isEmpty());
    }

    void keyCheckTextIsTheStoresOwn()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
        QVERIFY(StoreKeyOpener::open(*db, keys, spec()));
        StoreKeyOpener::Spec other = spec();
        other.keyCheckText = QByteArrayLiteral("another store's key check");
        auto opened = StoreKeyOpener::open(*db, keys, other);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::WrongKey);
    }

    void newStoreInitialisesInTheSameTransaction()
    {
        QTemporaryDir dir;
        auto db = openDb(dir);
        WatchedKeyFile keys(dir.filePath(QStringLiteral("k")), *db);
        StoreKeyOpener::Spec failing = spec();
        failing.initialiseNew = [](const FieldCipher &) -> Result<void> {
            return makeError(ErrorCode::Database, QStringLiteral("cannot initialise"));
        };
        QVERIFY(!StoreKeyOpener::open(*db, keys, failing));
        QCOMPARE(metaRows(*db), 0); // the id and key check were rolled back with it
    }
};

QTEST_GUILESS_MAIN(TestStoreKeyOpener)
#include "tst_storekeyopener.moc"
