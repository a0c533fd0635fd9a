#include "ServiceProcess.h"
#include "base/ProcessHardening.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace clinicdesk;

// No core dump from any ClinicDesk program, whoever starts it (issue 13, point 5: only the
// systemd units said LimitCORE=0). Each of the five programs is started from this process with
// core dumps allowed (unlimited), left waiting (a service listening, the relay polling a closed
// port, the admin CLI reading a password from stdin, the console on its first page), and its
// /proc/<pid>/limits must show a core file size of 0, soft and hard.
class TestNoCoreDumps : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QByteArray coreLimit(qint64 pid)
    {
        QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
        if (!limits.open(QIODevice::ReadOnly))
            return "unreadable";
        for (const QByteArray &line : limits.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                return line.mid(18).simplified();
        }
        return "missing";
    }

    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
               file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    // Starts `program`, waits until it has run its main() a while (its first output, or the
    // deadline), and returns its core limit; the process is then stopped.
    QByteArray limitOf(const QString &program, const QStringList &arguments,
                       const QByteArray &waitFor)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(ServiceProcess::binaryPath(program), arguments);
        if (!process.waitForStarted(10000))
            return "not started";
        QByteArray output;
        QDeadlineTimer deadline(30000);
        while (!output.contains(waitFor) && !deadline.hasExpired() &&
               process.state() == QProcess::Running) {
            if (process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                output += process.readAll();
        }
        const QByteArray limit = process.state() == QProcess::Running
                                     ? coreLimit(process.processId())
                                     : "exited: " + output.left(200);
        process.kill();
        process.waitForFinished(10000);
        return limit;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Children inherit this: without the programs' own call they could dump.
        const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
        if (::setrlimit(RLIMIT_CORE, &unlimited) != 0)
            QSKIP("cannot allow core dumps here, so their absence would prove nothing");
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("secret")),
                          "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("token")), "relay-token-0123456789\n"));
        QVERIFY(
            writeFile(m_dir.filePath(QStringLiteral("apikey")), "sandbox-api-key-0123456789\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("inbox.key")),
                          QByteArray(32, 'k').toBase64() + '\n'));
        QProcess init;
        init.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-admin")),
                   {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("console")),
                    QStringLiteral("--key-file"), m_dir.filePath(QStringLiteral("console.key")),
                    QStringLiteral("store"), QStringLiteral("init")});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
    }

    void everyProgramStartsWithoutCoreDumps_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("waitFor");
        const QString console = m_dir.filePath(QStringLiteral("console"));
        const QString consoleKey = m_dir.filePath(QStringLiteral("console.key"));
        QTest::newRow("clinicdesk-inbox")
            << QStringLiteral("clinicdesk-inbox")
            << QStringList{QStringLiteral("--data-dir"),
                           m_dir.filePath(QStringLiteral("inbox")),
                           QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--key-file"),
                           m_dir.filePath(QStringLiteral("inbox.key")),
                           QStringLiteral("--provider"),
                           QStringLiteral("beluga=") + m_dir.filePath(QStringLiteral("secret"))}
            << QByteArray("listening on");
        QTest::newRow("clinicdesk-sandbox")
            << QStringLiteral("clinicdesk-sandbox")
            << QStringList{QStringLiteral("--data-dir"),
                           m_dir.filePath(QStringLiteral("sandbox")),
                           QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--api-key-file"),
                           m_dir.filePath(QStringLiteral("apikey"))}
            << QByteArray("listening on");
        QTest::newRow("clinicdesk-relay")
            << QStringLiteral("clinicdesk-relay")
            << QStringList{QStringLiteral("--data-dir"),   console,
                           QStringLiteral("--key-file"),   consoleKey,
                           QStringLiteral("--inbox"),      QStringLiteral("http://127.0.0.1:9"),
                           QStringLiteral("--token-file"), m_dir.filePath(QStringLiteral("token"))}
            << QByteArray("polling");
        // Waits for a password on stdin, which never comes.
        QTest::newRow("clinicdesk-admin")
            << QStringLiteral("clinicdesk-admin")
            << QStringList{QStringLiteral("--data-dir"), console,
                           QStringLiteral("--key-file"), consoleKey,
                           QStringLiteral("users"),      QStringLiteral("add"),
                           QStringLiteral("ana"),        QStringLiteral("--password-stdin")}
            << QByteArray("never printed");
        QTest::newRow("clinicdesk") << QStringLiteral("clinicdesk")
                                    << QStringList{QStringLiteral("--data-dir"), console,
                                                   QStringLiteral("--key-file"), consoleKey}
                                    << QByteArray("never printed");
    }

    void everyProgramStartsWithoutCoreDumps()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, waitFor);
        if (waitFor == "never printed") {
            // No line to wait for: the limit is read once the program has been running a
            // while; a program that had not yet reached main() would show the inherited one.
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            process.setProcessEnvironment(env);
            process.start(ServiceProcess::binaryPath(program), arguments);
            QVERIFY(process.waitForStarted(10000));
            QTRY_COMPARE_WITH_TIMEOUT(coreLimit(process.processId()), QByteArray("0 0 bytes"),
                                      30000);
            QCOMPARE(process.state(), QProcess::Running);
            process.kill();
            process.waitForFinished(10000);
            return;
        }
        QCOMPARE(limitOf(program, arguments, waitFor), QByteArray("0 0 bytes"));
    }

    void theCallItselfSetsBoth()
    {
        disableCoreDumps();
        rlimit now{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &now), 0);
        QCOMPARE(now.rlim_cur, rlim_t(0));
        QCOMPARE(now.rlim_max, rlim_t(0));
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    }
};

QTEST_GUILESS_MAIN(TestNoCoreDumps)
#include "tst_nocoredumps.moc"
