#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"

#include <QTest>

#include <sys/stat.h>

using namespace clinicdesk;

class TestKeyFileKeyProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedFileIs0600AndLoads()
    {
        QTemporaryDir dir;
        const QString path = test::writeKeyFile(dir);
        QCOMPARE(test::fileMode(path), 0600);
        KeyFileKeyProvider provider(path);
        auto ring = provider.load({});
        QVERIFY2(ring, qPrintable(ring ? QString() : ring.error().message));
        QCOMPARE(ring->currentId(), 1u);
    }

    void groupOrWorldReadableRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0666") << 0666;
    }
    void groupOrWorldReadableRefused()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = test::writeKeyFile(dir);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        KeyFileKeyProvider provider(path);
        auto ring = provider.load({});
        QVERIFY(!ring);
        QCOMPARE(ring.error().code, ErrorCode::KeyFileInsecure);
        QVERIFY2(ring.error().message.contains(QStringLiteral("0600")),
                 qPrintable(ring.error().message));
        QVERIFY(ring.error().message.contains(QString::number(mode, 8)));
    }

    void ownerReadOnlyAccepted()
    {
        QTemporaryDir dir;
        const QString path = test::writeKeyFile(dir);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0400), 0);
        QVERIFY(KeyFileKeyProvider(path).load({}));
    }

    void missingFileIsKeyNotFound()
    {
        QTemporaryDir dir;
        auto ring = KeyFileKeyProvider(dir.filePath(QStringLiteral("absent.key"))).load({});
        QVERIFY(!ring);
        QCOMPARE(ring.error().code, ErrorCode::KeyNotFound);
    }

    void malformedFileIsInvalid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.key"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a key\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto ring = KeyFileKeyProvider(path).load({});
        QVERIFY(!ring);
        QCOMPARE(ring.error().code, ErrorCode::KeyFileInvalid);
    }

    void operatorMadeBase64KeyAccepted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("op.key"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(crypto::randomBytes(32).toBase64() + '\n');
        f.close();
        auto ring = KeyFileKeyProvider(path).load({});
        QVERIFY(ring);
        QCOMPARE(ring->currentId(), 1u);
    }

    void twoStoresCannotShareOneKeyFile()
    {
        // Issue 13: two stores on one key file, and the first one's key rotation retired the key
        // the second one's data is sealed with. A key file now belongs to one store.
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("shared.key"));
        KeyFileKeyProvider keys(key);
        auto first = LocalStore::open({dir.filePath(QStringLiteral("a")), &keys, false});
        QVERIFY(first);
        const QString firstId = first.value()->storeId();
        auto second = LocalStore::open({dir.filePath(QStringLiteral("b")), &keys, false});
        QVERIFY2(!second, "a second store took the first one's key file");
        QCOMPARE(second.error().code, ErrorCode::WrongKey);
        QVERIFY(second.error().message.contains(firstId));
        QVERIFY(!QFile::exists(LocalStore::databasePath(dir.filePath(QStringLiteral("b")))) ||
                !LocalStore::open({dir.filePath(QStringLiteral("b")), &keys, false}));
        // The first store rotates and reopens as before.
        QVERIFY(first.value()->rotateDataKey(keys));
        first.value().reset();
        QVERIFY(LocalStore::open({dir.filePath(QStringLiteral("a")), &keys, false}));
        // Saving another store's ring into it is refused and changes nothing.
        const QByteArray before = [&] {
            QFile f(key);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        auto foreign = keys.save(QStringLiteral("another-store"), KeyRing::generate());
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().code, ErrorCode::Conflict);
        QFile after(key);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void operatorMadeKeyFileIsBoundToItsFirstStore()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("op.key"));
        QFile f(key);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(crypto::randomBytes(32).toBase64() + '\n');
        f.close();
        KeyFileKeyProvider keys(key);
        auto first = LocalStore::open({dir.filePath(QStringLiteral("a")), &keys, false});
        QVERIFY(first);
        QCOMPARE(test::fileMode(key), 0600);
        auto second = LocalStore::open({dir.filePath(QStringLiteral("b")), &keys, false});
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::WrongKey);
        // Tools that load without a store id still read it.
        QVERIFY(keys.load({}));
    }

    void directoryRefused()
    {
        QTemporaryDir dir;
        auto ring = KeyFileKeyProvider(dir.path()).load({});
        QVERIFY(!ring);
        QCOMPARE(ring.error().code, ErrorCode::KeyFileInvalid);
    }
};

QTEST_GUILESS_MAIN(TestKeyFileKeyProvider)
#include "tst_keyfilekeyprovider.moc"
