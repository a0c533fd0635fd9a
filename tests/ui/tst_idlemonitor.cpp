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

    void inputPostponesIt()
    {
        QLineEdit edit;
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        IdleMonitor monitor;
        QSignalSpy idle(&monitor, &IdleMonitor::idle);
        monitor.setTimeout(300ms);
        QElapsedTimer clock;
        clock.start();
        monitor.start();
        qint64 typedAt = 0;
        QTimer::singleShot(200, &edit, [&] {
            QTest::keyClick(&edit, Qt::Key_X);
            typedAt = clock.elapsed();
        });
        QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 5000);
        QVERIFY(typedAt >= 200);
        QVERIFY2(clock.elapsed() >= typedAt + 300, qPrintable(QString::number(clock.elapsed())));

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
