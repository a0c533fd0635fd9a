#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "intake/DraftRepository.h"
#include "store/PatientRepository.h"
#include "store/Schema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;

class TestLocalStore : public QObject
{
    Q_OBJECT

    static Patient samplePatient(const QString &first, const QString &phone)
    {
        Patient p;
        p.firstName = first;
        p.lastName = QStringLiteral("Garcia");
        p.dob = QDate(1975, 6, 1);
        p.sex = QStringLiteral("Female");
        p.phone = phone;
        p.email = QStringLiteral("x@example.org");
        p.state = QStringLiteral("TX");
        p.zip = QStringLiteral("73301");
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void patientRoundTrip()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        PatientRepository patients(*store);
        Patient p = samplePatient(QStringLiteral("Ana"), QStringLiteral("5125550100"));
        auto id = patients.save(p);
        QVERIFY(id);
        p.id = *id;
        auto loaded = patients.get(*id);
        QVERIFY(loaded);
        QCOMPARE(*loaded, p);
        p.city = QStringLiteral("Austin");
        QVERIFY(patients.save(p));
        QCOMPARE(patients.get(*id)->city, QStringLiteral("Austin"));
        Patient ghost = p;
        ghost.id = QStringLiteral("no-such-row");
        QCOMPARE(patients.save(ghost).error().code, ErrorCode::NotFound);
    }

    void swappedCiphertextRejected()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        PatientRepository patients(*store);
        auto a = patients.save(samplePatient(QStringLiteral("Ana"), QStringLiteral("5125550100")));
        auto b = patients.save(samplePatient(QStringLiteral("Bea"), QStringLiteral("5125550101")));
        QVERIFY(a && b);
        // An attacker with write access to the file moves B's first name onto A's row.
        auto q =
            store->db().exec(QStringLiteral("UPDATE patients SET first_name = (SELECT first_name "
                                            "FROM patients WHERE id = ?) WHERE id = ?"),
                             {*b, *a});
        QVERIFY(q);
        auto loaded = patients.get(*a);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::DecryptFailed);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("first_name")),
                 qPrintable(loaded.error().message));
        QVERIFY(!loaded.error().message.contains(QStringLiteral("Bea")));
        // Moving a value to another column of the same row fails as well.
        QVERIFY(store->db().exec(
            QStringLiteral("UPDATE patients SET city = last_name WHERE id = ?"), {*b}));
        QCOMPARE(patients.get(*b).error().code, ErrorCode::DecryptFailed);
    }

    void tamperedAndTruncatedValuesRejected()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        PatientRepository patients(*store);
        auto id = patients.save(samplePatient(QStringLiteral("Ana"), QStringLiteral("5125550100")));
        QVERIFY(id);
        auto raw =
            store->db().exec(QStringLiteral("SELECT last_name FROM patients WHERE id = ?"), {*id});
        QVERIFY(raw && raw->next());
        const QByteArray sealed = raw->value(0).toByteArray();
        QByteArray flipped = sealed;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x01);
        for (const QByteArray &bad :
             {flipped, sealed.chopped(1), sealed.first(5), QByteArray("Garcia")}) {
            QVERIFY(store->db().exec(
                QStringLiteral("UPDATE patients SET last_name = ? WHERE id = ?"), {bad, *id}));
            auto loaded = patients.get(*id);
            QVERIFY(!loaded);
            QCOMPARE(loaded.error().code, ErrorCode::DecryptFailed);
        }
    }

    void wrongKeyRefusedAtOpen()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        {
            KeyFileKeyProvider keys(test::writeKeyFile(dir));
            test::openStore(dataDir, keys);
        }
        KeyFileKeyProvider other(test::writeKeyFile(dir, QStringLiteral("other.key")));
        auto store = LocalStore::open({dataDir, &other, false});
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::WrongKey);
        QVERIFY2(store.error().message.contains(QStringLiteral("other.key")),
                 qPrintable(store.error().message));
    }

    void missingKeyNeverRegenerated()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        const QString keyPath = test::writeKeyFile(dir);
        {
            KeyFileKeyProvider keys(keyPath);
            test::openStore(dataDir, keys);
        }
        QVERIFY(QFile::remove(keyPath));
        KeyFileKeyProvider keys(keyPath);
        auto store = LocalStore::open({dataDir, &keys, false});
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::KeyNotFound);
        QVERIFY(!QFile::exists(keyPath)); // nothing was created behind our back
    }

    // A store written by a later ClinicDesk (a schema version this build does not know) is
    // refused with a clear error before anything is read or written, and stays as it was.
    void newerSchemaRefused()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("d"));
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        const int known = schema::migrations().last().version;
        QString patientId;
        {
            auto store = test::openStore(dataDir, keys);
            QCOMPARE(store->db().schemaVersion(), known);
            patientId = *PatientRepository(*store).save(
                samplePatient(QStringLiteral("Later"), QStringLiteral("5125550142")));
            // What the later version's migration would have recorded.
            QVERIFY(store->db().exec(QStringLiteral("INSERT INTO schema_version (version, name, "
                                                    "applied_at) VALUES (?, ?, ?)"),
                                     {known + 1, QStringLiteral("from a later ClinicDesk"),
                                      QStringLiteral("2031-01-01T00:00:00Z")}));
        }
        const QByteArray before = test::readAllStartingWith(dataDir, QStringLiteral("clinicdesk"));
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto refused = LocalStore::open({dataDir, &keys, false});
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Migration);
            QVERIFY2(refused.error().message.contains(
                         QStringLiteral("schema version %1, newer than this program knows (%2)")
                             .arg(known + 1)
                             .arg(known)),
                     qPrintable(refused.error().message));
        }
        QCOMPARE(test::readAllStartingWith(dataDir, QStringLiteral("clinicdesk")), before);
        // Once "the later version" is back (its row removed here), everything is still there.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("newer-schema"));
            raw.setDatabaseName(LocalStore::databasePath(dataDir));
            QVERIFY(raw.open());
            QSqlQuery remove(raw);
            QVERIFY(remove.exec(
                QStringLiteral("DELETE FROM schema_version WHERE version = %1").arg(known + 1)));
            remove.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer-schema"));
        auto store = test::openStore(dataDir, keys);
        QCOMPARE(PatientRepository(*store).get(patientId)->firstName, QStringLiteral("Later"));
    }

    void newStoreCreatesKeyFileWith0600()
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("fresh.key"));
        KeyFileKeyProvider keys(keyPath);
        test::openStore(dir.filePath(QStringLiteral("d")), keys);
        QCOMPARE(test::fileMode(keyPath), 0600);
        QCOMPARE(test::fileMode(dir.filePath(QStringLiteral("d"))), 0700);
        QCOMPARE(test::fileMode(LocalStore::databasePath(dir.filePath(QStringLiteral("d")))), 0600);
    }

    void blindIndexFindsWithoutDecryptingAll()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        PatientRepository patients(*store);
        for (int i = 0; i < 20; ++i)
            QVERIFY(patients.save(
                samplePatient(QStringLiteral("P%1").arg(i),
                              QStringLiteral("51255501%1").arg(i, 2, 10, QLatin1Char('0')))));
        Patient jose = samplePatient(QStringLiteral("José"), QStringLiteral("(512) 555-0199"));
        jose.lastName = QStringLiteral("Núñez");
        auto joseId = patients.save(jose);
        QVERIFY(joseId);
        auto byPhone = patients.findByPhone(QStringLiteral("+1 512 555 0199"));
        QVERIFY(byPhone);
        QCOMPARE(byPhone->size(), 1);
        QCOMPARE(byPhone->first().id, *joseId);
        auto byName = patients.findByNameDob(QStringLiteral("jose"), QStringLiteral(" NUNEZ "),
                                             QDate(1975, 6, 1));
        QVERIFY(byName);
        QCOMPARE(byName->size(), 1);
        QVERIFY(
            patients
                .findByNameDob(QStringLiteral("jose"), QStringLiteral("nunez"), QDate(1975, 6, 2))
                ->isEmpty());
        QVERIFY(patients.findByPhone(QStringLiteral("123"))->isEmpty());
        // The index column holds keyed digests, not phone digits.
        auto raw = store->db().exec(QStringLiteral("SELECT phone_bidx FROM patients WHERE id = ?"),
                                    {*joseId});
        QVERIFY(raw && raw->next());
        QCOMPARE(raw->value(0).toByteArray().size(), 32);
        QVERIFY(!raw->value(0).toByteArray().contains("5125550199"));
    }

    void likelyDuplicatesFlagged()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        PatientRepository patients(*store);
        auto first =
            patients.save(samplePatient(QStringLiteral("Ana"), QStringLiteral("5125550100")));
        QVERIFY(first);
        // Same person typed differently, new phone: found by name + DOB.
        Patient again = samplePatient(QStringLiteral("ANA"), QStringLiteral("5125550777"));
        auto dupes = patients.likelyDuplicates(again);
        QVERIFY(dupes);
        QCOMPARE(dupes->size(), 1);
        QCOMPARE(dupes->first().id, *first);
        // Another person sharing the phone: found by phone.
        Patient sibling = samplePatient(QStringLiteral("Luis"), QStringLiteral("512-555-0100"));
        QCOMPARE(patients.likelyDuplicates(sibling)->size(), 1);
        // A stranger: none. The record itself is not its own duplicate.
        QVERIFY(patients
                    .likelyDuplicates(
                        samplePatient(QStringLiteral("Zoe"), QStringLiteral("5125559999")))
                    ->isEmpty());
        Patient self = *patients.get(*first);
        QVERIFY(patients.likelyDuplicates(self)->isEmpty());
    }

    void draftsRoundTrip()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        DraftRepository drafts(*store);
        Draft d;
        d.visitType = QStringLiteral("ED");
        d.ownerUser = QStringLiteral("maria");
        d.page = 3;
        d.completion = 40;
        d.answers = QJsonObject{{QStringLiteral("A1"), QStringLiteral("yes")}};
        auto id = drafts.save(d);
        QVERIFY(id);
        d.id = *id;
        d.page = 4;
        QVERIFY(drafts.save(d));
        auto all = drafts.list();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().page, 4);
        QCOMPARE(all->first().answers, d.answers);
        QVERIFY(drafts.remove(*id));
        QCOMPARE(drafts.get(*id).error().code, ErrorCode::NotFound);
    }

    void everySealedColumnExists()
    {
        QTemporaryDir dir;
        KeyFileKeyProvider keys(test::writeKeyFile(dir));
        auto store = test::openStore(dir.filePath(QStringLiteral("d")), keys);
        for (const auto &table : schema::sealedTables()) {
            for (const QString &column : table.columns) {
                auto q = store->db().exec(
                    QStringLiteral("SELECT %1 FROM %2 LIMIT 0").arg(column, table.table));
                QVERIFY2(q, qPrintable(table.table + QLatin1Char('.') + column));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
