#include "AccountCreateDialog.h"
#include "AccountListModel.h"
#include "AccountPasswordDialog.h"
#include "AccountsPage.h"
#include "FieldErrorLabel.h"
#include "HomePage.h"
#include "MainWindow.h"
#include "SignInPage.h"
#include "TestSupport.h"
#include "accounts/PasswordPolicy.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace clinicdesk;

namespace {

const QString kAdminPassword = QStringLiteral("copper kettle meadow");
const QString kPassword = QStringLiteral("tangerine ladder oboe");
const QString kNewPassword = QStringLiteral("quiet harbour lantern");

QWidget *focused()
{
    return QApplication::focusWidget();
}

void type(const QString &text)
{
    QTest::keyClicks(focused(), text);
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(focused(), key, modifiers);
}

// Runs `steps` inside the next modal dialog's event loop.
void whenDialogOpens(std::function<void(QDialog *)> steps)
{
    QTimer::singleShot(0, [steps = std::move(steps)] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            qFatal("no modal dialog opened");
        // A failed check returns early: never leave the dialog's event loop running.
        auto closeAfter = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        if (!QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }))
            qFatal("the dialog did not become active");
        steps(dialog);
    });
}

} // namespace

// The admin screens, driven from the keyboard: list, create (with the policy's errors inline),
// disable / enable, reset password; every change audited.
class TestAccountsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    QString m_dataDir;
    std::unique_ptr<MainWindow> m_window;

    AccountsPage *page() { return qobject_cast<AccountsPage *>(m_window->currentPage()); }

    QStringList adminTrail()
    {
        QStringList lines;
        (void)m_window->auditLog()->forEach({}, [&](const AuditEntry &e) {
            if (e.action == auditActionName(AuditAction::Admin))
                lines << QStringLiteral("%1 %2").arg(e.user, e.detail);
            return true;
        });
        return lines;
    }

    int rowOf(const QString &username)
    {
        auto *model = page()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->user(row).username == username)
                return row;
        return -1;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dataDir = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dataDir + QStringLiteral(".key"));
        {
            auto store = test::openStore(m_dataDir, *m_keys);
            UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
            QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Admin"),
                                     Role::Admin, kAdminPassword));
            QVERIFY(users.createUser(QStringLiteral("sam"), QStringLiteral("Sam Staff"),
                                     Role::Staff, kPassword));
        }
        m_window = std::make_unique<MainWindow>(
            [this] {
                return LocalStore::open({m_dataDir, m_keys.get(), false});
            },
            PasswordHasher(PasswordHasher::testing()), m_keys.get());
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->start();
        type(QStringLiteral("ana"));
        press(Qt::Key_Tab);
        type(kAdminPassword);
        press(Qt::Key_Return);
        QTRY_VERIFY(qobject_cast<HomePage *>(m_window->currentPage()));
        press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(page());
    }

    void cleanup()
    {
        m_window.reset();
        m_keys.reset();
    }

    void listsAccounts()
    {
        QAbstractItemModelTester tester(page()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page()->model()->rowCount(), 2);
        QCOMPARE(focused()->objectName(), QStringLiteral("accountsView"));
        const auto *model = page()->model();
        const int sam = rowOf(QStringLiteral("sam"));
        QCOMPARE(model->index(sam, AccountListModel::DisplayNameColumn).data().toString(),
                 QStringLiteral("Sam Staff"));
        QCOMPARE(model->index(sam, AccountListModel::RoleColumn).data().toString(),
                 QStringLiteral("Staff"));
        QCOMPARE(model->index(sam, AccountListModel::StatusColumn).data().toString(),
                 QStringLiteral("Active"));
        QVERIFY(model->index(sam, AccountListModel::LockedUntilColumn).data().toString().isEmpty());
    }

    void createAccountWithPolicyErrorsInline()
    {
        bool sawPolicyError = false;
        whenDialogOpens([&](QDialog *dialog) {
            QCOMPARE_NE(qobject_cast<AccountCreateDialog *>(dialog), nullptr);
            QCOMPARE(focused()->objectName(), QStringLiteral("usernameEdit"));
            type(QStringLiteral("eve"));
            press(Qt::Key_Tab);
            type(QStringLiteral("Eve Example"));
            press(Qt::Key_Tab);
            QCOMPARE(focused()->objectName(), QStringLiteral("roleEdit"));
            press(Qt::Key_Down); // Administrator
            press(Qt::Key_Tab);
            type(QStringLiteral("password1234"));
            press(Qt::Key_Tab);
            type(QStringLiteral("password1234"));
            press(Qt::Key_Return);
            auto *error = dialog->findChild<FieldErrorLabel *>(QStringLiteral("passwordError"));
            sawPolicyError =
                dialog->isVisible() && error->isVisible() &&
                error->text() == PasswordPolicy::message(PasswordPolicy::Problem::Common);
            QCOMPARE(focused()->objectName(), QStringLiteral("passwordEdit"));
            press(Qt::Key_A, Qt::ControlModifier);
            type(kPassword);
            press(Qt::Key_Tab);
            press(Qt::Key_A, Qt::ControlModifier);
            type(kPassword);
            press(Qt::Key_Return);
        });
        press(Qt::Key_Tab); // to "New account…"
        QCOMPARE(focused()->objectName(), QStringLiteral("newButton"));
        press(Qt::Key_Space);
        QVERIFY(sawPolicyError);
        // The offscreen platform activates nothing when a dialog closes; a window manager would.
        m_window->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
        QCOMPARE(page()->model()->rowCount(), 3);
        const int eve = rowOf(QStringLiteral("eve"));
        QVERIFY(eve >= 0);
        QCOMPARE(page()->model()->user(eve).role, Role::Admin);
        QVERIFY(adminTrail().last().startsWith(QLatin1String("ana account created: eve")));
    }

    void disableEnableAndResetPassword()
    {
        QVERIFY(page()->selectUsername(QStringLiteral("sam")));
        page()->toggleDisabled(false);
        QVERIFY(page()->model()->user(rowOf(QStringLiteral("sam"))).disabled);
        QCOMPARE(page()
                     ->model()
                     ->index(rowOf(QStringLiteral("sam")), AccountListModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Disabled"));
        page()->toggleDisabled(false);
        QVERIFY(!page()->model()->user(rowOf(QStringLiteral("sam"))).disabled);

        // Reset: typed twice; a mismatch is named next to the confirmation.
        bool sawMismatch = false;
        whenDialogOpens([&](QDialog *dialog) {
            QCOMPARE_NE(qobject_cast<AccountPasswordDialog *>(dialog), nullptr);
            QCOMPARE(focused()->objectName(), QStringLiteral("passwordEdit"));
            type(kNewPassword);
            press(Qt::Key_Tab);
            type(kNewPassword + QLatin1Char('!'));
            press(Qt::Key_Return);
            sawMismatch =
                dialog->findChild<FieldErrorLabel *>(QStringLiteral("confirmError"))->isVisible();
            press(Qt::Key_Backspace);
            press(Qt::Key_Return);
        });
        page()->resetPassword();
        QVERIFY(sawMismatch);
        // The offscreen platform activates nothing when a dialog closes; a window manager would.
        m_window->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
        QCOMPARE(focused()->objectName(), QStringLiteral("accountsView"));

        // An admin cannot disable themselves: the button is off for their own row.
        QVERIFY(page()->selectUsername(QStringLiteral("ana")));
        QVERIFY(!page()->findChild<QPushButton *>(QStringLiteral("disableButton"))->isEnabled());

        const QStringList trail = adminTrail();
        QCOMPARE(trail.size(), 3);
        QCOMPARE(trail[0], QStringLiteral("ana account disabled: sam"));
        QCOMPARE(trail[1], QStringLiteral("ana account enabled: sam"));
        QCOMPARE(trail[2], QStringLiteral("ana password reset: sam"));

        // sam signs in with the new password.
        press(Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(qobject_cast<SignInPage *>(m_window->currentPage()));
        type(QStringLiteral("sam"));
        press(Qt::Key_Tab);
        type(kNewPassword);
        press(Qt::Key_Return);
        QTRY_VERIFY(qobject_cast<HomePage *>(m_window->currentPage()));
        QCOMPARE(m_window->currentUser()->username, QStringLiteral("sam"));
    }
};

QTEST_MAIN(TestAccountsPage)
#include "tst_accountspage.moc"
