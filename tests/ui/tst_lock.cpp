#include "AccountListModel.h"
#include "AccountsPage.h"
#include "DraftsPage.h"
#include "FieldErrorLabel.h"
#include "HomePage.h"
#include "IntakeWizard.h"
#include "LockPage.h"
#include "MainWindow.h"
#include "SignInPage.h"
#include "TestSupport.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "intake/DraftRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace clinicdesk;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("tangerine ladder oboe");
const QString kAdminPassword = QStringLiteral("copper kettle meadow");
// Fake PHI, recognisable anywhere it might leak.
const QString kCanary = QStringLiteral("Zebulon Canarywood");

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

void replaceText(const QString &text)
{
    press(Qt::Key_A, Qt::ControlModifier);
    type(text);
}

// Every piece of text a visible widget in `root` shows or announces.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible())
            continue;
        texts << w->windowTitle() << w->accessibleName() << w->accessibleDescription()
              << w->toolTip();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
    }
    return texts;
}

bool showsCanary(QWidget *root)
{
    const QStringList texts = visibleTexts(root);
    return std::any_of(texts.begin(), texts.end(),
                       [](const QString &t) { return t.contains(QLatin1String("Canarywood")); });
}

} // namespace

// The automatic lock: what the window shows while locked, who may continue, and what the audit
// log records. Driven from the keyboard, offscreen.
class TestLock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    QString m_dataDir;
    std::unique_ptr<MainWindow> m_window;

    template<typename Page> Page *current()
    {
        return qobject_cast<Page *>(m_window->currentPage());
    }

    void signIn(const QString &username, const QString &password)
    {
        QVERIFY(current<SignInPage>());
        QCOMPARE(focused()->objectName(), QStringLiteral("usernameEdit"));
        type(username);
        press(Qt::Key_Tab);
        type(password);
        press(Qt::Key_Return);
        QTRY_VERIFY(current<HomePage>());
        QCOMPARE(m_window->currentUser()->username, username);
    }

    // A page showing a patient, as the intake wizard would.
    QWidget *openCanaryPage()
    {
        auto *page = new QWidget;
        page->setObjectName(QStringLiteral("canaryPage"));
        auto *layout = new QVBoxLayout(page);
        auto *name = new QLabel(QStringLiteral("Patient: %1, born 02/29/1960").arg(kCanary));
        auto *phone = new QLineEdit(QStringLiteral("%1 5550100").arg(kCanary));
        phone->setObjectName(QStringLiteral("canaryEdit"));
        layout->addWidget(name);
        layout->addWidget(phone);
        m_window->openSessionPage(page);
        phone->setFocus();
        return page;
    }

    QStringList trail()
    {
        QStringList lines;
        (void)m_window->auditLog()->forEach({}, [&](const AuditEntry &e) {
            lines << QStringLiteral("%1 %2 %3").arg(e.action, e.user, e.detail);
            return true;
        });
        return lines;
    }

    LockPage *lockPage() { return m_window->findChild<LockPage *>(); }

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
            QVERIFY(users.createUser(QStringLiteral("tia"), QStringLiteral("Tia Staff"),
                                     Role::Staff, kPassword));
        }
        m_window = std::make_unique<MainWindow>(
            [this] {
                return LocalStore::open({m_dataDir, m_keys.get(), false});
            },
            PasswordHasher(PasswordHasher::testing()), m_keys.get());
        QCOMPARE(m_window->idleTimeout(), std::chrono::milliseconds(10min));
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->start();
    }

    void cleanup()
    {
        m_window.reset();
        m_keys.reset();
    }

    void idleLockCoversEverythingAndSameUserContinues()
    {
        signIn(QStringLiteral("sam"), kPassword);
        QPointer<QWidget> page = openCanaryPage();
        QVERIFY(page->isVisible());
        QVERIFY(showsCanary(m_window.get()));

        // No input from here on: the shortened idle timeout locks the console.
        m_window->setIdleTimeout(300ms);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isLocked(), 5000);
        QVERIFY(current<LockPage>());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("ClinicDesk"));
        QVERIFY(page); // covered, not destroyed: an open intake keeps its draft
        QVERIFY(!page->isVisible());
        QVERIFY2(!showsCanary(m_window.get()), "the canary patient is still readable");
        QCOMPARE(focused()->objectName(), QStringLiteral("passwordEdit"));

        // The window shows exactly the lock page: pixel for pixel what the lock page alone
        // renders at the same size. (Without keyboard focus in either: the caret blinks.)
        focused()->clearFocus();
        const QImage shot = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
        LockPage alone;
        alone.setAttribute(Qt::WA_DontShowOnScreen);
        alone.activate(m_window->currentUser().value());
        alone.resize(m_window->size());
        alone.show();
        const QImage reference = alone.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(shot.size(), reference.size());
        if (shot != reference) {
            shot.save(m_dir.filePath(QStringLiteral("locked-window.png")));
            reference.save(m_dir.filePath(QStringLiteral("lock-page.png")));
            QFAIL("the locked window differs from the lock page alone");
        }
        alone.hide();

        // Shortcuts do nothing while locked (no way round the lock page).
        lockPage()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setFocus();
        press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        press(Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(current<LockPage>());

        // A wrong password keeps it locked; the right one brings the page back.
        type(QStringLiteral("not my password"));
        press(Qt::Key_Return);
        QVERIFY(m_window->isLocked());
        QVERIFY(
            lockPage()->findChild<FieldErrorLabel *>(QStringLiteral("passwordError"))->isVisible());
        type(kPassword);
        press(Qt::Key_Return);
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_window->currentPage(), page.data());
        // The keyboard is back where it was (issue 18: after unlock it was nowhere).
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("canaryEdit"));
        QVERIFY(showsCanary(m_window.get()));
        QCOMPARE(m_window->currentUser()->username, QStringLiteral("sam"));

        const QStringList log = trail();
        QVERIFY2(log.contains(QStringLiteral("lock sam idle")), qPrintable(log.join('\n')));
        QVERIFY2(log.contains(QStringLiteral("sign-in-failed sam unlock: bad credentials")),
                 qPrintable(log.join('\n')));
        QVERIFY2(log.contains(QStringLiteral("unlock sam same user")), qPrintable(log.join('\n')));
        QVERIFY(!log.join('\n').contains(QLatin1String("not my password")));
        QVERIFY(m_window->auditLog()->verify()->intact);
    }

    void otherStaffCannotUnlockAdminTakesOver()
    {
        signIn(QStringLiteral("sam"), kPassword);
        QPointer<QWidget> page = openCanaryPage();
        // Lock now is one key press.
        press(Qt::Key_L, Qt::ControlModifier);
        QVERIFY(m_window->isLocked());
        QVERIFY(!showsCanary(m_window.get()));
        QVERIFY(!m_window->findChild<QToolBar *>()->isVisible());

        // Another staff member, with their own right password: refused.
        press(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focused()->objectName(), QStringLiteral("usernameEdit"));
        replaceText(QStringLiteral("tia"));
        press(Qt::Key_Tab);
        type(kPassword);
        press(Qt::Key_Return);
        QVERIFY(m_window->isLocked());
        QCOMPARE(m_window->currentUser()->username, QStringLiteral("sam"));
        const QString refusal =
            lockPage()->findChild<FieldErrorLabel *>(QStringLiteral("passwordError"))->text();
        QVERIFY2(refusal.contains(QLatin1String("administrator")), qPrintable(refusal));
        QVERIFY(page);
        QVERIFY(!showsCanary(m_window.get()));

        // An administrator signs in as themselves: sam's session (and its pages) ends.
        press(Qt::Key_Tab, Qt::ShiftModifier);
        replaceText(QStringLiteral("ana"));
        press(Qt::Key_Tab);
        type(kAdminPassword);
        press(Qt::Key_Return);
        QTRY_VERIFY(!m_window->isLocked());
        QVERIFY(current<HomePage>());
        QCOMPARE(m_window->currentUser()->username, QStringLiteral("ana"));
        QVERIFY(!page); // sam's page went with sam's session
        QVERIFY(!showsCanary(m_window.get()));

        const QStringList log = trail();
        const QStringList expected = {QStringLiteral("sign-in sam "),
                                      QStringLiteral("lock sam manual"),
                                      QStringLiteral("access-denied tia unlock refused: console "
                                                     "locked by another user"),
                                      QStringLiteral("unlock ana administrator took over from sam"),
                                      QStringLiteral("sign-out sam session ended by administrator "
                                                     "ana"),
                                      QStringLiteral("sign-in ana unlock takeover")};
        QCOMPARE(log, expected);
    }

    void signOutIsOneKeyAndAudited()
    {
        signIn(QStringLiteral("tia"), kPassword);
        QPointer<QWidget> page = openCanaryPage();
        auto *toolBar = m_window->findChild<QToolBar *>();
        QVERIFY(toolBar->isVisible());
        press(Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(current<SignInPage>());
        QVERIFY(!m_window->currentUser());
        QVERIFY(!page);
        QVERIFY(!toolBar->isVisible());
        QCOMPARE(trail().last(), QStringLiteral("sign-out tia "));
        // Nobody signed in: nothing to lock, no timer running.
        m_window->setIdleTimeout(50ms);
        m_window->lockNow();
        QVERIFY(!m_window->isLocked());
        QVERIFY(current<SignInPage>());
    }

    void staffNeverSeeAdminScreens()
    {
        signIn(QStringLiteral("sam"), kPassword);
        const QStringList adminActions = {
            QStringLiteral("actionAccounts"), QStringLiteral("actionExportAudit"),
            QStringLiteral("actionVerifyAudit"), QStringLiteral("actionNotificationFailures"),
            QStringLiteral("actionNotificationTemplates")};
        for (const QString &name : adminActions) {
            auto *action = m_window->findChild<QAction *>(name);
            QVERIFY(action);
            QVERIFY2(!action->isVisible() && !action->isEnabled(), qPrintable(name));
        }
        press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(current<HomePage>());
        // Even called directly, the page gets nothing from the core.
        m_window->showAccounts();
        auto *accounts = m_window->findChild<AccountsPage *>();
        QCOMPARE(accounts->model()->rowCount(), 0);
        QVERIFY(trail().last().startsWith(QLatin1String("access-denied sam")));

        press(Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(current<SignInPage>());
        signIn(QStringLiteral("ana"), kAdminPassword);
        for (const QString &name : adminActions)
            QVERIFY(m_window->findChild<QAction *>(name)->isVisible());
        press(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(current<AccountsPage>());
        QCOMPARE(accounts->model()->rowCount(), 3);
    }

    void lockClosesOpenDialogs()
    {
        signIn(QStringLiteral("ana"), kAdminPassword);
        bool dialogWasOpen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            dialogWasOpen = dialog && dialog->isVisible();
            // Nobody touches anything: the idle lock fires inside the dialog's event loop.
            m_window->setIdleTimeout(200ms);
            (void)QTest::qWaitFor([this] { return m_window->isLocked(); }, 5000);
            if (dialog && dialog->isVisible())
                dialog->reject(); // only reached if the lock left it open: the checks fail
        });
        press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier); // Export audit log…
        QVERIFY(dialogWasOpen);
        QVERIFY(m_window->isLocked());
        QVERIFY(current<LockPage>());
        QVERIFY(!QApplication::activeModalWidget());
        const auto dialogs = m_window->findChildren<QDialog *>();
        QVERIFY(std::none_of(dialogs.begin(), dialogs.end(),
                             [](QDialog *d) { return d->isVisible(); }));
        QVERIFY(trail().contains(QStringLiteral("lock ana idle")));
    }

    // Locking clears what the console put on the clipboard and the PRIMARY selection (a
    // locked console served a patient's surname to a middle click); unlocking gives the focus
    // back to the field that had it, not to the page's first one.
    void lockClearsClipboardAndUnlockRestoresFocus()
    {
        signIn(QStringLiteral("sam"), kPassword);
        auto *page = new QWidget;
        auto *layout = new QVBoxLayout(page);
        auto *first = new QLineEdit(QStringLiteral("first"));
        auto *second = new QLineEdit(kCanary);
        second->setObjectName(QStringLiteral("secondEdit"));
        layout->addWidget(first);
        layout->addWidget(second);
        m_window->openSessionPage(page);
        second->setFocus();
        QTRY_COMPARE(focused(), second);
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(kCanary);
        if (clipboard->supportsSelection())
            clipboard->setText(kCanary, QClipboard::Selection);
        QCOMPARE(clipboard->text(), kCanary);

        m_window->lockNow();
        QVERIFY(m_window->isLocked());
        QVERIFY2(!clipboard->text().contains(kCanary), "the clipboard still holds the patient");
        if (clipboard->supportsSelection())
            QVERIFY2(!clipboard->text(QClipboard::Selection).contains(kCanary),
                     "the PRIMARY selection still holds the patient");

        auto *password = lockPage()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QTest::keyClicks(password, kPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(!m_window->isLocked());
        QCOMPARE(m_window->currentPage(), page);
        QTRY_COMPARE(focused(), second);
    }

    void openIntakeIsCoveredAndItsDraftKept()
    {
        signIn(QStringLiteral("sam"), kPassword);
        auto *newIntake = m_window->findChild<QPushButton *>(QStringLiteral("newIntakeButton"));
        QTest::keyClick(newIntake, Qt::Key_Space);
        QTRY_VERIFY(current<IntakeWizard>());
        QPointer<IntakeWizard> wizard = current<IntakeWizard>();
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.firstName")),
                         QStringLiteral("Zebulon"));
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.lastName")),
                         QStringLiteral("Canarywood"));
        QVERIFY(showsCanary(m_window.get()));

        m_window->lockNow();
        QVERIFY(m_window->isLocked());
        QVERIFY(wizard);
        QVERIFY(!wizard->isVisible());
        QVERIFY(!showsCanary(m_window.get()));

        // An administrator takes over: sam's wizard closes, its draft saved.
        auto *lock = lockPage();
        lock->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))
            ->setText(QStringLiteral("ana"));
        auto *password = lock->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QTest::keyClicks(password, kAdminPassword);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(current<HomePage>());
        QVERIFY(!wizard);

        // sam finds the intake among the unfinished ones.
        m_window->signOut();
        QTRY_VERIFY(current<SignInPage>());
        signIn(QStringLiteral("sam"), kPassword);
        m_window->showDrafts();
        auto *drafts = current<DraftsPage>();
        QVERIFY(drafts);
        QCOMPARE(drafts->view()->model()->rowCount(), 1);
        // ...and it holds what sam typed, not merely a row.
        auto store = test::openStore(m_dataDir, *m_keys);
        auto saved = DraftRepository(*store).list();
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->size(), 1);
        QCOMPARE(saved->first().ownerUser, QStringLiteral("sam"));
        const auto typed = [&](const char *linkId) {
            return saved->first().answers.value(QLatin1String(linkId)).toArray().first().toString();
        };
        QCOMPARE(typed("patient.firstName"), QStringLiteral("Zebulon"));
        QCOMPARE(typed("patient.lastName"), QStringLiteral("Canarywood"));
    }

    void failedSignInRecordsNoTypedText()
    {
        type(QStringLiteral("Zebulon"));
        press(Qt::Key_Tab);
        type(QStringLiteral("typed secret words"));
        press(Qt::Key_Return);
        QVERIFY(current<SignInPage>());
        QCOMPARE(trail(), QStringList{QStringLiteral("sign-in-failed unknown account bad "
                                                     "credentials")});
    }
};

QTEST_MAIN(TestLock)
#include "tst_lock.moc"
