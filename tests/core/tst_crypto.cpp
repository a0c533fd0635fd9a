#include "crypto/Crypto.h"
#include "crypto/PasswordHasher.h"

#include <QTest>

using namespace clinicdesk;

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealOpenRoundTrip()
    {
        const QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
        const QByteArray plain = "Maria Lopez, 555-010-1234";
        auto sealed = crypto::aesGcmSeal(key, plain, "aad");
        QVERIFY(sealed);
        QCOMPARE(sealed->size(), plain.size() + crypto::kNonceBytes + crypto::kTagBytes);
        QVERIFY(!sealed->contains(plain));
        auto opened = crypto::aesGcmOpen(key, *sealed, "aad");
        QVERIFY(opened);
        QCOMPARE(*opened, plain);
    }

    void emptyPlaintextRoundTrip()
    {
        const QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
        auto sealed = crypto::aesGcmSeal(key, QByteArray(), {});
        QVERIFY(sealed);
        auto opened = crypto::aesGcmOpen(key, *sealed, {});
        QVERIFY(opened);
        QVERIFY(opened->isEmpty());
    }

    void freshNonceEachTime()
    {
        const QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
        auto a = crypto::aesGcmSeal(key, "same", {});
        auto b = crypto::aesGcmSeal(key, "same", {});
        QVERIFY(a && b);
        QVERIFY(a->first(crypto::kNonceBytes) != b->first(crypto::kNonceBytes));
        QVERIFY(*a != *b);
    }

    void everyTamperedByteRejected()
    {
        const QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
        auto sealed = crypto::aesGcmSeal(key, "allergic to penicillin", "patients|1|allergies");
        QVERIFY(sealed);
        for (int i = 0; i < sealed->size(); ++i) {
            QByteArray bad = *sealed;
            bad[i] = char(bad[i] ^ 0x01);
            auto opened = crypto::aesGcmOpen(key, bad, "patients|1|allergies");
            QVERIFY2(!opened, qPrintable(QStringLiteral("flipped byte %1 accepted").arg(i)));
            QCOMPARE(opened.error().code, ErrorCode::DecryptFailed);
        }
    }

    void wrongKeyAadAndTruncationRejected()
    {
        const QByteArray key = crypto::randomBytes(crypto::kKeyBytes);
        auto sealed = crypto::aesGcmSeal(key, "secret", "a");
        QVERIFY(sealed);
        QVERIFY(!crypto::aesGcmOpen(crypto::randomBytes(crypto::kKeyBytes), *sealed, "a"));
        QVERIFY(!crypto::aesGcmOpen(key, *sealed, "b"));
        QVERIFY(!crypto::aesGcmOpen(key, sealed->chopped(1), "a"));
        QVERIFY(!crypto::aesGcmOpen(key, sealed->first(crypto::kNonceBytes + crypto::kTagBytes - 1),
                                    "a"));
        QVERIFY(!crypto::aesGcmOpen(key, QByteArray(), "a"));
    }

    void badKeySizeIsAnError()
    {
        auto sealed = crypto::aesGcmSeal("short", "x", {});
        QVERIFY(!sealed);
        QCOMPARE(sealed.error().code, ErrorCode::InvalidInput);
    }

    // RFC 4231 test case 2.
    void hmacKnownAnswer()
    {
        const QByteArray mac = crypto::hmacSha256("Jefe", "what do ya want for nothing?");
        QCOMPARE(mac.toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    // RFC 5869 test case 1.
    void hkdfKnownAnswer()
    {
        const QByteArray ikm(22, 0x0b);
        const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
        const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
        QCOMPARE(crypto::hkdfSha256(ikm, salt, info, 42).toHex(),
                 QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            "34007208d5b887185865"));
    }

    // AES-256-GCM known answers from the GCM specification (McGrew & Viega, "The Galois/Counter
    // Mode of Operation", test cases 13 to 16, the AES-256 ones; also in NIST's GCM validation
    // vectors), opened through the project's aesGcmOpen: nonce || ciphertext || tag, as stored.
    void aesGcmKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("cipher");
        QTest::addColumn<QByteArray>("tag");
        const QByteArray zeroKey(32, '\0');
        const QByteArray zeroNonce(12, '\0');
        const QByteArray key =
            QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray nonce = QByteArray::fromHex("cafebabefacedbaddecaf888");
        const QByteArray plain =
            QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        const QByteArray cipher =
            QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
        QTest::newRow("case 13: empty")
            << zeroKey << zeroNonce << QByteArray() << QByteArray() << QByteArray()
            << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("case 14: one zero block")
            << zeroKey << zeroNonce << QByteArray(16, '\0') << QByteArray()
            << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
            << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("case 15: four blocks")
            << key << nonce << plain << QByteArray() << cipher
            << QByteArray::fromHex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("case 16: 60 bytes with associated data")
            << key << nonce << plain.left(60)
            << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2") << cipher.left(60)
            << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
    }

    void aesGcmKnownAnswers()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, cipher);
        QFETCH(QByteArray, tag);
        const QByteArray sealed = nonce + cipher + tag;
        auto opened = crypto::aesGcmOpen(key, sealed, aad);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(opened->toHex(), plain.toHex());
        // The published tag is the only one that opens it.
        QByteArray badTag = sealed;
        badTag[badTag.size() - 1] = char(badTag.at(badTag.size() - 1) ^ 1);
        auto forged = crypto::aesGcmOpen(key, badTag, aad);
        QVERIFY2(!forged, "opened with a wrong tag");
        QCOMPARE(forged.error().code, ErrorCode::DecryptFailed);
        auto moved = crypto::aesGcmOpen(key, sealed, aad + 'x');
        QVERIFY2(!moved, "opened with other associated data");
        QCOMPARE(moved.error().code, ErrorCode::DecryptFailed);
        // What the project seals has the same layout: its own output opens the same way.
        auto resealed = crypto::aesGcmSeal(key, plain, aad);
        QVERIFY(resealed);
        QCOMPARE(resealed->size(), sealed.size());
        QCOMPARE(crypto::aesGcmOpen(key, *resealed, aad).value(), plain);
    }

    // scrypt known answers from RFC 7914, section 12 (the fourth, N = 2^20, needs 1 GiB and is
    // left out).
    void scryptKnownAnswers_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<QByteArray>("derived");
        QTest::newRow("empty") << QByteArray() << QByteArray() << quint64(16) << quint32(1)
                               << quint32(1)
                               << QByteArray(
                                      "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa"
                                      "3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d"
                                      "3628cf35e20c38d18906");
        QTest::newRow("password/NaCl")
            << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
            << quint32(16)
            << QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                          "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        QTest::newRow("pleaseletmein/SodiumChloride")
            << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384)
            << quint32(8) << quint32(1)
            << QByteArray("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                          "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    void scryptKnownAnswers()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(QByteArray, derived);
        QCOMPARE(crypto::scrypt(password, salt, n, r, p, 64).toHex(), derived);
        // A shorter output is the same prefix (what the password hasher keeps: 32 bytes).
        QCOMPARE(crypto::scrypt(password, salt, n, r, p, 32).toHex(), derived.left(64));
    }

    // Stored password hashes are exactly that scrypt: the salt and parameters in the string,
    // recomputed through the vector-tested function, give the hash in the string.
    void passwordHashesAreThatScrypt()
    {
        const PasswordHasher hasher(PasswordHasher::testing());
        const QString encoded = hasher.hash(QStringLiteral("correct horse battery"));
        PasswordHasher::Parameters parameters;
        QByteArray salt, hash;
        QVERIFY(PasswordHasher::parse(encoded, &parameters, &salt, &hash));
        QCOMPARE(crypto::scrypt("correct horse battery", salt, quint64(1) << parameters.log2N,
                                parameters.r, parameters.p, PasswordHasher::kHashBytes),
                 hash);
        QVERIFY(hasher.verify(QStringLiteral("correct horse battery"), encoded));
    }

    void constantTimeEquals()
    {
        QVERIFY(crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abcd"));
    }

    void wipeOverwrites()
    {
        QByteArray secret = "key material";
        crypto::wipe(secret);
        QCOMPARE(secret, QByteArray(12, '\0'));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
