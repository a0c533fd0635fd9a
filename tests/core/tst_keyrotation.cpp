#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "store/PatientRepository.h"

#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace clinicdesk;

class TestKeyRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotationRefusedWhileAnotherProgramHasTheStoreOpen()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        auto console = test::openStore(dataDir, keys); // a console (or relay) still running
        auto admin = test::openStore(dataDir, keys);
        auto refused = admin->rotateDataKey(keys);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY(refused.error().message.contains(QLatin1String("close them")));
        // Nothing changed: the console goes on with the one key.
        QCOMPARE(keys.load({})->ids(), QList<quint32>{1});
        QCOMPARE(admin->cipher().ring().currentId(), 1u);

        console.reset();
        // While a rotation holds the store, a program opening it is told why it must wait.
        {
            const int fd =
                ::open(QFile::encodeName(dataDir + QStringLiteral("/store.lock")).constData(),
                       O_RDWR | O_CLOEXEC);
            QVERIFY(fd >= 0);
            admin.reset();
            QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
            auto blocked = LocalStore::open({dataDir, &keys, false});
            QVERIFY(!blocked);
            QCOMPARE(blocked.error().code, ErrorCode::Conflict);
            QVERIFY(blocked.error().message.contains(QLatin1String("being rotated")));
            ::close(fd);
            admin = test::openStore(dataDir, keys);
        }
        auto rotated = admin->rotateDataKey(keys);
        QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().message));
        QCOMPARE(*rotated, 2u);
        // The admin's own handle is shared again afterwards: others can open the store.
        auto after = LocalStore::open({dataDir, &keys, false});
        QVERIFY2(after, qPrintable(after ? QString() : after.error().message));
    }

    void rotationReencryptsEverything()
    {
        QTemporaryDir dir;
        const QString keyPath = test::writeKeyFile(dir);
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        KeyFileKeyProvider keys(keyPath);
        QString patientId;
        QString draftId;
        QByteArray oldKey;
        {
            auto store = test::openStore(dataDir, keys);
            oldKey = store->cipher().ring().currentKey();
            Patient p;
            p.firstName = QStringLiteral("Rota");
            p.lastName = QStringLiteral("Tion");
            p.dob = QDate(1990, 1, 2);
            p.phone = QStringLiteral("3125550123");
            patientId = *PatientRepository(*store).save(p);
            Draft d;
            d.ownerUser = QStringLiteral("u");
            d.answers = QJsonObject{{QStringLiteral("A1"), QStringLiteral("answer")}};
            draftId = *DraftRepository(*store).save(d);

            auto newId = store->rotateDataKey(keys);
            QVERIFY2(newId, qPrintable(newId ? QString() : newId.error().message));
            QCOMPARE(*newId, 2u);
            // Every sealed value now names key 2.
            auto rows = store->db().exec(QStringLiteral("SELECT first_name, phone FROM patients"));
            QVERIFY(rows && rows->next());
            QCOMPARE(FieldCipher::keyIdOf(rows->value(0).toByteArray()), std::optional<quint32>(2));
            QCOMPARE(FieldCipher::keyIdOf(rows->value(1).toByteArray()), std::optional<quint32>(2));
            auto drafts = store->db().exec(QStringLiteral("SELECT payload FROM drafts"));
            QVERIFY(drafts && drafts->next());
            QCOMPARE(FieldCipher::keyIdOf(drafts->value(0).toByteArray()),
                     std::optional<quint32>(2));
            // Search still works with the rebuilt index.
            QCOMPARE(PatientRepository(*store).findByPhone(QStringLiteral("312-555-0123"))->size(),
                     1);
        }
        // The old key is retired from the key file; the store reopens with the new one.
        auto ring = keys.load({});
        QVERIFY(ring);
        QCOMPARE(ring->ids(), QList<quint32>{2});
        QVERIFY(ring->currentKey() != oldKey);
        auto store = test::openStore(dataDir, keys);
        QCOMPARE(PatientRepository(*store).get(patientId)->firstName, QStringLiteral("Rota"));
        QCOMPARE(
            DraftRepository(*store).get(draftId)->answers.value(QStringLiteral("A1")).toString(),
            QStringLiteral("answer"));
        QCOMPARE(
            PatientRepository(*store)
                .findByNameDob(QStringLiteral("rota"), QStringLiteral("tion"), QDate(1990, 1, 2))
                ->size(),
            1);
        // The old key alone no longer opens the store.
        const QString oldPath = dir.filePath(QStringLiteral("old.key"));
        KeyFileKeyProvider oldKeys(oldPath);
        QVERIFY(oldKeys.save({}, *KeyRing::parse(oldKey.toBase64())));
        store.reset();
        auto withOld = LocalStore::open({dataDir, &oldKeys, false});
        QVERIFY(!withOld);
        QCOMPARE(withOld.error().code, ErrorCode::WrongKey);
    }

    void failedRotationLosesNothing()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dataDir, keys);
        Patient p;
        p.firstName = QStringLiteral("Keep");
        p.lastName = QStringLiteral("Me");
        p.phone = QStringLiteral("3125550123");
        const QString good = *PatientRepository(*store).save(p);
        // A row that cannot be opened makes the re-encryption fail half way.
        QVERIFY(store->db().exec(QStringLiteral("INSERT INTO patients (id, first_name, created_at, "
                                                "updated_at) VALUES ('bad', ?, 't', 't')"),
                                 {QByteArray("garbage")}));
        auto rotated = store->rotateDataKey(keys);
        QVERIFY(!rotated);
        QCOMPARE(rotated.error().code, ErrorCode::DecryptFailed);
        // Everything still opens, in this session and after reopening; search still works.
        QCOMPARE(PatientRepository(*store).get(good)->firstName, QStringLiteral("Keep"));
        QCOMPARE(PatientRepository(*store).findByPhone(QStringLiteral("3125550123"))->size(), 1);
        store.reset();
        store = test::openStore(dataDir, keys);
        QCOMPARE(PatientRepository(*store).get(good)->firstName, QStringLiteral("Keep"));
        QCOMPARE(PatientRepository(*store).findByPhone(QStringLiteral("3125550123"))->size(), 1);
        // Writes after the failed rotation use the new key and are readable too.
        p.id = good;
        p.city = QStringLiteral("Chicago");
        QVERIFY(PatientRepository(*store).save(p));
        QCOMPARE(PatientRepository(*store).get(good)->city, QStringLiteral("Chicago"));
        // Once the bad row is fixed, rotation succeeds.
        QVERIFY(store->db().exec(QStringLiteral("DELETE FROM patients WHERE id = 'bad'")));
        QVERIFY(store->rotateDataKey(keys));
        QCOMPARE(PatientRepository(*store).findByPhone(QStringLiteral("3125550123"))->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
