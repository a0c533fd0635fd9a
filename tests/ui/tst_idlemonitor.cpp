#include "IdleMonitor.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace clinicdesk;
using namespace std::chrono_literals;

// The idle monitor: fires once after the timeout without input, and any keyboard or mouse input
// starts the count again.
class TestIdleMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsTenMinutes()
    {
        IdleMonitor monitor;
        QCOMPARE(monitor.timeout(), std::chrono::milliseconds(10min));
        QVERIFY(!monitor.isActive());
    }

    void firesOnceWhenQuiet()
    {
        IdleMonitor monitor;
        QSignalSpy idle(&monitor, &IdleMonitor::idle);
        monitor.setTimeout(150ms);
        QElapsedTimer clock;
        clock.start();
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 5000);
        QVERIFY(clock.elapsed() >= 150);
        QVERIFY(!monitor.isActive());
    }

    // Input restarts the count: idle() comes only after a full timeout without input. Nothing
    // here depends on the machine's speed: the keys are typed from the same event loop as the
    // monitor's timer, the first one at once; each is timed *before* it is typed, and the
    // signal may come late (a loaded machine) but never less than the timeout after the last
    // key it followed.
    void inputPostponesIt()
    {
        QLineEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        IdleMonitor monitor;
        QSignalSpy idle(&monitor, &IdleMonitor::idle);
        constexpr qint64 kTimeoutMs = 300;
        monitor.setTimeout(std::chrono::milliseconds(kTimeoutMs));
        QElapsedTimer clock;
        QList<qint64> keysAt;
        qint64 idleAt = -1;
        connect(&monitor, &IdleMonitor::idle, this, [&] { idleAt = clock.elapsed(); });
        const auto typeKey = [&] {
            keysAt << clock.elapsed();
            QTest::keyClick(&edit, Qt::Key_X);
        };
        clock.start();
        monitor.start();
        typeKey();
        // Three timeouts' worth of typing, a key every 30 ms: without the restart, idle() would
        // come in the middle of it.
        QTimer typist;
        typist.setInterval(30);
        connect(&typist, &QTimer::timeout, this, [&] {
            if (keysAt.size() >= 30)
                typist.stop();
            else
                typeKey();
        });
        typist.start();
        QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 15000);
        QVERIFY(idleAt >= 0);
        qint64 lastKeyBefore = -1;
        for (qint64 at : std::as_const(keysAt)) {
            if (at <= idleAt)
                lastKeyBefore = at;
        }
        QVERIFY(lastKeyBefore >= 0); // the first key was typed before any timer could fire
        QVERIFY2(idleAt - lastKeyBefore >= kTimeoutMs,
                 qPrintable(QStringLiteral("idle %1 ms after a key").arg(idleAt - lastKeyBefore)));
        typist.stop();

        // Mouse movement counts too; stop() means no signal at all.
        monitor.start();
        QTest::mouseMove(&edit, QPoint(5, 5));
        monitor.stop();
        QVERIFY(!monitor.isActive());
        QCoreApplication::processEvents();
        QCOMPARE(idle.size(), 1);
    }
};

QTEST_MAIN(TestIdleMonitor)
#include "tst_idlemonitor.moc"
