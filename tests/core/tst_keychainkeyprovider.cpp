#include "audit/AuditLog.h"
#include "keys/Keychain.h"
#include "keys/KeychainKeyProvider.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
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

    // The console keeps its audit anchor in the keychain, beside its data key: every append
    // updates it there (not in the data dir), and it is what reveals deleted newest entries or
    // a log rebuilt from scratch.
    void auditAnchorLivesInKeychain()
    {
        QTemporaryDir dir;
        auto store = LocalStore::open({dir.path(), &m_keychain, false});
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        const QString storeId = store.value()->storeId();
        QCOMPARE(m_keychain.loadAnchor(storeId).error().code, ErrorCode::KeyNotFound);
        {
            AuditLog log(*store.value(), &m_keychain);
            for (int i = 0; i < 4; ++i)
                QVERIFY(log.append({AuditAction::PhiView, QStringLiteral("maria"),
                                    QStringLiteral("patient"), QStringLiteral("p-%1").arg(i),
                                    AuditOutcome::Success, QString()}));
            auto head = log.head();
            QVERIFY(head);
            QCOMPARE(head->seq, qint64(4));
            // The anchor in the keychain names the newest entry and its hash.
            auto anchor = m_keychain.loadAnchor(storeId);
            QVERIFY2(anchor, qPrintable(anchor ? QString() : anchor.error().message));
            const QJsonObject saved = QJsonDocument::fromJson(*anchor).object();
            QCOMPARE(saved.value(QStringLiteral("seq")).toInteger(), qint64(4));
            QCOMPARE(saved.value(QStringLiteral("hash")).toString().toLatin1(), head->hash.toHex());
            // Nothing of it in the data dir.
            for (const QFileInfo &info : QDir(dir.path()).entryInfoList(QDir::Files)) {
                QFile f(info.filePath());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(*anchor), qPrintable(info.fileName()));
            }
            QVERIFY(log.verify()->intact);

            // The two newest entries deleted in the database: the keychain's anchor tells.
            QVERIFY(
                store.value()->db().exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 2")));
            auto truncated = log.verify();
            QVERIFY(truncated);
            QVERIFY2(!truncated->intact, "a truncated log verified against the keychain anchor");
            QVERIFY2(truncated->problem.contains(QStringLiteral("anchor records entry 4")),
                     qPrintable(truncated->problem));
        }
        // Without the keychain entry, verification says the anchor is missing (and where).
        QVERIFY(keychain::remove(QStringLiteral("ClinicDeskTest"),
                                 QStringLiteral("audit-anchor/") + storeId,
                                 QStringLiteral("test")));
        AuditLog log(*store.value(), &m_keychain);
        auto missing = log.verify();
        QVERIFY(missing && !missing->intact);
        QVERIFY2(
            missing->problem.contains(QStringLiteral("anchor is missing from the OS keychain")),
            qPrintable(missing->problem));
        store.value().reset();
        QVERIFY(m_keychain.remove(storeId));
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "tst_keychainkeyprovider.moc"
