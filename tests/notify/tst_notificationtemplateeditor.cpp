#include "AccessibilityAudit.h"
#include "HomePage.h"
#include "MainWindow.h"
#include "NotificationTemplatesDialog.h"
#include "ScreenshotLanguage.h"
#include "TestSupport.h"
#include "WindowSupport.h"
#include "access/AccountAdmin.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "notify/NotificationSettings.h"
#include "notify/NotificationTemplates.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace clinicdesk;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
} // namespace

// The console's editor of patient message templates (issue 17), driven from the keyboard
// offscreen on a real store: the live preview is the exact text with the clinic's settings and
// sample values, Save refuses a placeholder outside the safe set (naming it) and keeps the stored
// text, a save persists and is audited, Reset goes back to the built-in text, a staff member is
// refused, and only an administrator's window opens it. With CLINICDESK_SCREENSHOT_DIR set it
// saves docs' screenshots in English and Spanish.
class TestNotificationTemplateEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<ConsoleServices> m_services;
    User m_admin;
    User m_staff;

    int auditCount(const QString &action, const QString &entityId)
    {
        auto n = m_services->store()->db().exec(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity_type = "
                           "'notification_template' AND action = ? AND entity_id = ?"),
            {action, entityId});
        return n && n->next() ? n->value(0).toInt() : -1;
    }

    NotificationTemplates::Template stored(const QString &key, const QString &language)
    {
        auto t = NotificationTemplates(m_services->store()->db()).get(key, language);
        return t ? t.value() : NotificationTemplates::Template{};
    }

    std::unique_ptr<NotificationTemplatesDialog> openDialog(const User &user)
    {
        auto dialog = std::make_unique<NotificationTemplatesDialog>(
            *m_services->store(), *m_services->accountAdmin(), *m_services->audit(), user);
        dialog->resize(1180, 640);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            return nullptr;
        return dialog;
    }

    // Replaces a field's text from the keyboard.
    static void retype(QWidget *field, const QString &text)
    {
        field->setFocus(Qt::TabFocusReason);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dataDir = m_dir.filePath(QStringLiteral("store"));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dataDir + QStringLiteral(".key"));
        m_services = test::openServices(m_dataDir, *m_keys);
        UserRepository &users = *m_services->users();
        m_admin =
            users.createUser(QStringLiteral("root"), QStringLiteral("Root"), Role::Admin, kPassword)
                .value();
        m_staff =
            users.createUser(QStringLiteral("sam"), QStringLiteral("Sam"), Role::Staff, kPassword)
                .value();
        QSettings ini(NotificationSettings::path(m_dataDir), QSettings::IniFormat);
        ini.setValue(QStringLiteral("notifications/clinicName"),
                     QStringLiteral("Northside Clinic"));
        ini.setValue(QStringLiteral("notifications/clinicPhone"), QStringLiteral("555-0100"));
        ini.sync();
    }

    void cleanupTestCase() { m_services.reset(); }

    void editPreviewRefuseSaveReset()
    {
        auto dialog = openDialog(m_admin);
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("templates"));
        auto *subject = dialog->findChild<QLineEdit *>(QStringLiteral("subject"));
        auto *body = dialog->findChild<QPlainTextEdit *>(QStringLiteral("body"));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("save"));
        auto *reset = dialog->findChild<QPushButton *>(QStringLiteral("reset"));
        QVERIFY(table && subject && body && save && reset);
        // Seven events, two languages each.
        QCOMPARE(table->rowCount(), 14);

        // The list from the keyboard: Down from the first row reaches "prescription written" in
        // Spanish.
        table->setFocus(Qt::TabFocusReason);
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(subject->text(), NotificationTemplates::builtIn(
                                      QStringLiteral("prescription_written"), QStringLiteral("es"))
                                      .subject);

        QVERIFY(dialog->select(QStringLiteral("shipped"), QStringLiteral("en")));
        const auto builtIn =
            NotificationTemplates::builtIn(QStringLiteral("shipped"), QStringLiteral("en"));
        QCOMPARE(subject->text(), builtIn.subject);
        QCOMPARE(body->toPlainText(), builtIn.body);
        QCOMPARE(dialog->previewText(),
                 QStringLiteral("Subject: Northside Clinic: your order has shipped\n\nHello Ana, "
                                "your order from Northside Clinic has shipped with UPS, tracking "
                                "1Z999AA10123456784. Questions? Call 555-0100."));

        // Edited: the preview follows each key.
        retype(subject, QStringLiteral("{clinic_name} shipped it"));
        retype(body, QStringLiteral("Hi {first_name}: {carrier} {tracking}, call {clinic_phone}"));
        const QString expected =
            QStringLiteral("Subject: Northside Clinic shipped it\n\nHi Ana: UPS "
                           "1Z999AA10123456784, call 555-0100");
        QCOMPARE(dialog->previewText(), expected);
        QCOMPARE(table->item(table->currentRow(), 2)->text(), QStringLiteral("Changed, not saved"));
        save->setFocus(Qt::TabFocusReason);
        QTest::keyClick(save, Qt::Key_Space);
        QCOMPARE(stored(QStringLiteral("shipped"), QStringLiteral("en")).body,
                 QStringLiteral("Hi {first_name}: {carrier} {tracking}, call {clinic_phone}"));
        QCOMPARE(stored(QStringLiteral("shipped"), QStringLiteral("en")).subject,
                 QStringLiteral("{clinic_name} shipped it"));
        QCOMPARE(auditCount(QStringLiteral("admin"), QStringLiteral("shipped/en")), 1);
        QCOMPARE(table->item(table->currentRow(), 2)->text(),
                 QStringLiteral("The clinic's wording"));
        QVERIFY(dialog->statusText().startsWith(QStringLiteral("Saved")));

        // A placeholder outside the safe set, in the body, then in the subject: refused, named,
        // the stored text unchanged and nothing audited.
        retype(body, QStringLiteral("Hi {first_name}, your {medication} shipped"));
        QVERIFY(dialog->previewText().contains(QStringLiteral("Hi Ana, your  shipped")));
        QTest::keyClick(save, Qt::Key_Space);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("{medication} is not allowed")),
                 qPrintable(dialog->statusText()));
        QVERIFY(!dialog->saveCurrent());
        retype(body, QStringLiteral("Hi {first_name}"));
        retype(subject, QStringLiteral("About your {diagnosis}"));
        QVERIFY(!dialog->saveCurrent());
        QVERIFY(dialog->statusText().contains(QStringLiteral("{diagnosis}")));
        QVERIFY(!dialog->statusText().contains(QStringLiteral("{medication}")));
        QCOMPARE(stored(QStringLiteral("shipped"), QStringLiteral("en")).body,
                 QStringLiteral("Hi {first_name}: {carrier} {tracking}, call {clinic_phone}"));
        QCOMPARE(auditCount(QStringLiteral("admin"), QStringLiteral("shipped/en")), 1);
        // The unsaved edit stays with its row while another is looked at.
        QVERIFY(dialog->select(QStringLiteral("delivered"), QStringLiteral("es")));
        QVERIFY(dialog->select(QStringLiteral("shipped"), QStringLiteral("en")));
        QCOMPARE(subject->text(), QStringLiteral("About your {diagnosis}"));

        // Saved text persists: a new dialog reads it from the store.
        dialog.reset();
        dialog = openDialog(m_admin);
        QVERIFY(dialog);
        subject = dialog->findChild<QLineEdit *>(QStringLiteral("subject"));
        body = dialog->findChild<QPlainTextEdit *>(QStringLiteral("body"));
        reset = dialog->findChild<QPushButton *>(QStringLiteral("reset"));
        QVERIFY(dialog->select(QStringLiteral("shipped"), QStringLiteral("en")));
        QCOMPARE(body->toPlainText(),
                 QStringLiteral("Hi {first_name}: {carrier} {tracking}, call {clinic_phone}"));
        QCOMPARE(dialog->previewText(), expected);

        // Reset: the built-in text again, in the store and on screen, audited.
        reset->setFocus(Qt::TabFocusReason);
        QTest::keyClick(reset, Qt::Key_Space);
        auto custom = NotificationTemplates(m_services->store()->db())
                          .isCustom(QStringLiteral("shipped"), QStringLiteral("en"));
        QVERIFY(custom);
        QVERIFY(!custom.value());
        QCOMPARE(subject->text(), builtIn.subject);
        QCOMPARE(body->toPlainText(), builtIn.body);
        QCOMPARE(auditCount(QStringLiteral("admin"), QStringLiteral("shipped/en")), 2);
    }

    void staffIsRefused()
    {
        auto dialog = openDialog(m_staff);
        QVERIFY(dialog);
        QVERIFY(dialog->select(QStringLiteral("canceled"), QStringLiteral("en")));
        retype(dialog->findChild<QPlainTextEdit *>(QStringLiteral("body")),
               QStringLiteral("Hello {first_name}"));
        QVERIFY(!dialog->saveCurrent());
        QVERIFY(dialog->statusText().contains(QStringLiteral("only an administrator")));
        QVERIFY(!dialog->resetCurrent());
        auto custom = NotificationTemplates(m_services->store()->db())
                          .isCustom(QStringLiteral("canceled"), QStringLiteral("en"));
        QVERIFY(custom && !custom.value());
        QCOMPARE(auditCount(QStringLiteral("access-denied"), QStringLiteral("canceled/en")), 2);
    }

    // Ctrl+Shift+T opens the editor for an administrator; for staff the action is hidden and the
    // shortcut opens nothing.
    void onlyAnAdministratorOpensIt()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("window"));
        KeyFileKeyProvider keys(dataDir + QStringLiteral(".key"));
        {
            auto store = test::openStore(dataDir, keys);
            UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
            QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana"), Role::Admin,
                                     kPassword));
            QVERIFY(users.createUser(QStringLiteral("tia"), QStringLiteral("Tia"), Role::Staff,
                                     kPassword));
        }
        MainWindow window(
            [&] {
                return LocalStore::open({dataDir, &keys, false});
            },
            PasswordHasher(PasswordHasher::testing()));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.start();
        auto *action = window.findChild<QAction *>(QStringLiteral("actionNotificationTemplates"));
        QVERIFY(action);

        const auto pressAndSee = [&]() -> QString {
            QString opened;
            QTimer::singleShot(0, this, [&] {
                if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                    opened = d->objectName();
                    d->reject();
                }
            });
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                        : static_cast<QWidget *>(&window),
                            Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
            QCoreApplication::processEvents();
            return opened;
        };

        QVERIFY(test::typeSignIn(window, QStringLiteral("tia"), kPassword));
        QTRY_VERIFY(qobject_cast<HomePage *>(window.currentPage()));
        QVERIFY(!action->isVisible() && !action->isEnabled());
        QCOMPARE(pressAndSee(), QString());
        window.signOut();

        QVERIFY(test::typeSignIn(window, QStringLiteral("ana"), kPassword));
        QTRY_VERIFY(qobject_cast<HomePage *>(window.currentPage()));
        QVERIFY(action->isVisible() && action->isEnabled());
        QCOMPARE(pressAndSee(), QStringLiteral("notificationTemplatesDialog"));
    }

    // Every control named, Tab round the dialog in reading order, in English and Spanish; the
    // screenshots for docs/ when asked.
    void accessibleInBothLanguagesAndScreenshots()
    {
        test::ScreenshotLanguage spanish;
        for (const bool es : {false, true}) {
            if (es)
                QVERIFY(spanish.setUp(QStringLiteral(CLINICDESK_ES_QM)));
            auto dialog = openDialog(m_admin);
            QVERIFY(dialog);
            dialog->resize(1180, 640);
            QVERIFY(dialog->select(QStringLiteral("shipped"),
                                   es ? QStringLiteral("es") : QStringLiteral("en")));
            QStringList findings = test::auditTree(dialog.get());
            findings += test::auditTabCycle(dialog.get());
            QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
            if (es)
                QVERIFY(dialog->previewText().startsWith(QStringLiteral("Asunto: ")));
            if (const QString dir = qEnvironmentVariable("CLINICDESK_SCREENSHOT_DIR");
                !dir.isEmpty())
                QVERIFY(dialog->grab().save(
                    QDir(dir).filePath(es ? QStringLiteral("notification-templates-es.png")
                                          : QStringLiteral("notification-templates-en.png"))));
        }
    }
};

QTEST_MAIN(TestNotificationTemplateEditor)
#include "tst_notificationtemplateeditor.moc"
