#include "TestSupport.h"
#include "base/Logging.h"
#include "intake/DraftRepository.h"
#include "store/PatientRepository.h"

#include <QLoggingCategory>
#include <QTest>

using namespace clinicdesk;

// The core promise: PHI written through the store exists on disk only as ciphertext, and never
// reaches the log, even with debug logging on for every ClinicDesk category.
class TestStoreAtRest : public QObject
{
    Q_OBJECT

    // Canaries: distinctive enough that a stray match is impossible.
    const QString kName = QStringLiteral("Zyxwquanary");
    const QString kLastName = QStringLiteral("Flibbertigibbet");
    const QString kPhone = QStringLiteral("(555) 867-5309");
    const QString kAnswer = QStringLiteral("takes CANARYMEDICINE 40mg nightly");
    const QString kEmail = QStringLiteral("canary.patient@example.org");

private Q_SLOTS:
    void canariesNeverOnDiskOrInLog()
    {
        QTemporaryDir dir;
        const QString logPath = dir.filePath(QStringLiteral("clinicdesk.log"));
        QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*=true"));
        QVERIFY(installLogFile(logPath));
        const QString keyPath = test::writeKeyFile(dir);
        KeyFileKeyProvider keys(keyPath);
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        {
            auto store = test::openStore(dataDir, keys);
            Patient p;
            p.firstName = kName;
            p.lastName = kLastName;
            p.dob = QDate(1980, 2, 29);
            p.phone = kPhone;
            p.email = kEmail;
            p.address = QStringLiteral("1 Canary Row");
            p.city = QStringLiteral("Springfield");
            p.state = QStringLiteral("IL");
            p.zip = QStringLiteral("62704");
            auto id = PatientRepository(*store).save(p, QStringLiteral("frontdesk1"));
            QVERIFY(id);
            Draft d;
            d.patientId = *id;
            d.visitType = QStringLiteral("weightloss");
            d.ownerUser = QStringLiteral("frontdesk1");
            d.answers = QJsonObject{{QStringLiteral("firstName"), kName},
                                    {QStringLiteral("selfReportedMeds"), kAnswer}};
            QVERIFY(DraftRepository(*store).save(d));
            // Read back through the store (exercises decode paths and their logging).
            auto found = PatientRepository(*store).findByPhone(kPhone);
            QVERIFY(found);
            QCOMPARE(found->size(), 1);
            QCOMPARE(found->first().firstName, kName);

            // While the store is open the WAL holds the newest pages: check it too.
            const QByteArray live =
                test::readAllStartingWith(dataDir, QStringLiteral("clinicdesk.sqlite"));
            QVERIFY(live.size() > 0);
            for (const QString &canary : {kName, kLastName, kAnswer, kEmail,
                                          QStringLiteral("8675309"), QStringLiteral("867-5309")}) {
                QVERIFY2(!live.contains(canary.toUtf8()), qPrintable(canary));
                QVERIFY2(!live.contains(QByteArray(reinterpret_cast<const char *>(canary.utf16()),
                                                   canary.size() * 2)),
                         qPrintable(canary + QStringLiteral(" (UTF-16)")));
            }
        }
        removeLogFile();
        QLoggingCategory::setFilterRules({});
        // After close (WAL checkpointed into the main file) and in the log.
        const QByteArray disk =
            test::readAllStartingWith(dataDir, QStringLiteral("clinicdesk.sqlite"));
        QFile logFile(logPath);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray log = logFile.readAll();
        QVERIFY2(log.contains("clinicdesk.store"),
                 "the log captured nothing: the check would be void");
        for (const QString &canary :
             {kName, kLastName, kAnswer, kEmail, QStringLiteral("8675309")}) {
            QVERIFY2(!disk.contains(canary.toUtf8()), qPrintable(canary));
            QVERIFY2(!log.contains(canary.toUtf8()),
                     qPrintable(canary + QStringLiteral(" in log")));
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreAtRest)
#include "tst_storeatrest.moc"
