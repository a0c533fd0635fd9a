#include "TestSupport.h"
#include "intake/DraftRepository.h"

#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>

#include <csignal>

using namespace clinicdesk;

// kill -9 in the middle of typing: a child program types into the wizard and is killed with
// SIGKILL; the draft must then open cleanly, hold a prefix of what was typed, and hold at least
// everything the autosave had reported committed before the kill. How much typing a kill may
// lose (at most 250 ms of it) is bench_autosave's figure, not this test's.
class TestIntakeCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedMidTypingKeepsEverySave_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 25;
        QTest::newRow("mid") << 80;
        QTest::newRow("late") << 140;
    }

    void killedMidTypingKeepsEverySave()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString keyFile = test::writeKeyFile(dir);
        const QString dataDir = dir.filePath(QStringLiteral("store"));
        QString text;
        for (int i = 0; i < 190; ++i)
            text += QChar(u'a' + i % 26);
        const QString textFile = dir.filePath(QStringLiteral("text"));
        {
            QFile f(textFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        }
        // The store exists before the child starts (its first open applies the migrations).
        {
            KeyFileKeyProvider keys(keyFile);
            auto store = test::openStore(dataDir, keys);
        }

        QProcess child;
        child.setProgram(QString::fromLocal8Bit(qgetenv("CLINICDESK_BIN_DIR")) +
                         QStringLiteral("/intake_crash_child"));
        child.setArguments({dataDir, keyFile, textFile});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        int typed = 0;
        qsizetype savedBeforeKill = -1; // the longest address a reported save held
        const auto readLines = [&]() {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("typed "))
                    typed = line.mid(6).toInt();
                else if (line.startsWith("saved "))
                    savedBeforeKill = qMax(savedBeforeKill, qsizetype(line.mid(6).toLongLong()));
            }
        };
        connect(&child, &QProcess::readyReadStandardOutput, this, readLines);
        child.start();
        QVERIFY(child.waitForStarted());
        const auto noOrphan = qScopeGuard([&child] {
            if (child.state() != QProcess::NotRunning) {
                child.kill();
                child.waitForFinished();
            }
        });
        // Killed while typing, once the autosave has committed at least once.
        QTRY_VERIFY_WITH_TIMEOUT(typed >= killAfter && savedBeforeKill > 0, 30000);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        readLines(); // what the child wrote before it died counts too

        KeyFileKeyProvider keys(keyFile);
        auto store = test::openStore(dataDir, keys);
        auto drafts = DraftRepository(*store).list();
        QVERIFY2(drafts, drafts ? "" : qPrintable(drafts.error().message));
        QCOMPARE(drafts->size(), 1);
        const QString saved = drafts->first()
                                  .answers.value(QStringLiteral("patient.address"))
                                  .toArray()
                                  .first()
                                  .toString();
        qInfo("typed %d keys, the last reported save held %lld, the draft holds %lld", typed,
              qint64(savedBeforeKill), qint64(saved.size()));
        QVERIFY(text.startsWith(saved));
        QVERIFY2(saved.size() >= savedBeforeKill, qPrintable(QString::number(saved.size())));
        QCOMPARE(drafts->first().ownerUser, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestIntakeCrash)
#include "tst_intakecrash.moc"
