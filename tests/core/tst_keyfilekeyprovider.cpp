#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

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

    void twoStoresOnOneKeyFileCannotDestroyEachOther()
    {
        // Issue 13: two stores on one key file, and the first one's key rotation retired the key
        // the second one's data is sealed with. The file now knows both, and neither rotates.
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("shared.key"));
        KeyFileKeyProvider keys(key);
        const QString a = dir.filePath(QStringLiteral("a"));
        const QString b = dir.filePath(QStringLiteral("b"));
        QString bId;
        QString patientId;
        {
            auto first = LocalStore::open({a, &keys, false});
            QVERIFY(first);
            auto second = LocalStore::open({b, &keys, false});
            QVERIFY(second);
            bId = second.value()->storeId();
            Patient patient;
            patient.firstName = QStringLiteral("Ada");
            patient.lastName = QStringLiteral("Keyfile");
            patient.phone = QStringLiteral("2025550177");
            auto saved = PatientRepository(*second.value()).save(patient);
            QVERIFY(saved);
            patientId = saved.value();
            auto rotated = first.value()->rotateDataKey(keys);
            QVERIFY2(!rotated, "a rotation retired the key another store's data is sealed with");
            QCOMPARE(rotated.error().code, ErrorCode::Conflict);
            QVERIFY2(rotated.error().message.contains(bId), qPrintable(rotated.error().message));
            QVERIFY(!second.value()->rotateDataKey(keys));
        }
        // The second store still opens and reads its data.
        auto again = LocalStore::open({b, &keys, false});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        auto read = PatientRepository(*again.value()).get(patientId);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(read->lastName, QStringLiteral("Keyfile"));
    }

    void aStoreAloneOnItsKeyFileRotates()
    {
        // An operator-made file learns its store when it is first opened.
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("op.key"));
        QFile f(key);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(crypto::randomBytes(32).toBase64() + '\n');
        f.close();
        KeyFileKeyProvider keys(key);
        auto store = LocalStore::open({dir.filePath(QStringLiteral("a")), &keys, false});
        QVERIFY(store);
        QCOMPARE(test::fileMode(key), 0600);
        QCOMPARE(keys.otherStores(store.value()->storeId()).value(), QStringList());
        QVERIFY(store.value()->rotateDataKey(keys));
        QVERIFY(keys.load({})); // tools that load without a store id still read it
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
