// Renders the lock screen, the home page, the accounts screen and the audit export dialog at
// 1366x768 for the user guide (docs/screenshots/lock.png, home.png, accounts.png,
// audit-export.png). A throwaway store with
// demo accounts; no patient data. Run under Xvfb so the dialog is shot over its window:
//   xvfb-run -s '-screen 0 1366x768x24' build/bin/lock_screenshots docs/screenshots
// (with QT_QPA_PLATFORM=offscreen the widgets are grabbed one by one instead).
#include "AccountsPage.h"
#include "AuditExportDialog.h"
#include "MainWindow.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace clinicdesk;

namespace {

const QString kPassword = QStringLiteral("tangerine ladder oboe");

void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
}

void shoot(QWidget *w, const QString &dir, const QString &name)
{
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    QPixmap shot;
    if (QGuiApplication::platformName() == QLatin1String("xcb"))
        shot = QGuiApplication::primaryScreen()->grabWindow(0);
    else
        shot = w->grab();
    if (!shot.save(path))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

// Types into the current page's username and password fields (the sign-in or the lock page).
void signIn(MainWindow &window, const QString &username)
{
    QWidget *page = window.currentPage();
    auto *user = page->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = page->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    user->setText(username);
    QTest::keyClicks(password, kPassword);
    QTest::keyClick(password, Qt::Key_Return);
    settle();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(outDir);
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath(QStringLiteral("store"));
    KeyFileKeyProvider keys(tmp.filePath(QStringLiteral("data.key")));
    {
        auto store = LocalStore::open({dataDir, &keys, false});
        if (!store)
            return 1;
        UserRepository users(*store.value(), PasswordHasher(PasswordHasher::testing()));
        (void)users.createUser(QStringLiteral("ana.ruiz"), QStringLiteral("Ana Ruiz"), Role::Admin,
                               kPassword);
        (void)users.createUser(QStringLiteral("sam.okafor"), QStringLiteral("Sam Okafor"),
                               Role::Staff, kPassword);
        (void)users.createUser(QStringLiteral("tia.nguyen"), QStringLiteral("Tia Nguyen"),
                               Role::Staff, kPassword);
        (void)users.createUser(QStringLiteral("lee.marsh"), QStringLiteral("Lee Marsh"),
                               Role::Staff, kPassword);
        auto lee = users.findByUsername(QStringLiteral("lee.marsh"));
        (void)users.setDisabled(lee->id, true);
        for (int i = 0; i < UserRepository::kMaxFailedAttempts; ++i)
            (void)users.authenticate(QStringLiteral("tia.nguyen"), QStringLiteral("wrong"));
    }

    MainWindow window(
        [&] {
            return LocalStore::open({dataDir, &keys, false});
        },
        PasswordHasher(PasswordHasher::testing()), &keys);
    window.setGeometry(0, 0, 1366, 768);
    window.show();
    window.activateWindow();
    (void)QTest::qWaitForWindowActive(&window);
    window.start();
    settle();

    // Lock screen: sam was working, then stepped away.
    signIn(window, QStringLiteral("sam.okafor"));
    window.lockNow();
    shoot(&window, outDir, QStringLiteral("lock"));

    // An administrator takes over: the home page, then the accounts.
    signIn(window, QStringLiteral("ana.ruiz"));
    shoot(&window, outDir, QStringLiteral("home"));
    window.showAccounts();
    if (auto *accounts = window.findChild<AccountsPage *>())
        accounts->selectUsername(QStringLiteral("tia.nguyen"));
    shoot(&window, outDir, QStringLiteral("accounts"));

    // The export dialog over the window.
    AuditExportDialog dialog(*window.accountAdmin(), window.currentUser().value(), &window);
    dialog.setFilePath(QStringLiteral("/home/ana/Documents/clinicdesk-audit-20261124.csv"));
    dialog.show();
    settle();
    shoot(&dialog, outDir, QStringLiteral("audit-export"));
    return 0;
}
