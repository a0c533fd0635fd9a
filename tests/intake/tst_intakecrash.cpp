#include "TestSupport.h"
#include "intake/DraftRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>

#include <csignal>

using namespace clinicdesk;

// kill -9 in the middle of typing: a child program types into the wizard and is killed with
// SIGKILL; the draft must then hold everything typed up to the last 250 ms, and open cleanly.
class TestIntakeCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedMidTypingLosesAtMostAQuarterSecond_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 25;
        QTest::newRow("mid") << 80;
        QTest::newRow("late") << 140;
    }

    void killedMidTypingLosesAtMostAQuarterSecond()
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
        QElapsedTimer clock;
        QList<qint64> typedAt; // when the parent learned of key n (1-based: index n-1)
        connect(&child, &QProcess::readyReadStandardOutput, this, [&]() {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("typed "))
                    typedAt << clock.elapsed();
            }
        });
        QSignalSpy started(&child, &QProcess::started);
        clock.start();
        child.start();
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(typedAt.size() >= killAfter, 20000);
        ::kill(pid_t(child.processId()), SIGKILL);
        const qint64 killedAt = clock.elapsed();
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Every key the parent had heard of 250 ms before the kill must be in the draft.
        qsizetype mustHave = 0;
        for (qsizetype i = 0; i < typedAt.size(); ++i)
            if (typedAt[i] <= killedAt - 250)
                mustHave = i + 1;
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
        qInfo("typed %lld keys, %lld due, draft holds %lld", qint64(typedAt.size()),
              qint64(mustHave), qint64(saved.size()));
        QVERIFY(text.startsWith(saved));
        QVERIFY2(saved.size() >= mustHave, qPrintable(QString::number(saved.size())));
        QCOMPARE(drafts->first().ownerUser, QStringLiteral("alice"));
    }
};

QTEST_GUILESS_MAIN(TestIntakeCrash)
#include "tst_intakecrash.moc"
