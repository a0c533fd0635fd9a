#include "service/TlsIdentity.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/stat.h>

using namespace clinicdesk;

namespace {

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedCertificateShape()
    {
        QTemporaryDir dir;
        auto identity = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().message));
        QVERIFY(identity->wasGenerated());
        const QString keyPath = TlsIdentity::generatedKeyPath(dir.path());
        QCOMPARE(fileMode(keyPath), 0600);
        QCOMPARE(fileMode(TlsIdentity::generatedCertificatePath(dir.path())), 0644);
        QVERIFY(readFile(keyPath).startsWith("-----BEGIN PRIVATE KEY-----"));

        const QSslCertificate cert = identity->certificate();
        QVERIFY(!cert.isNull());
        QVERIFY(cert.isSelfSigned());
        QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList{"localhost"});
        const auto san = cert.subjectAlternativeNames();
        QCOMPARE(san.values(QSsl::DnsEntry), QStringList{"localhost"});
        QList<QHostAddress> ips;
        for (const QString &ip : san.values(QSsl::IpAddressEntry))
            ips.append(QHostAddress(ip));
        QCOMPARE(ips.size(), 2);
        QVERIFY(ips.contains(QHostAddress(QHostAddress::LocalHost)));
        QVERIFY(ips.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
        QCOMPARE(cert.publicKey().algorithm(), QSsl::Ec);
        QCOMPARE(cert.publicKey().length(), 256);
        QCOMPARE(identity->privateKey().algorithm(), QSsl::Ec);
        QCOMPARE(identity->privateKey().type(), QSsl::PrivateKey);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(cert.effectiveDate() <= now);
        const qint64 days = now.daysTo(cert.expiryDate());
        QVERIFY2(days >= 728 && days <= 731, qPrintable(QString::number(days)));

        QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                    .match(identity->sha256Fingerprint())
                    .hasMatch());
        QCOMPARE(identity->sha256Fingerprint(),
                 QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
        const QSslConfiguration server = identity->serverConfiguration();
        QCOMPARE(server.localCertificate(), cert);
        QCOMPARE(server.privateKey(), identity->privateKey());
    }

    void reusedOnLaterStarts()
    {
        QTemporaryDir dir;
        auto first = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(first);
        auto second = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(second);
        QVERIFY(!second->wasGenerated());
        QCOMPARE(second->sha256Fingerprint(), first->sha256Fingerprint());
        QCOMPARE(second->privateKey(), first->privateKey());
    }

    void expiredCertificateIsRegenerated()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::generateSelfSigned(TlsIdentity::generatedCertificatePath(dir.path()),
                                                TlsIdentity::generatedKeyPath(dir.path()), -1));
        auto old = TlsIdentity::load(TlsIdentity::generatedCertificatePath(dir.path()),
                                     TlsIdentity::generatedKeyPath(dir.path()));
        QVERIFY(old);
        auto identity = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(identity);
        QVERIFY(identity->wasGenerated());
        QVERIFY(identity->sha256Fingerprint() != old->sha256Fingerprint());
        QVERIFY(identity->certificate().expiryDate() > QDateTime::currentDateTimeUtc());
    }

    void halfAPairIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::loadOrGenerate(dir.path()));
        QVERIFY(QFile::remove(TlsIdentity::generatedCertificatePath(dir.path())));
        auto identity = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(!identity);
        QVERIFY(identity.error().message.contains(TlsIdentity::generatedKeyPath(dir.path())));
    }

    void insecureGeneratedKeyRefused()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::loadOrGenerate(dir.path()));
        const QString keyPath = TlsIdentity::generatedKeyPath(dir.path());
        QCOMPARE(::chmod(QFile::encodeName(keyPath).constData(), 0644), 0);
        auto identity = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(!identity);
        QCOMPARE(identity.error().code, ErrorCode::KeyFileInsecure);
        QVERIFY(identity.error().message.contains(QStringLiteral("0600")));
    }

    void mismatchedPairRefused()
    {
        QTemporaryDir a;
        QTemporaryDir b;
        QVERIFY(TlsIdentity::loadOrGenerate(a.path()));
        QVERIFY(TlsIdentity::loadOrGenerate(b.path()));
        auto mixed = TlsIdentity::load(TlsIdentity::generatedCertificatePath(a.path()),
                                       TlsIdentity::generatedKeyPath(b.path()));
        QVERIFY(!mixed);
        QVERIFY2(mixed.error().message.contains(QStringLiteral("does not belong")),
                 qPrintable(mixed.error().message));
    }

    void unreadableOrGarbageRefused()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::loadOrGenerate(dir.path()));
        const QString cert = TlsIdentity::generatedCertificatePath(dir.path());
        const QString key = TlsIdentity::generatedKeyPath(dir.path());
        const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
        QVERIFY(
            writeFile(garbage, "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n"));

        auto missing = TlsIdentity::load(dir.filePath(QStringLiteral("none.pem")), key);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        auto badCert = TlsIdentity::load(garbage, key);
        QVERIFY(!badCert);
        QVERIFY(badCert.error().message.contains(QStringLiteral("no PEM certificate")));
        auto badKey = TlsIdentity::load(cert, garbage);
        QVERIFY(!badKey);
        QVERIFY(badKey.error().message.contains(QStringLiteral("private key")));
        auto certAsKey = TlsIdentity::load(cert, cert);
        QVERIFY(!certAsKey);
    }

    void encryptedKeyRefusedWithoutPrompt()
    {
        QTemporaryDir dir;
        QVERIFY(TlsIdentity::loadOrGenerate(dir.path()));
        const QString keyPath = TlsIdentity::generatedKeyPath(dir.path());
        // Re-encrypt the key with a pass phrase: loading must fail, not ask on a terminal.
        const QByteArray plain = readFile(keyPath);
        BIO *in = BIO_new_mem_buf(plain.constData(), int(plain.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
        BIO_free(in);
        QVERIFY(key);
        BIO *out = BIO_new(BIO_s_mem());
        char pass[] = "pass phrase";
        QCOMPARE(PEM_write_bio_PrivateKey(out, key, EVP_aes_256_cbc(),
                                          reinterpret_cast<unsigned char *>(pass),
                                          int(sizeof pass - 1), nullptr, nullptr),
                 1);
        char *data = nullptr;
        const long length = BIO_get_mem_data(out, &data);
        const QString encrypted = dir.filePath(QStringLiteral("encrypted.pem"));
        QVERIFY(writeFile(encrypted, QByteArray(data, length)));
        BIO_free(out);
        EVP_PKEY_free(key);

        auto identity =
            TlsIdentity::load(TlsIdentity::generatedCertificatePath(dir.path()), encrypted);
        QVERIFY(!identity);
        QVERIFY(identity.error().message.contains(QStringLiteral("unencrypted")));
    }

    void operatorRsaPairLoads()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command is not installed");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("rsa-cert.pem"));
        const QString key = dir.filePath(QStringLiteral("rsa-key.pem"));
        QProcess process;
        process.start(openssl, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                "-out", cert, "-subj", "/CN=localhost", "-days", "2"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        auto identity = TlsIdentity::load(cert, key);
        QVERIFY2(identity, qPrintable(identity ? QString() : identity.error().message));
        QCOMPARE(identity->privateKey().algorithm(), QSsl::Rsa);
        QVERIFY(!identity->wasGenerated());
    }

    // A real handshake, verified against the generated certificate as the only CA, by IP and
    // by name.
    void handshakeVerifies_data()
    {
        QTest::addColumn<QString>("peerName");
        QTest::newRow("ip") << QStringLiteral("127.0.0.1");
        QTest::newRow("name") << QStringLiteral("localhost");
        QTest::newRow("wrong name") << QStringLiteral("example.org");
    }
    void handshakeVerifies()
    {
        QFETCH(QString, peerName);
        QTemporaryDir dir;
        auto identity = TlsIdentity::loadOrGenerate(dir.path());
        QVERIFY(identity);
        QSslServer server;
        server.setSslConfiguration(identity->serverConfiguration());
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        QSslSocket client;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({identity->certificate()});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        client.setSslConfiguration(tls);
        QList<QSslError> errors;
        connect(&client, &QSslSocket::sslErrors, this,
                [&errors](const QList<QSslError> &list) { errors = list; });
        QSignalSpy encrypted(&client, &QSslSocket::encrypted);
        QSignalSpy failed(&client, &QAbstractSocket::errorOccurred);
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(), peerName);
        QTRY_VERIFY_WITH_TIMEOUT(encrypted.size() + failed.size() > 0, 20000);
        if (peerName == QLatin1String("example.org")) {
            QCOMPARE(encrypted.size(), 0);
            QVERIFY(!errors.isEmpty());
            QCOMPARE(errors.constFirst().error(), QSslError::HostNameMismatch);
        } else {
            QVERIFY2(encrypted.size() == 1,
                     qPrintable(errors.isEmpty() ? client.errorString()
                                                 : errors.constFirst().errorString()));
            QVERIFY(errors.isEmpty());
            QCOMPARE(client.peerCertificate(), identity->certificate());
        }
    }
};

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"
