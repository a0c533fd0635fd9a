#include "crypto/Crypto.h"

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
