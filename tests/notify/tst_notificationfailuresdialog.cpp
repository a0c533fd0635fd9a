#include "IntakeSupport.h"
#include "NotificationFailuresDialog.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"

#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;

// The administration dialog of undelivered patient messages: the failed rows with their reason
// (no address), Retry queues the selected one again and is recorded in the audit log. With
// CLINICDESK_SCREENSHOT_DIR set it saves docs' screenshot of itself.
class TestNotificationFailuresDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void listsFailuresAndRetries()
    {
        QVERIFY(m_dir.isValid());
        KeyFileKeyProvider keys(test::writeKeyFile(m_dir));
        auto store = test::openStore(m_dir.filePath(QStringLiteral("store")), keys);
        AuditLog audit(*store, &keys);
        const auto v = test::submitVisit(*store, QStringLiteral("6125550100"));
        QVERIFY(PatientConsentStore(store->db(), store->cipher())
                    .setConsent(v.patientId, true, true, QStringLiteral("en"),
                                QStringLiteral("alice")));
        test::applyEvents(*store,
                          {test::providerEvent(v.masterId, VisitEvent::Type::RxWritten),
                           test::providerEvent(v.masterId, VisitEvent::Type::ConsultCanceled)});
        NotificationRepository rows(store->db(), store->cipher());
        const QString now = TimeText::utcNow();
        auto claimed =
            rows.claim(QStringLiteral("t"), now, QStringLiteral("2999-01-01T00:00:00.000Z"), 3);
        QVERIFY(claimed);
        QCOMPARE(claimed->size(), 3);
        const QStringList reasons = {
            QStringLiteral("SMTP: Weird server reply (reply 554)"),
            QStringLiteral("SMS API: HTTP 400, code 21211: The 'To' number [recipient] is not a "
                           "valid phone number."),
            QStringLiteral("SMTP: Timeout was reached (reply 0)")};
        for (int i = 0; i < 3; ++i)
            QVERIFY(rows.markRetry(claimed->at(i).id, QStringLiteral("t"), reasons[i], now, true));

        User admin;
        admin.username = QStringLiteral("root.admin");
        NotificationFailuresDialog dialog(*store, audit, admin);
        dialog.resize(1100, 420);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("failures"));
        auto *retry = dialog.findChild<QPushButton *>(QStringLiteral("retry"));
        QVERIFY(table && retry);
        QCOMPARE(table->rowCount(), 3);
        QVERIFY(!table->accessibleName().isEmpty());
        QVERIFY(!retry->accessibleName().isEmpty());
        QString shown;
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                shown += table->item(r, c)->text() + QLatin1Char(' ');
        QVERIFY(shown.contains(QStringLiteral("code 21211")));
        QVERIFY(!shown.contains(QStringLiteral("6125550100")));
        QVERIFY(!shown.contains(QStringLiteral("luis@example.org")));
        if (const QString dir = qEnvironmentVariable("CLINICDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(
                QDir(dir).filePath(QStringLiteral("admin-notification-failures.png"))));

        // Keyboard: the table has the focus order's first stop, Retry is reachable and acts.
        table->selectRow(1);
        QVERIFY(retry->isEnabled());
        QTest::keyClick(retry, Qt::Key_Space);
        QCOMPARE(dialog.failureCount(), 2);
        QCOMPARE(rows.list({}, QStringLiteral("queued"))->size(), 2); // with the one never claimed
        auto entries =
            store->db().exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity_type = "
                                            "'notification' AND outcome = ?"),
                             {auditOutcomeName(AuditOutcome::Success)});
        QVERIFY(entries && entries->next());
        QCOMPARE(entries->value(0).toInt(), 1);
    }
};

QTEST_MAIN(TestNotificationFailuresDialog)
#include "tst_notificationfailuresdialog.moc"
