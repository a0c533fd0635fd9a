#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace clinicdesk;

// Talks to the real Secret Service started by scripts/with-keyring (gnome-keyring in a private
// D-Bus session). Outside such a session the test fails loudly rather than pretending.
class TestKeychainKeyProvider : public QObject
{
    Q_OBJECT

    KeychainKeyProvider m_keychain{QStringLiteral("ClinicDeskTest")};

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run the suite through scripts/with-keyring");
    }

    void saveLoadRemove()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(m_keychain.load(id).error().code, ErrorCode::KeyNotFound);
        const KeyRing ring = KeyRing::generate();
        auto saved = m_keychain.save(id, ring);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        auto loaded = m_keychain.load(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->currentKey(), ring.currentKey());
        QVERIFY(m_keychain.remove(id));
        QCOMPARE(m_keychain.load(id).error().code, ErrorCode::KeyNotFound);
    }

    void storeKeyLivesInKeychainOnly()
    {
        QTemporaryDir dir;
        QString storeId;
        QString patientId;
        {
            auto store = LocalStore::open({dir.path(), &m_keychain, false});
            QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
            storeId = store.value()->storeId();
            Patient p;
            p.firstName = QStringLiteral("Keychain");
            p.lastName = QStringLiteral("Canary");
            auto saved = PatientRepository(*store.value()).save(p);
            QVERIFY(saved);
            patientId = *saved;
        }
        // The key is in the keychain, not in the data dir.
        auto ring = m_keychain.load(storeId);
        QVERIFY(ring);
        const QByteArray key = ring->currentKey();
        const auto files = QDir(dir.path()).entryInfoList(QDir::Files);
        for (const QFileInfo &info : files) {
            QFile f(info.filePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(key) && !bytes.contains(key.toBase64()),
                     qPrintable(info.fileName()));
        }
        // Reopening reads the same key back.
        {
            auto store = LocalStore::open({dir.path(), &m_keychain, false});
            QVERIFY(store);
            auto p = PatientRepository(*store.value()).get(patientId);
            QVERIFY(p);
            QCOMPARE(p->lastName, QStringLiteral("Canary"));
        }
        // Without its keychain entry the store refuses to open, and says why.
        QVERIFY(m_keychain.remove(storeId));
        auto store = LocalStore::open({dir.path(), &m_keychain, false});
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::KeyNotFound);
        QVERIFY2(store.error().message.contains(QStringLiteral("keychain")),
                 qPrintable(store.error().message));
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "tst_keychainkeyprovider.moc"
