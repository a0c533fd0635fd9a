#pragma once

#include "ConsoleServices.h"
#include "IdleMonitor.h"
#include "PageSwitch.h"
#include "accounts/Session.h"
#include "domain/User.h"

#include <QMainWindow>
#include <QPointer>
#include <QStackedWidget>

#include <chrono>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}

namespace clinicdesk {

class AccountsPage;
class FirstRunPage;
class HomePage;
class LockPage;
class SessionWorkspace;
class SignInPage;
class StoreErrorPage;
class TrayNotice;
class VisitBoardPage;

// The console's one window: it navigates between pages and owns none of what they work on
// (ConsoleServices does). Its title is only ever "ClinicDesk": titles reach task switchers,
// screen sharing and window-manager logs, so they never carry a patient's or user's name.
//
// start() opens the services and shows the first-run page (no accounts yet), the sign-in page,
// or the store-error page with Retry (which opens them again).
//
// Every main action is in the menu bar with its shortcut shown (F10 opens it), and on the
// toolbar for the mouse. While someone is signed in, an IdleMonitor counts quiet time; after
// idleTimeout() (or "Lock now") the lock page covers the whole window at once: menus and toolbar
// hidden, dialogs closed, and the pages underneath left as they were (an open intake keeps its
// autosaved draft). Unlocking by the same user shows them again; an administrator unlocking
// ends that session and starts theirs. Sign-in, sign-out, lock, unlock and admin actions are
// audited (Session, AccountAdmin).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using StoreOpener = ConsoleServices::StoreOpener;

    // `auditAnchors` keeps the audit chain's anchor (the store's key provider); null keeps none
    // (tests only).
    explicit MainWindow(StoreOpener opener, PasswordHasher hasher = PasswordHasher(),
                        KeyProvider *auditAnchors = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    void start();

    // Joins this PC to the clinic's store with a one-time code (WorkstationJoin); set by main
    // when the store is on PostgreSQL. The store-error page then offers it to a PC without the
    // key, or a revoked one.
    using WorkstationJoiner = std::function<Result<void>(const QString &code)>;
    void setWorkstationJoiner(WorkstationJoiner joiner);

    ConsoleServices &services() const { return *m_services; }
    const std::optional<User> &currentUser() const;
    bool isLocked() const { return m_services->session() && m_services->session()->isLocked(); }
    QWidget *currentPage() const { return m_pages->currentWidget(); }

    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idle->setTimeout(timeout); }
    std::chrono::milliseconds idleTimeout() const { return m_idle->timeout(); }

    // Shows a page that belongs to the signed-in user's session (an intake, a patient's record):
    // the window takes it, covers it when locked, and deletes it when the session ends.
    void openSessionPage(QWidget *page);

    // The intake wizard (a new intake, or the draft `draftId`) and the unfinished intakes, as
    // session pages.
    void openIntake(const QString &draftId = {});
    void newIntake() { openIntake(); }
    void showDrafts();
    void lockNow() { lock(Session::LockReason::Manual); }
    void signOut();
    void showHome();
    void showAccounts();
    void exportAuditLog();
    void showNotificationFailures();
    void verifyAuditLog();
    // One visit's detail as a session page (from the board); marks it seen for the user.
    void openVisit(const QString &visitId);
    // These visits changed (ConsoleServices::visitsChanged): the board and any open detail
    // re-read just them.
    void visitsChanged(const QStringList &visitIds);

    // The session's board; null while nobody is signed in.
    VisitBoardPage *board() const;
    ConsoleNotifierServer *notifier() const { return m_services->notifier(); }
    RelayClient *relay() const { return m_services->relay(); }
    AuditLog *auditLog() const { return m_services->audit(); }
    AccountAdmin *accountAdmin() const { return m_services->accountAdmin(); }

private:
    // Someone is signed in and the console is not locked.
    bool active() const
    {
        return m_services->session() && m_services->session()->state() == Session::State::Active;
    }
    // The session's workspace while it is active (not locked); null otherwise.
    SessionWorkspace *workspace() const;
    void openMenuBar();
    void showStoreError(const Error &error);
    void showPage(QWidget *page) { PageSwitch::show(m_pages, page); }
    void signedIn(const User &user);
    void firstAdministratorCreated(const User &user);
    void lock(Session::LockReason reason);
    void unlocked(Session::UnlockResult result);
    void endSession();
    void closeDialogs();
    void updateChrome();
    void servicesClosing();
    void updateUnread(int unread);

    std::unique_ptr<Ui::MainWindow> m_ui;
    QStackedWidget *m_pages = nullptr;
    ConsoleServices *m_services;
    IdleMonitor *m_idle = nullptr;
    // Where the keyboard was when the console locked: unlocking puts it back there, so the
    // first key typed after the password lands where it would have before the lock.
    QPointer<QWidget> m_focusBeforeLock; // given the focus back on unlock (LockHygiene)
    TrayNotice *m_tray = nullptr;
    FirstRunPage *m_firstRun = nullptr;
    SignInPage *m_signIn = nullptr;
    HomePage *m_home = nullptr;
    LockPage *m_lock = nullptr;
    AccountsPage *m_accounts = nullptr;
    WorkstationJoiner m_joiner;
    StoreErrorPage *m_storeError = nullptr;
    std::unique_ptr<SessionWorkspace> m_workspace;
};

} // namespace clinicdesk
