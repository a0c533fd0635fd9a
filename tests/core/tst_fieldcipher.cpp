#include "crypto/FieldCipher.h"

#include <QTest>

using namespace clinicdesk;

class TestFieldCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripNamesKeyId()
    {
        FieldCipher cipher(KeyRing::generate());
        auto sealed = cipher.sealText("patients", "row-1", "first_name", QStringLiteral("José"));
        QVERIFY(sealed);
        QCOMPARE(FieldCipher::keyIdOf(*sealed), std::optional<quint32>(1));
        auto opened = cipher.openText("patients", "row-1", "first_name", *sealed);
        QVERIFY(opened);
        QCOMPARE(*opened, QStringLiteral("José"));
    }

    void nullStaysNull()
    {
        FieldCipher cipher(KeyRing::generate());
        auto sealed = cipher.sealText("patients", "row-1", "email", QString());
        QVERIFY(sealed);
        QVERIFY(sealed->isNull());
        auto opened = cipher.openText("patients", "row-1", "email", QByteArray());
        QVERIFY(opened);
        QVERIFY(opened->isNull());
    }

    void boundToTableRowAndColumn_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("column");
        QTest::newRow("other row") << "patients"
                                   << "row-2"
                                   << "last_name";
        QTest::newRow("other column") << "patients"
                                      << "row-1"
                                      << "first_name";
        QTest::newRow("other table") << "drafts"
                                     << "row-1"
                                     << "last_name";
    }
    void boundToTableRowAndColumn()
    {
        QFETCH(QString, table);
        QFETCH(QString, row);
        QFETCH(QString, column);
        FieldCipher cipher(KeyRing::generate());
        auto sealed = cipher.seal("patients", "row-1", "last_name", "Lopez");
        QVERIFY(sealed);
        auto opened = cipher.open(table, row, column, *sealed);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::DecryptFailed);
        QVERIFY2(opened.error().message.contains(column), qPrintable(opened.error().message));
        QVERIFY(!opened.error().message.contains(QStringLiteral("Lopez")));
    }

    void tamperedTruncatedAndRelabelledRejected()
    {
        KeyRing ring = KeyRing::generate();
        ring.addKey(); // ids 1 and 2, current 2
        FieldCipher cipher(ring);
        auto sealed = cipher.seal("t", "r", "c", "value");
        QVERIFY(sealed);
        QByteArray tampered = *sealed;
        tampered[tampered.size() - 20] = char(tampered[tampered.size() - 20] ^ 0x80);
        QCOMPARE(cipher.open("t", "r", "c", tampered).error().code, ErrorCode::DecryptFailed);
        QCOMPARE(cipher.open("t", "r", "c", sealed->chopped(3)).error().code,
                 ErrorCode::DecryptFailed);
        QCOMPARE(cipher.open("t", "r", "c", sealed->first(4)).error().code,
                 ErrorCode::DecryptFailed);
        // Claiming key 1 sealed it (the header is authenticated) fails too.
        QByteArray relabelled = *sealed;
        relabelled[4] = 1;
        QCOMPARE(cipher.open("t", "r", "c", relabelled).error().code, ErrorCode::DecryptFailed);
        // Plaintext that was never sealed.
        QCOMPARE(cipher.open("t", "r", "c", "plain text").error().code, ErrorCode::DecryptFailed);
    }

    void wrongKeyRejected()
    {
        FieldCipher a(KeyRing::generate());
        FieldCipher b(KeyRing::generate()); // also key id 1, other bytes
        auto sealed = a.seal("t", "r", "c", "value");
        QVERIFY(sealed);
        QCOMPARE(b.open("t", "r", "c", *sealed).error().code, ErrorCode::DecryptFailed);
        KeyRing other;
        other.addKey();
        other.addKey();
        other.remove(1);
        FieldCipher c(other);
        QCOMPARE(c.open("t", "r", "c", *sealed).error().code, ErrorCode::WrongKey);
    }

    void noKeyNoSeal()
    {
        FieldCipher empty;
        auto sealed = empty.seal("t", "r", "c", "value");
        QVERIFY(!sealed);
        QCOMPARE(sealed.error().code, ErrorCode::KeyNotFound);
    }

    void keyRingSerialisationRoundTrip()
    {
        KeyRing ring = KeyRing::generate();
        ring.addKey();
        auto parsed = KeyRing::parse(ring.serialize());
        QVERIFY(parsed);
        QCOMPARE(parsed->currentId(), 2u);
        QCOMPARE(parsed->key(1), ring.key(1));
        QCOMPARE(parsed->key(2), ring.key(2));
        QVERIFY(!KeyRing::parse("{\"format\":\"other\"}"));
        QVERIFY(!KeyRing::parse("not base64 !!"));
        QVERIFY(!KeyRing::parse(QByteArray(16, 'A').toBase64())); // 16 bytes: too short
        auto single = KeyRing::parse(QByteArray(32, 'k').toBase64() + '\n');
        QVERIFY(single);
        QCOMPARE(single->currentId(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestFieldCipher)
#include "tst_fieldcipher.moc"
