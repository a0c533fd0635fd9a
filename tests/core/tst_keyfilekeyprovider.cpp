#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "keys/KeyFileKeyProvider.h"

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
