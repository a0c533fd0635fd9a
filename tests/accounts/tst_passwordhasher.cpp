#include "crypto/PasswordHasher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace clinicdesk;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

    const QString m_password = QStringLiteral("correct horse battery staple");

private Q_SLOTS:
    void roundTrip()
    {
        const PasswordHasher hasher(PasswordHasher::testing());
        const QString encoded = hasher.hash(m_password);
        QVERIFY(encoded.startsWith(QLatin1String("scrypt$10$8$1$")));
        QVERIFY(hasher.verify(m_password, encoded));
        QVERIFY(!encoded.contains(m_password));
        // Unicode passwords survive the UTF-8 round trip.
        const QString unicode = QStringLiteral("contraseña segura ñandú 🔒");
        QVERIFY(hasher.verify(unicode, hasher.hash(unicode)));
    }

    void freshSaltEachTime()
    {
        const PasswordHasher hasher(PasswordHasher::testing());
        const QString a = hasher.hash(m_password);
        const QString b = hasher.hash(m_password);
        QVERIFY(a != b);
        QByteArray saltA, saltB;
        QVERIFY(PasswordHasher::parse(a, nullptr, &saltA, nullptr));
        QVERIFY(PasswordHasher::parse(b, nullptr, &saltB, nullptr));
        QCOMPARE(saltA.size(), PasswordHasher::kSaltBytes);
        QVERIFY(saltA != saltB);
    }

    void wrongPassword()
    {
        const PasswordHasher hasher(PasswordHasher::testing());
        const QString encoded = hasher.hash(m_password);
        QVERIFY(!hasher.verify(QStringLiteral("correct horse battery stapl"), encoded));
        QVERIFY(!hasher.verify(m_password.toUpper(), encoded));
        QVERIFY(!hasher.verify(QString(), encoded));
    }

    void tamperedString_data()
    {
        QTest::addColumn<QString>("encoded");
        const PasswordHasher hasher(PasswordHasher::testing());
        const QString good = hasher.hash(m_password);
        const QStringList parts = good.split(QLatin1Char('$'));
        auto with = [&](int index, const QString &value) {
            QStringList copy = parts;
            copy[index] = value;
            return copy.join(QLatin1Char('$'));
        };
        QByteArray hash = QByteArray::fromBase64(parts[5].toLatin1());
        hash[0] = char(hash[0] ^ 0x01);
        QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
        salt[3] = char(salt[3] ^ 0x80);
        QTest::newRow("flipped hash bit") << with(5, QString::fromLatin1(hash.toBase64()));
        QTest::newRow("flipped salt bit") << with(4, QString::fromLatin1(salt.toBase64()));
        QTest::newRow("other N") << with(1, QStringLiteral("11"));
        QTest::newRow("other r") << with(2, QStringLiteral("4"));
        QTest::newRow("other p") << with(3, QStringLiteral("2"));
        QTest::newRow("truncated hash") << with(5, parts[5].left(20));
        QTest::newRow("bad base64") << with(5, QStringLiteral("!!!notbase64!!!"));
        QTest::newRow("other scheme") << with(0, QStringLiteral("pbkdf2"));
        QTest::newRow("N too large") << with(1, QStringLiteral("40"));
        QTest::newRow("N not a number") << with(1, QStringLiteral("x"));
        QTest::newRow("r zero") << with(2, QStringLiteral("0"));
        QTest::newRow("missing field") << parts.mid(0, 5).join(QLatin1Char('$'));
        QTest::newRow("extra field") << good + QStringLiteral("$x");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain password") << m_password;
    }

    void tamperedString()
    {
        QFETCH(QString, encoded);
        const PasswordHasher hasher(PasswordHasher::testing());
        QVERIFY(!hasher.verify(m_password, encoded));
    }

    void parametersHonoured()
    {
        const PasswordHasher::Parameters custom{11, 4, 2};
        const PasswordHasher maker(custom);
        const QString encoded = maker.hash(m_password);
        QVERIFY(encoded.startsWith(QLatin1String("scrypt$11$4$2$")));
        PasswordHasher::Parameters parsed;
        QVERIFY(PasswordHasher::parse(encoded, &parsed, nullptr, nullptr));
        QCOMPARE(parsed, custom);
        // Verification reads the cost from the string, not from the verifying hasher.
        const PasswordHasher other(PasswordHasher::testing());
        QVERIFY(other.verify(m_password, encoded));
        QVERIFY(other.needsRehash(encoded));
        QVERIFY(!maker.needsRehash(encoded));
        QVERIFY(other.needsRehash(QStringLiteral("garbage")));
    }

    void dummyHashCostsTheSame()
    {
        // The dummy used for unknown usernames must parse, or verification would return at once
        // and the timing would tell which usernames exist.
        const PasswordHasher hasher(PasswordHasher{}.parameters());
        PasswordHasher::Parameters parsed;
        QVERIFY(PasswordHasher::parse(hasher.dummyHash(), &parsed, nullptr, nullptr));
        QCOMPARE(parsed, hasher.parameters());
        QVERIFY(!hasher.needsRehash(hasher.dummyHash()));
        const PasswordHasher fast(PasswordHasher::testing());
        QVERIFY(!fast.verify(QString(), fast.dummyHash()));
        QVERIFY(!fast.verify(m_password, fast.dummyHash()));
    }

    void recommendedCostIsOwasp()
    {
        const PasswordHasher hasher;
        QCOMPARE(hasher.parameters().log2N, 17);
        QCOMPARE(hasher.parameters().r, 8u);
        QCOMPARE(hasher.parameters().p, 1u);
        // The real cost needs 128 MiB, above OpenSSL's default limit: it must still work.
        QElapsedTimer timer;
        timer.start();
        const QString encoded = hasher.hash(m_password);
        QVERIFY(encoded.startsWith(QLatin1String("scrypt$17$8$1$")));
        QVERIFY(hasher.verify(m_password, encoded));
        qInfo("two scrypt evaluations at N=2^17, r=8, p=1 took %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
