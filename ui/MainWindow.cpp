#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AccountsPage.h"
#include "AdminAuditCheck.h"
#include "AuditExportDialog.h"
#include "FirstRunPage.h"
#include "HomePage.h"
#include "IdleMonitor.h"
#include "LockHygiene.h"
#include "LockPage.h"
#include "NotificationFailuresDialog.h"
#include "SessionWorkspace.h"
#include "SignInPage.h"
#include "StoreErrorPage.h"
#include "TrayNotice.h"
#include "VisitBoardPage.h"
#include "access/AccountAdmin.h"
#include "accounts/UserRepository.h"
#include "base/Logging.h"

#include <QApplication>
#include <QDialog>

namespace clinicdesk {

MainWindow::MainWindow(StoreOpener opener, PasswordHasher hasher, KeyProvider *auditAnchors,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_services(new ConsoleServices(std::move(opener), hasher, auditAnchors, this))
    , m_idle(new IdleMonitor(this))
    , m_tray(new TrayNotice(this))
    , m_firstRun(new FirstRunPage(this))
    , m_signIn(new SignInPage(this))
    , m_home(new HomePage(this))
    , m_lock(new LockPage(this))
    , m_accounts(new AccountsPage(this))
    , m_storeError(new StoreErrorPage(this))
{
    m_ui->setupUi(this);
    m_pages = m_ui->pages;
    for (QWidget *page : {static_cast<QWidget *>(m_storeError), static_cast<QWidget *>(m_firstRun),
                          static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_home),
                          static_cast<QWidget *>(m_accounts), static_cast<QWidget *>(m_lock)})
        m_ui->pages->addWidget(page);

    // The actions live on the window itself too, so their shortcuts work whatever has the focus
    // (and while the menu bar is hidden); updateChrome() disables every one of them while nobody
    // is signed in or the console is locked.
    const std::pair<QAction *, void (MainWindow::*)()> routes[] = {
        {m_ui->actionHome, &MainWindow::showHome},
        {m_ui->actionNewIntake, &MainWindow::newIntake},
        {m_ui->actionDrafts, &MainWindow::showDrafts},
        {m_ui->actionAccounts, &MainWindow::showAccounts},
        {m_ui->actionExportAudit, &MainWindow::exportAuditLog},
        {m_ui->actionVerifyAudit, &MainWindow::verifyAuditLog},
        {m_ui->actionNotificationFailures, &MainWindow::showNotificationFailures},
        {m_ui->actionLock, &MainWindow::lockNow},
        {m_ui->actionSignOut, &MainWindow::signOut},
        {m_ui->actionMenu, &MainWindow::openMenuBar}};
    for (const auto &[action, route] : routes) {
        addAction(action);
        connect(action, &QAction::triggered, this, route);
    }

    connect(m_services, &ConsoleServices::visitsChanged, this, &MainWindow::visitsChanged);
    connect(m_services, &ConsoleServices::resynced, this, [this] {
        if (currentUser() && m_workspace)
            m_workspace->resynced();
    });
    connect(m_services, &ConsoleServices::closing, this, &MainWindow::servicesClosing);
    connect(m_firstRun, &FirstRunPage::administratorCreated, this,
            &MainWindow::firstAdministratorCreated);
    connect(m_signIn, &SignInPage::signedIn, this, &MainWindow::signedIn);
    m_home->setActions(m_ui->actionNewIntake, m_ui->actionDrafts, m_ui->actionLock,
                       m_ui->actionSignOut);
    connect(m_lock, &LockPage::unlocked, this, &MainWindow::unlocked);
    connect(m_accounts, &AccountsPage::closeRequested, this, &MainWindow::showHome);
    connect(m_storeError, &StoreErrorPage::retryRequested, this, &MainWindow::start);
    connect(m_storeError, &StoreErrorPage::quitRequested, this, &MainWindow::close);
    connect(m_storeError, &StoreErrorPage::joinRequested, this, [this](const QString &code) {
        if (!m_joiner)
            return;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto joined = m_joiner(code);
        QApplication::restoreOverrideCursor();
        if (!joined) {
            qCWarning(lcUi) << "workstation join refused, error code" << int(joined.error().code);
            m_storeError->showJoinError(joined.error().message);
            return;
        }
        qCInfo(lcUi) << "this workstation joined the clinic's store";
        start();
    });
    connect(m_idle, &IdleMonitor::idle, this, [this] { lock(Session::LockReason::Idle); });
    updateChrome();
}

MainWindow::~MainWindow()
{
    m_idle->stop();
    // Session pages (an open intake) save their drafts as they go: before the store closes.
    m_services->close();
}

void MainWindow::servicesClosing()
{
    // Session pages and the board hold pointers into the store: they go first, then the pages
    // that keep the repository and session let go of them.
    endSession();
    m_firstRun->setRepository(nullptr);
    m_signIn->setSession(nullptr);
    m_lock->setSession(nullptr);
    m_accounts->setAdmin(nullptr, {});
}

const std::optional<User> &MainWindow::currentUser() const
{
    static const std::optional<User> nobody;
    return m_services->session() ? m_services->session()->user() : nobody;
}

void MainWindow::updateChrome()
{
    const bool signedIn = active();
    const bool admin = signedIn && AccessControl::allows(*currentUser(),
                                                         AccessControl::Permission::ManageAccounts);
    m_ui->sessionToolBar->setVisible(signedIn);
    m_ui->menuBar->setVisible(signedIn);
    for (QAction *action : {m_ui->actionHome, m_ui->actionNewIntake, m_ui->actionDrafts,
                            m_ui->actionLock, m_ui->actionSignOut, m_ui->actionMenu})
        action->setEnabled(signedIn);
    // Hidden from staff; the core refuses them anyway (AccountAdmin).
    for (QAction *action : {m_ui->actionAccounts, m_ui->actionExportAudit, m_ui->actionVerifyAudit,
                            m_ui->actionNotificationFailures, m_ui->menuAdmin->menuAction()}) {
        action->setEnabled(admin);
        action->setVisible(admin);
    }
}

void MainWindow::start()
{
    m_idle->stop();
    m_services->close();
    updateChrome();
    // Opening may wait on the keychain (an unlock prompt): say so meanwhile, never show a stale
    // page.
    showPage(m_ui->openingPage);
    if (auto opened = m_services->open(); !opened) {
        showStoreError(opened.error());
        return;
    }
    auto hasUsers = m_services->users()->hasUsers();
    if (!hasUsers) {
        showStoreError(hasUsers.error());
        return;
    }
    m_firstRun->setRepository(m_services->users());
    m_signIn->setSession(m_services->session());
    m_lock->setSession(m_services->session());
    if (hasUsers.value()) {
        showPage(m_signIn);
        m_signIn->activate();
    } else {
        qCInfo(lcUi) << "no accounts yet: showing first run";
        showPage(m_firstRun);
        m_firstRun->activate();
    }
}

void MainWindow::setWorkstationJoiner(WorkstationJoiner joiner)
{
    m_joiner = std::move(joiner);
    m_storeError->setJoinAvailable(bool(m_joiner));
}

void MainWindow::showStoreError(const Error &error)
{
    qCWarning(lcUi) << "store unavailable, error code" << int(error.code);
    m_storeError->setError(error);
    showPage(m_storeError);
    m_storeError->activate();
}

void MainWindow::firstAdministratorCreated(const User &user)
{
    if (auto signedInUser = m_services->signInFirstAdministrator(user); !signedInUser)
        showStoreError(signedInUser.error());
    else
        signedIn(signedInUser.value());
}

void MainWindow::signedIn(const User &user)
{
    m_home->setUser(user);
    if (!m_workspace) {
        m_workspace = std::make_unique<SessionWorkspace>(*m_services, user, m_ui->pages);
        connect(m_workspace.get(), &SessionWorkspace::homeRequested, this, &MainWindow::showHome);
        VisitBoardPage *board = m_workspace->board();
        connect(board, &VisitBoardPage::attentionArrived, m_tray, &TrayNotice::attentionArrived);
        connect(board, &VisitBoardPage::unreadCountChanged, this, &MainWindow::updateUnread);
        m_home->setBoard(board);
        updateUnread(board->unreadCount());
    }
    updateChrome();
    showHome();
    m_idle->start();
}

void MainWindow::showHome()
{
    if (!active())
        return;
    showPage(m_home);
    m_home->activate();
}

SessionWorkspace *MainWindow::workspace() const
{
    return active() ? m_workspace.get() : nullptr;
}

void MainWindow::openSessionPage(QWidget *page)
{
    if (SessionWorkspace *w = workspace())
        w->openPage(page);
    else
        delete page;
}

void MainWindow::openIntake(const QString &draftId)
{
    if (SessionWorkspace *w = workspace())
        w->openIntake(draftId);
}

void MainWindow::showDrafts()
{
    if (SessionWorkspace *w = workspace())
        w->showDrafts();
}

void MainWindow::openVisit(const QString &visitId)
{
    if (SessionWorkspace *w = workspace())
        w->openVisit(visitId);
}

void MainWindow::openMenuBar()
{
    // F10, as in most desktop programs.
    if (m_ui->menuBar->isVisible())
        m_ui->menuBar->setActiveAction(m_ui->menuGo->menuAction());
}

void MainWindow::endSession()
{
    // The board holds patient names in memory: it goes with the session, and so does every page
    // (deleting an intake page flushes its autosaved draft).
    m_home->setBoard(nullptr);
    m_workspace.reset();
    m_tray->hide();
    updateUnread(0);
}

void MainWindow::closeDialogs()
{
    // Whatever a dialog shows must go with the rest: reject every open one (a nested exec()
    // returns Rejected), and any popup menu or combo list.
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    const auto dialogs = findChildren<QDialog *>();
    for (QDialog *dialog : dialogs)
        if (dialog->isVisible())
            dialog->reject();
}

void MainWindow::lock(Session::LockReason reason)
{
    if (!active())
        return;
    m_idle->stop();
    // Cover everything first: the audit entry (and its anchor in the keychain) may take a moment.
    m_workspace->setPageBeforeLock(currentPage());
    m_focusBeforeLock = QApplication::focusWidget();
    lockhygiene::clearOwnedClipboards(QGuiApplication::clipboard());
    closeDialogs();
    m_ui->sessionToolBar->hide();
    m_ui->menuBar->hide();
    m_lock->activate(currentUser().value());
    showPage(m_lock);
    m_lock->repaint();
    m_services->session()->lock(reason);
    updateChrome();
}

void MainWindow::unlocked(Session::UnlockResult result)
{
    if (result == Session::UnlockResult::TakenOver) {
        qCInfo(lcUi) << "locked session ended by an administrator's sign-in";
        endSession();
        signedIn(currentUser().value());
        return;
    }
    updateChrome();
    QWidget *back = m_workspace->takePageBeforeLock();
    back = back ? back : m_home;
    showPage(back);
    if (QWidget *focus = lockhygiene::focusToRestore(m_focusBeforeLock, back))
        focus->setFocus(Qt::OtherFocusReason);
    else if (back == m_home)
        m_home->activate();
    else
        back->setFocus(Qt::OtherFocusReason);
    m_focusBeforeLock.clear();
    m_idle->start();
}

void MainWindow::signOut()
{
    if (!active())
        return;
    m_idle->stop();
    closeDialogs();
    endSession();
    m_services->session()->signOut();
    updateChrome();
    showPage(m_signIn);
    m_signIn->activate();
}

void MainWindow::showAccounts()
{
    if (!active() || !m_services->accountAdmin())
        return;
    m_accounts->setAdmin(m_services->accountAdmin(), currentUser().value());
    showPage(m_accounts);
    m_accounts->activate();
}

void MainWindow::exportAuditLog()
{
    if (!active() || !m_services->accountAdmin())
        return;
    AuditExportDialog dialog(*m_services->accountAdmin(), currentUser().value(), this);
    dialog.exec();
}

void MainWindow::verifyAuditLog()
{
    if (!active() || !m_services->accountAdmin())
        return;
    (void)AdminAuditCheck::run(this, *m_services->accountAdmin(), currentUser().value());
}

void MainWindow::showNotificationFailures()
{
    if (!active() || !m_services->accountAdmin())
        return;
    NotificationFailuresDialog dialog(*m_services->store(), *m_services->audit(),
                                      currentUser().value(), this);
    dialog.exec();
}

VisitBoardPage *MainWindow::board() const
{
    return m_workspace ? m_workspace->board() : nullptr;
}

void MainWindow::visitsChanged(const QStringList &visitIds)
{
    if (currentUser() && m_workspace)
        m_workspace->visitsChanged(visitIds);
}

void MainWindow::updateUnread(int unread)
{
    m_ui->actionHome->setText(unread > 0 ? tr("&Home (%n new)", nullptr, unread) : tr("&Home"));
    m_tray->setUnread(unread);
}

} // namespace clinicdesk
