#include "InboxTestSupport.h"
#include "RelayTestSupport.h"
#include "TestSupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;

// Durable before relied on (DESIGN; issue 13, point 4), shown with an LD_PRELOAD shim
// (DurabilityShim.c) that records in order every write, fsync/fdatasync and rename of the store's
// files and every POST the program sends:
//  - the relay commits its cursor at the inbox only after the batch it applied is synced (the
//    console's store runs synchronous=NORMAL, which does not sync a commit; a power cut after the
//    cursor commit then lost events for good);
//  - `keys rotate` saves the ring with the new key, syncs it, re-encrypts in a transaction that
//    is synced, and only then retires the old key (and syncs that too).
class TestDurableCommits : public QObject
{
    Q_OBJECT

    struct Line
    {
        char kind;
        QByteArray text;
    };

    QTemporaryDir m_dir;

    static QList<Line> readLog(const QString &path)
    {
        QList<Line> lines;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return lines;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.size() > 2)
                lines.append(Line{line.at(0), line.mid(2)});
        }
        return lines;
    }

    // Where line `upTo` is, has every write to `file` before it been synced? Empty when it has;
    // else what was not.
    // The last write to `file` before line `upTo` was synced before it.
    static QString unsyncedBefore(const QList<Line> &lines, qsizetype upTo, const QByteArray &file)
    {
        qsizetype lastWrite = -1;
        for (qsizetype i = 0; i < upTo; ++i) {
            if (lines[i].kind == 'W' && lines[i].text == file)
                lastWrite = i;
        }
        if (lastWrite < 0)
            return QStringLiteral("no write to %1 before line %2")
                .arg(QString::fromUtf8(file))
                .arg(upTo);
        for (qsizetype i = lastWrite + 1; i < upTo; ++i) {
            if (lines[i].kind == 'S' && lines[i].text == file)
                return QString();
        }
        return QStringLiteral("line %1 came after a write to %2 (line %3) that was never synced")
            .arg(upTo)
            .arg(QString::fromUtf8(file))
            .arg(lastWrite);
    }

    static QProcessEnvironment shimmed(const QString &log, const QString &watch)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(CLINICDESK_DURABILITY_SHIM));
        env.insert(QStringLiteral("CLINICDESK_SHIM_LOG"), log);
        env.insert(QStringLiteral("CLINICDESK_SHIM_WATCH"), watch);
        // In the sanitizer build the shim comes before the ASan runtime; that is fine here.
        env.insert(QStringLiteral("ASAN_OPTIONS"), env.value(QStringLiteral("ASAN_OPTIONS")) +
                                                       QStringLiteral(":verify_asan_link_order=0"));
        return env;
    }

    static qint64 committed(Inbox &inbox)
    {
        const QByteArray text = metrics(inbox);
        const QByteArray key = "clinicdesk_inbox_consumer_committed_cursor{consumer=\"relay\"} ";
        const qsizetype at = text.indexOf(key);
        return at < 0 ? -1
                      : text.mid(at + key.size(), text.indexOf('\n', at) - at - key.size())
                            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theRelayCommitsItsCursorOnlyOnceItsBatchIsOnDisk()
    {
        Inbox inbox(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(inbox.process.startService(inbox.arguments() << QStringLiteral("--plain-http")),
                 qPrintable(inbox.process.failureReason()));
        inbox.url = inbox.process.url();
        QCOMPARE(inbox.url.scheme(), QStringLiteral("http")); // the shim reads the POST in clear

        const QString console = m_dir.filePath(QStringLiteral("console"));
        const QString keyFile = m_dir.filePath(QStringLiteral("console.key"));
        {
            KeyFileKeyProvider keys(keyFile);
            auto store = test::openStore(console, keys);
            for (int v = 0; v < 4; ++v)
                relaytest::addVisitKnownAs(*store, QStringLiteral("DM%1").arg(v));
        }
        const QString log = m_dir.filePath(QStringLiteral("relay-shim.log"));
        QProcess relay;
        relay.setProcessEnvironment(shimmed(log, console));
        relay.setProcessChannelMode(QProcess::ForwardedChannels);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                    {QStringLiteral("--data-dir"), console, QStringLiteral("--key-file"), keyFile,
                     QStringLiteral("--inbox"), inbox.url.toString(),
                     QStringLiteral("--token-file"), inbox.tokenFile});
        QVERIFY(relay.waitForStarted(10000));
        // Two bursts: two batches, two cursor commits.
        qint64 last = 0;
        for (int burst = 0; burst < 2; ++burst) {
            for (int i = 0; i < 10; ++i) {
                const QByteArray body =
                    eventBody(QStringLiteral("DM%1").arg(i % 4), QStringLiteral("CS_MESSAGE"), i);
                auto reply = inbox.postWebhook(
                    "dur_" + QByteArray::number(burst) + '_' + QByteArray::number(i), body);
                QCOMPARE(reply.status, 200);
                last = reply.json().value(QStringLiteral("cursor")).toInteger();
            }
            QTRY_COMPARE_WITH_TIMEOUT(committed(inbox), last, 60000);
        }
        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(30000));

        const QList<Line> lines = readLog(log);
        const QByteArray wal = QFile::encodeName(LocalStore::databasePath(console)) + "-wal";
        // Every batch is written, then synced, then its cursor committed. The relay polls again
        // while a commit is on its way, so the next batch's writes (and sync) may come before
        // the commit: what must hold is that the k-th cursor commit comes after at least k
        // write-then-sync rounds of the WAL. Without the synced commit there are none.
        int commits = 0;
        int syncedRounds = 0;
        bool written = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].kind == 'W' && lines[i].text == wal) {
                written = true;
            } else if (lines[i].kind == 'S' && lines[i].text == wal && written) {
                ++syncedRounds;
                written = false;
            } else if (lines[i].kind == 'P' && lines[i].text.startsWith("POST /v1/events/commit")) {
                ++commits;
                QVERIFY2(
                    syncedRounds >= commits,
                    qPrintable(QStringLiteral("cursor commit %1 (line %2) after only %3 synced "
                                              "batches")
                                   .arg(commits)
                                   .arg(i)
                                   .arg(syncedRounds)));
            }
        }
        QVERIFY2(commits >= 2, qPrintable(QStringLiteral("%1 cursor commits seen").arg(commits)));
        QVERIFY(inbox.process.signalAndWait(SIGTERM));
    }

    void keyRotationRetiresTheOldKeyOnlyOnceEverythingIsOnDisk()
    {
        const QString data = m_dir.filePath(QStringLiteral("rotating"));
        const QString key = m_dir.filePath(QStringLiteral("rotating.key"));
        const QStringList base = {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  key};
        ServiceProcess admin(QStringLiteral("clinicdesk-admin"));
        QVERIFY(admin.run(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}));
        QVERIFY(admin.run(base + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                                             QStringLiteral("ana"),
                                             QStringLiteral("--generate-password")}));
        const QString log = m_dir.filePath(QStringLiteral("rotate-shim.log"));
        ServiceProcess rotate(QStringLiteral("clinicdesk-admin"));
        rotate.setEnvironment(shimmed(log, m_dir.path()));
        QVERIFY(rotate.run(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate")}));
        QCOMPARE(rotate.exitCode(), 0);

        const QList<Line> lines = readLog(log);
        const QByteArray wal = QFile::encodeName(LocalStore::databasePath(data)) + "-wal";
        const QByteArray keyPath = QFile::encodeName(key);
        const QByteArray keyDir = QFile::encodeName(QFileInfo(key).absolutePath());
        QList<qsizetype> saves;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].kind == 'R' && lines[i].text == keyPath)
                saves << i;
        }
        // 1. the ring with the new key; 2. the old key retired (the audit anchor is another file).
        QVERIFY2(saves.size() >= 2, qPrintable(QString::number(saves.size())));
        // Each save of the key file is itself on disk: its directory synced after the rename.
        for (qsizetype at : std::as_const(saves)) {
            bool synced = false;
            for (qsizetype i = at + 1; i < lines.size() && !synced; ++i)
                synced = lines[i].kind == 'S' && lines[i].text == keyDir;
            QVERIFY2(synced,
                     qPrintable(QStringLiteral("key file save at line %1 not synced").arg(at)));
        }
        // The re-encryption is on disk before the old key goes.
        const QString problem = unsyncedBefore(lines, saves.last(), wal);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestDurableCommits)
#include "tst_durablecommits.moc"
