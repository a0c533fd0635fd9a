// One audit chain for a whole clinic on PostgreSQL (issue 16): five workstations, each with its
// own connection, its own data dir and its own copy of the key ring (where its anchor lives),
// append at once. The chain stays one line (sequence 1..N, each entry chained to the one before,
// every workstation's entries in its own order) and `clinicdesk-admin audit verify` finds it
// intact from any of them.
#include "TestSupport.h"
#include "audit/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace clinicdesk;
using namespace clinicdesk::test;

namespace {

constexpr int kWorkstations = 5;
constexpr int kEntriesEach = 40;

} // namespace

class TestAuditWorkstations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString dataDir(int pc) const { return m_dir.filePath(QStringLiteral("pc-%1").arg(pc)); }
    QString keyFile(int pc) const { return m_dir.filePath(QStringLiteral("pc-%1.key").arg(pc)); }

private Q_SLOTS:
    void fiveWorkstationsAppendToOneChain()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        {
            KeyFileKeyProvider keys(keyFile(0));
            auto first = openStore(dataDir(0), keys);
            QVERIFY(first);
        }
        for (int pc = 1; pc < kWorkstations; ++pc)
            QVERIFY(QFile::copy(keyFile(0), keyFile(pc)));

        const StoreLocation location = storeLocation(dataDir(0));
        QSemaphore ready, go;
        std::atomic<int> failures{0};
        QList<QThread *> threads;
        for (int pc = 0; pc < kWorkstations; ++pc) {
            threads << QThread::create([&, pc] {
                KeyFileKeyProvider keys(keyFile(pc));
                auto store = LocalStore::open({dataDir(pc), &keys, false, location, pc == 0});
                if (!store) {
                    ++failures;
                    ready.release();
                    return;
                }
                AuditLog log(*store.value(), &keys);
                ready.release();
                go.acquire(); // all five start together
                for (int i = 0; i < kEntriesEach; ++i) {
                    if (!log.append({AuditAction::Admin, QStringLiteral("pc%1").arg(pc),
                                     QStringLiteral("test"), QString::number(i),
                                     AuditOutcome::Success, QStringLiteral("entry %1").arg(i)}))
                        ++failures;
                }
            });
            threads.last()->start();
        }
        ready.acquire(kWorkstations);
        go.release(kWorkstations);
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(120'000));
            delete thread;
        }
        QCOMPARE(failures.load(), 0);

        // One line: 1..N, each workstation's entries in the order it wrote them.
        KeyFileKeyProvider keys(keyFile(0));
        auto store = LocalStore::open({dataDir(0), &keys, false, location, false});
        QVERIFY(store);
        AuditLog log(*store.value(), &keys);
        qint64 expectedSeq = 1;
        QHash<QString, int> next;
        QByteArray previous;
        bool linear = true;
        QVERIFY(log.forEach({}, [&](const AuditEntry &entry) {
            linear &= entry.seq == expectedSeq++;
            linear &= entry.entityId.toInt() == next[entry.user]++;
            linear &= previous.isEmpty() || entry.prevHash == previous;
            previous = entry.hash;
            return true;
        }));
        QVERIFY(linear);
        QCOMPARE(expectedSeq - 1, qint64(kWorkstations * kEntriesEach));
        for (int pc = 0; pc < kWorkstations; ++pc)
            QCOMPARE(next.value(QStringLiteral("pc%1").arg(pc)), kEntriesEach);

        // `audit verify` from two of the workstations (each with its own anchor).
        for (int pc : {0, 3}) {
            QProcess admin;
            admin.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") +
                            QStringLiteral("/clinicdesk-admin"),
                        QStringList{QStringLiteral("--data-dir"), dataDir(pc),
                                    QStringLiteral("--key-file"), keyFile(pc)} +
                            storeArguments(dataDir(0)) +
                            QStringList{QStringLiteral("--json"), QStringLiteral("audit"),
                                        QStringLiteral("verify")});
            QVERIFY(admin.waitForFinished(60'000));
            const QByteArray out = admin.readAllStandardOutput();
            QVERIFY2(admin.exitCode() == 0, (out + admin.readAllStandardError()).constData());
            const QJsonObject v = QJsonDocument::fromJson(out).object();
            QVERIFY2(v.value(QStringLiteral("intact")).toBool(), out.constData());
            QCOMPARE(v.value(QStringLiteral("entries")).toInt(), kWorkstations * kEntriesEach);
        }
    }
};

QTEST_MAIN(TestAuditWorkstations)
#include "tst_auditworkstations.moc"
