#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "crypto/FieldCipher.h"
#include "keys/KeyFileKeyProvider.h"
#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"

#include <QFile>
#include <QTest>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <unistd.h>

using namespace clinicdesk;

// Key bytes are wiped in every copy (issue 13, point 5): after a data key has been loaded from
// a key file, copied, used to seal and open, used by a store (its key check, its search index),
// rotated away and everything dropped, this process's memory holds the key nowhere, neither as
// its 32 raw bytes nor as the base64 text the key file holds. The memory is read back through
// /proc/self/mem; the test keeps the key only XOR-masked, so that it cannot find itself.
class TestKeyWipe : public QObject
{
    Q_OBJECT

    static constexpr char kMask = char(0x5a);

    // Occurrences of `masked` (each byte XOR kMask) in this process's writable anonymous memory.
    static int occurrences(const QByteArray &masked)
    {
        QFile maps(QStringLiteral("/proc/self/maps"));
        if (!maps.open(QIODevice::ReadOnly))
            return -1;
        const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
        if (mem < 0)
            return -1;
        int found = 0;
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        for (const QByteArray &line : maps.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() < 5 || !f[1].startsWith("rw"))
                continue;
            const QByteArray name = f.size() > 5 ? f[5] : QByteArray();
            if (!name.isEmpty() && name != "[heap]" && name != "[stack]")
                continue; // file mappings: code and data of libraries
            const QList<QByteArray> range = f[0].split('-');
            const quint64 begin = range[0].toULongLong(nullptr, 16);
            const quint64 end = range[1].toULongLong(nullptr, 16);
            if (end - begin > (quint64(1) << 30))
                continue; // reserved address space (sanitizer shadows), not data
            for (quint64 at = begin; at < end;) {
                const qsizetype want = qsizetype(qMin<quint64>(end - at, quint64(chunk.size())));
                const ssize_t got = ::pread(mem, chunk.data(), size_t(want), off_t(at));
                if (got <= 0)
                    break;
                // Overlap the next read by the needle's length so no occurrence is cut.
                const qsizetype n = qsizetype(got);
                for (qsizetype i = 0; i + masked.size() <= n; ++i) {
                    if ((chunk[i] ^ kMask) != masked[0])
                        continue;
                    qsizetype j = 1;
                    while (j < masked.size() && (chunk[i + j] ^ kMask) == masked[j])
                        ++j;
                    found += j == masked.size();
                }
                at += quint64(qMax<qsizetype>(1, n - masked.size() + 1));
            }
        }
        OPENSSL_cleanse(chunk.data(), size_t(chunk.size()));
        ::close(mem);
        return found;
    }

    static QByteArray masked(const QByteArray &plain)
    {
        QByteArray out(plain.size(), Qt::Uninitialized);
        for (qsizetype i = 0; i < plain.size(); ++i)
            out[i] = char(plain[i] ^ kMask);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_ADDRESS__)
        // Under AddressSanitizer freed blocks sit in its quarantine unwiped by design and its heap
        // is reserved address space the scan skips, and scanning the rest takes minutes: the
        // release build's run is the proof.
        QSKIP("the memory scan is meaningful only without AddressSanitizer");
#endif
    }

    void theDataKeyIsGoneOnceItsHoldersAre()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("data.key"));
        QByteArray maskedKey;
        QByteArray maskedText;
        {
            // The key, written as an operator would: one base64 line, mode 0600.
            QByteArray key(32, Qt::Uninitialized);
            QVERIFY(RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), 32) == 1);
            QByteArray text = key.toBase64();
            maskedKey = masked(key);
            maskedText = masked(text);
            QFile file(keyFile);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            QCOMPARE(file.write(text + '\n'), text.size() + 1);
            file.close();
            OPENSSL_cleanse(key.data(), size_t(key.size()));
            OPENSSL_cleanse(text.data(), size_t(text.size()));
        }
        QCOMPARE(occurrences(maskedKey), 0); // the test itself holds no copy
        {
            KeyFileKeyProvider keys(keyFile);
            auto ring = keys.load({});
            QVERIFY(ring);
            const KeyRing copy = ring.value();
            FieldCipher cipher(copy);
            auto sealed = cipher.seal(QStringLiteral("t"), QStringLiteral("r"), QStringLiteral("c"),
                                      QByteArrayLiteral("value"));
            QVERIFY(sealed);
            QVERIFY(cipher.open(QStringLiteral("t"), QStringLiteral("r"), QStringLiteral("c"),
                                sealed.value()));
            QVERIFY(occurrences(maskedKey) > 0); // the scan does find a key that is held
            auto store = LocalStore::open({dir.filePath(QStringLiteral("store")), &keys, false});
            QVERIFY(store);
            AuditLog audit(*store.value(), &keys);
            QVERIFY(audit.append({AuditAction::Admin,
                                  QStringLiteral("os:test"),
                                  {},
                                  {},
                                  AuditOutcome::Success,
                                  {}}));
            // Rotated away: the old key leaves the ring (and the file) while the store is open.
            QVERIFY(store.value()->rotateDataKey(keys));
        }
        const int raw = occurrences(maskedKey);
        const int text = occurrences(maskedText);
        QVERIFY2(raw == 0, qPrintable(QStringLiteral("%1 unwiped copies of the key").arg(raw)));
        QVERIFY2(text == 0,
                 qPrintable(QStringLiteral("%1 unwiped copies of its base64 text").arg(text)));
    }

    void theKeychainPathWipesItsCopies()
    {
        QByteArray maskedKey;
        QByteArray maskedText;
        const QString service = QStringLiteral("ClinicDesk-keywipe-test");
        {
            KeyRing ring = KeyRing::generate();
            maskedKey = masked(ring.currentKey());
            maskedText = masked(ring.currentKey().toBase64());
            KeychainKeyProvider keys(service);
            QVERIFY(keys.save(QStringLiteral("store-a"), ring));
            auto loaded = keys.load(QStringLiteral("store-a"));
            QVERIFY(loaded);
            QVERIFY(keys.remove(QStringLiteral("store-a")));
        }
        const int raw = occurrences(maskedKey);
        const int text = occurrences(maskedText);
        QVERIFY2(raw == 0, qPrintable(QStringLiteral("%1 unwiped copies of the key").arg(raw)));
        QVERIFY2(text == 0,
                 qPrintable(QStringLiteral("%1 unwiped copies of its base64 text").arg(text)));
    }
};

QTEST_GUILESS_MAIN(TestKeyWipe)
#include "tst_keywipe.moc"
