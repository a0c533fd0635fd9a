#pragma once

#include "accounts/Session.h"
#include "base/Result.h"
#include "crypto/PasswordHasher.h"
#include "domain/User.h"
#include "store/LocalStore.h"

#include <QMainWindow>
#include <QPointer>
#include <QSystemTrayIcon>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}

namespace clinicdesk {

class ConsoleNotifierServer;
class RelayClient;
class ProviderConnection;
class VisitBoardPage;

class AccountAdmin;
class AccountsPage;
class AuditLog;
class FirstRunPage;
class HomePage;
class IdleMonitor;
class KeyProvider;
class LockPage;
class SignInPage;
class StoreErrorPage;
class UserRepository;

// The console's one window. Its title is only ever "ClinicDesk": titles reach task switchers,
// screen sharing and window-manager logs, so they never carry a patient's or user's name.
//
// start() opens the store through the given opener and shows the first-run page (no accounts
// yet), the sign-in page, or the store-error page with Retry (which calls the opener again).
//
// While someone is signed in, an IdleMonitor counts quiet time; after idleTimeout() (or "Lock
// now") the lock page covers the whole window at once: toolbar hidden, dialogs closed, and the
// pages underneath left as they were (an open intake keeps its autosaved draft). Unlocking by the
// same user shows them again; an administrator unlocking ends that session and starts theirs.
// Sign-in, sign-out, lock, unlock and admin actions are audited (Session, AccountAdmin).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using StoreOpener = std::function<Result<std::unique_ptr<LocalStore>>()>;

    // `auditAnchors` keeps the audit chain's anchor (the store's key provider); null keeps none
    // (tests only).
    explicit MainWindow(StoreOpener opener, PasswordHasher hasher = PasswordHasher(),
                        KeyProvider *auditAnchors = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    void start();

    const std::optional<User> &currentUser() const;
    bool isLocked() const;
    QWidget *currentPage() const;

    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const;

    // Shows a page that belongs to the signed-in user's session (an intake, a patient's record):
    // the window takes it, covers it when locked, and deletes it when the session ends.
    void openSessionPage(QWidget *page);

    // The intake wizard (a new intake, or the draft `draftId`) and the unfinished intakes, as
    // session pages.
    void openIntake(const QString &draftId = {});
    void showDrafts();
    void lockNow();
    void signOut();
    void showHome();
    void showAccounts();
    void exportAuditLog();
    void verifyAuditLog();
    // One visit's detail as a session page (from the board); marks it seen for the user.
    void openVisit(const QString &visitId);
    // The relay (through the console notifier, or inside the console) changed these visits: the
    // board and any open detail re-read just them.
    void visitsChanged(const QStringList &visitIds);

    // The session's board; null while nobody is signed in.
    VisitBoardPage *board() const;
    ConsoleNotifierServer *notifier() const { return m_notifier; }
    // The relay running inside the console ([relay] in clinicdesk.ini); null when not configured.
    RelayClient *relay() const { return m_relay; }

    AuditLog *auditLog() const { return m_audit.get(); }
    AccountAdmin *accountAdmin() const { return m_admin.get(); }

private:
    void showStoreError(const Error &error);
    void showPage(QWidget *page);
    void signedIn(const User &user);
    void firstAdministratorCreated(const User &user);
    void lock(Session::LockReason reason);
    void unlocked(Session::UnlockResult result);
    void endSession();
    void closeSessionPage(QWidget *page);
    void closeDialogs();
    void updateChrome();
    void releaseStore();
    void connectProvider();
    void startRelay();
    void createBoard(const User &user);
    void attentionArrived(const QStringList &visitIds, int unread);
    void updateUnread(int unread);

    std::unique_ptr<Ui::MainWindow> m_ui;
    StoreOpener m_opener;
    PasswordHasher m_hasher;
    KeyProvider *m_auditAnchors = nullptr;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AccountAdmin> m_admin;
    std::unique_ptr<ProviderConnection> m_provider;
    IdleMonitor *m_idle = nullptr;
    FirstRunPage *m_firstRun = nullptr;
    SignInPage *m_signIn = nullptr;
    HomePage *m_home = nullptr;
    LockPage *m_lock = nullptr;
    AccountsPage *m_accounts = nullptr;
    StoreErrorPage *m_storeError = nullptr;
    QList<QPointer<QWidget>> m_sessionPages;
    QPointer<QWidget> m_pageBeforeLock;
    QPointer<QWidget> m_focusBeforeLock; // given the focus back on unlock (LockHygiene)
    QPointer<VisitBoardPage> m_board;
    ConsoleNotifierServer *m_notifier = nullptr;
    RelayClient *m_relay = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace clinicdesk
