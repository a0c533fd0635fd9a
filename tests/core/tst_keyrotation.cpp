#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "store/PatientRepository.h"

#include <QProcess>
#include <QTest>

#include <csignal>
#include <optional>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace clinicdesk;

namespace {

// The real key file, except that one chosen save fails (a full disk, a read-only mount, a
// keychain that went away): the failure is the only thing not real here.
class FailingSave final : public KeyProvider
{
public:
    FailingSave(KeyProvider &inner, int failingSave)
        : m_inner(inner)
        , m_failingSave(failingSave)
    {}

    QString description() const override { return m_inner.description(); }
    Result<KeyRing> load(const QString &storeId) override { return m_inner.load(storeId); }
    Result<void> save(const QString &storeId, const KeyRing &ring) override
    {
        if (++m_saves == m_failingSave)
            return makeError(ErrorCode::Io, QStringLiteral("no space left on device"));
        return m_inner.save(storeId, ring);
    }
    Result<QByteArray> loadAnchor(const QString &storeId) override
    {
        return m_inner.loadAnchor(storeId);
    }
    Result<void> saveAnchor(const QString &storeId, const QByteArray &anchor) override
    {
        return m_inner.saveAnchor(storeId, anchor);
    }

private:
    KeyProvider &m_inner;
    int m_failingSave;
    int m_saves = 0;
};

std::optional<quint32> sealedWith(LocalStore &store, const QString &sql)
{
    auto rows = store.db().exec(sql);
    if (!rows || !rows->next())
        return std::nullopt;
    return FieldCipher::keyIdOf(rows->value(0).toByteArray());
}

} // namespace

class TestKeyRotation : public QObject
{
    Q_OBJECT

    // A store with a patient and a draft (both hold sealed values and blind indexes).
    static void fill(const QString &dataDir, KeyProvider &keys, QString *patientId,
                     QString *draftId)
    {
        auto store = test::openStore(dataDir, keys);
        Patient p;
        p.firstName = QStringLiteral("Kira");
        p.lastName = QStringLiteral("Killed");
        p.dob = QDate(1982, 3, 4);
        p.phone = QStringLiteral("3125550188");
        *patientId = *PatientRepository(*store).save(p);
        Draft d;
        d.ownerUser = QStringLiteral("u");
        d.answers = QJsonObject{{QStringLiteral("A1"), QStringLiteral("kept answer")}};
        *draftId = *DraftRepository(*store).save(d);
    }

    static void expectReadable(LocalStore &store, const QString &patientId, const QString &draftId)
    {
        QCOMPARE(PatientRepository(store).get(patientId)->firstName, QStringLiteral("Kira"));
        QCOMPARE(PatientRepository(store).findByPhone(QStringLiteral("3125550188"))->size(), 1);
        QCOMPARE(
            DraftRepository(store).get(draftId)->answers.value(QStringLiteral("A1")).toString(),
            QStringLiteral("kept answer"));
    }

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

    // `clinicdesk-admin keys rotate`, a real process, SIGKILLed after the new key was saved and
    // every value re-sealed with it, before the transaction commits (stopped there by the test
    // seam CLINICDESK_TEST_PAUSE_AT, base/TestSeam.h). Nothing is lost: the key file holds old
    // and new keys, the store still holds the values sealed with the old one, and the next
    // rotation completes.
    void killedBeforeTheRotationCommitsLosesNothing()
    {
        QTemporaryDir dir;
        const QString keyPath = test::writeKeyFile(dir);
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        KeyFileKeyProvider keys(keyPath);
        QString patientId, draftId;
        fill(dataDir, keys, &patientId, &draftId);
        const QString admin =
            qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin");
        const QStringList rotate = {QStringLiteral("--data-dir"), dataDir,
                                    QStringLiteral("--key-file"), keyPath,
                                    QStringLiteral("keys"),       QStringLiteral("rotate")};

        QProcess killed;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_TEST_PAUSE_AT"),
                   QStringLiteral("keys-rotate-before-commit"));
        killed.setProcessEnvironment(env);
        killed.setProcessChannelMode(QProcess::ForwardedChannels);
        killed.start(admin, rotate);
        QVERIFY(killed.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(test::processState(killed.processId()) == 'T', 60000);
        ::kill(pid_t(killed.processId()), SIGKILL);
        QVERIFY(killed.waitForFinished(10000));
        QCOMPARE(killed.exitStatus(), QProcess::CrashExit);

        // The new key reached the key file before anything was re-sealed...
        QCOMPARE(keys.load({})->ids(), (QList<quint32>{1, 2}));
        {
            // ...and the store never saw the re-sealing: every value still names key 1.
            auto store = test::openStore(dataDir, keys);
            QCOMPARE(sealedWith(*store, QStringLiteral("SELECT first_name FROM patients")),
                     std::optional<quint32>(1));
            QCOMPARE(sealedWith(*store, QStringLiteral("SELECT payload FROM drafts")),
                     std::optional<quint32>(1));
            expectReadable(*store, patientId, draftId);
        }

        // The next rotation finishes the job and retires both older keys.
        QProcess again;
        again.setProcessChannelMode(QProcess::ForwardedChannels);
        again.start(admin, rotate);
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(keys.load({})->ids(), QList<quint32>{3});
        auto store = test::openStore(dataDir, keys);
        QCOMPARE(sealedWith(*store, QStringLiteral("SELECT first_name FROM patients")),
                 std::optional<quint32>(3));
        expectReadable(*store, patientId, draftId);
    }

    // The rotation committed but retiring the old key failed (its second save): the rotation
    // stands, the ring keeps the unused old key beside the new one, and nothing is lost.
    void failedRemovalOfTheOldKeyLosesNothing()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        QString patientId, draftId;
        fill(dataDir, keys, &patientId, &draftId);
        {
            auto store = test::openStore(dataDir, keys);
            FailingSave failing(keys, 2); // 1: the new key; 2: the ring without the old one
            auto rotated = store->rotateDataKey(failing);
            QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().message));
            QCOMPARE(*rotated, 2u);
            QCOMPARE(sealedWith(*store, QStringLiteral("SELECT first_name FROM patients")),
                     std::optional<quint32>(2));
            expectReadable(*store, patientId, draftId);
        }
        auto ring = keys.load({});
        QCOMPARE(ring->ids(), (QList<quint32>{1, 2}));
        QCOMPARE(ring->currentId(), 2u);
        auto store = test::openStore(dataDir, keys);
        expectReadable(*store, patientId, draftId);
        // New values are sealed with the new key, and a later rotation retires both.
        Patient later;
        later.firstName = QStringLiteral("After");
        const QString laterId = *PatientRepository(*store).save(later);
        QCOMPARE(sealedWith(*store, QStringLiteral("SELECT first_name FROM patients WHERE id = '") +
                                        laterId + QLatin1Char('\'')),
                 std::optional<quint32>(2));
        QVERIFY(store->rotateDataKey(keys));
        QCOMPARE(keys.load({})->ids(), QList<quint32>{3});
        expectReadable(*store, patientId, draftId);
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
