#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AccountsPage.h"
#include "AdminAuditCheck.h"
#include "AuditExportDialog.h"
#include "DraftsPage.h"
#include "FirstRunPage.h"
#include "HomePage.h"
#include "IdleMonitor.h"
#include "IntakeWizard.h"
#include "LockHygiene.h"
#include "LockPage.h"
#include "SignInPage.h"
#include "StoreErrorPage.h"
#include "VisitBoardPage.h"
#include "VisitDetailPage.h"
#include "access/AccountAdmin.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "base/Logging.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderStatusSync.h"
#include "relay/ConsoleNotifier.h"
#include "relay/RelayClient.h"

#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

namespace clinicdesk {

MainWindow::MainWindow(StoreOpener opener, PasswordHasher hasher, KeyProvider *auditAnchors,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_opener(std::move(opener))
    , m_hasher(hasher)
    , m_auditAnchors(auditAnchors)
    , m_idle(new IdleMonitor(this))
    , m_firstRun(new FirstRunPage(this))
    , m_signIn(new SignInPage(this))
    , m_home(new HomePage(this))
    , m_lock(new LockPage(this))
    , m_accounts(new AccountsPage(this))
    , m_storeError(new StoreErrorPage(this))
{
    m_ui->setupUi(this);
    for (QWidget *page : {static_cast<QWidget *>(m_storeError), static_cast<QWidget *>(m_firstRun),
                          static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_home),
                          static_cast<QWidget *>(m_accounts), static_cast<QWidget *>(m_lock)})
        m_ui->pages->addWidget(page);

    // The actions live on the window itself too, so their shortcuts work whatever has the focus;
    // updateChrome() disables every one of them while nobody is signed in or the console is
    // locked.
    const QList<QAction *> actions = {m_ui->actionHome,        m_ui->actionAccounts,
                                      m_ui->actionExportAudit, m_ui->actionVerifyAudit,
                                      m_ui->actionLock,        m_ui->actionSignOut};
    addActions(actions);
    connect(m_ui->actionHome, &QAction::triggered, this, &MainWindow::showHome);
    connect(m_ui->actionAccounts, &QAction::triggered, this, &MainWindow::showAccounts);
    connect(m_ui->actionExportAudit, &QAction::triggered, this, &MainWindow::exportAuditLog);
    connect(m_ui->actionVerifyAudit, &QAction::triggered, this, &MainWindow::verifyAuditLog);
    connect(m_ui->actionLock, &QAction::triggered, this, &MainWindow::lockNow);
    connect(m_ui->actionSignOut, &QAction::triggered, this, &MainWindow::signOut);

    connect(m_firstRun, &FirstRunPage::administratorCreated, this,
            &MainWindow::firstAdministratorCreated);
    connect(m_signIn, &SignInPage::signedIn, this, &MainWindow::signedIn);
    connect(m_home, &HomePage::signOutRequested, this, &MainWindow::signOut);
    connect(m_home, &HomePage::lockRequested, this, &MainWindow::lockNow);
    connect(m_home, &HomePage::newIntakeRequested, this, [this] { openIntake(); });
    connect(m_home, &HomePage::draftsRequested, this, &MainWindow::showDrafts);
    connect(m_lock, &LockPage::unlocked, this, &MainWindow::unlocked);
    connect(m_accounts, &AccountsPage::closeRequested, this, &MainWindow::showHome);
    connect(m_storeError, &StoreErrorPage::retryRequested, this, &MainWindow::start);
    connect(m_storeError, &StoreErrorPage::quitRequested, this, &MainWindow::close);
    connect(m_idle, &IdleMonitor::idle, this, [this] { lock(Session::LockReason::Idle); });
    updateChrome();
}

MainWindow::~MainWindow()
{
    m_idle->stop();
    // Session pages (an open intake) save their drafts as they go: before the store closes.
    endSession();
    releaseStore();
}

void MainWindow::releaseStore()
{
    // The pages hold pointers into the repository and session, which refer to the store: drop
    // them first.
    m_firstRun->setRepository(nullptr);
    m_signIn->setSession(nullptr);
    m_lock->setSession(nullptr);
    m_accounts->setAdmin(nullptr, {});
    delete m_relay;
    m_relay = nullptr;
    delete m_notifier;
    m_notifier = nullptr;
    m_provider.reset();
    m_admin.reset();
    m_session.reset();
    m_audit.reset();
    m_users.reset();
    m_store.reset();
}

const std::optional<User> &MainWindow::currentUser() const
{
    static const std::optional<User> nobody;
    return m_session ? m_session->user() : nobody;
}

bool MainWindow::isLocked() const
{
    return m_session && m_session->isLocked();
}

QWidget *MainWindow::currentPage() const
{
    return m_ui->pages->currentWidget();
}

void MainWindow::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idle->setTimeout(timeout);
}

std::chrono::milliseconds MainWindow::idleTimeout() const
{
    return m_idle->timeout();
}

void MainWindow::showPage(QWidget *page)
{
    m_ui->pages->setCurrentWidget(page);
}

void MainWindow::updateChrome()
{
    const bool active = m_session && m_session->state() == Session::State::Active;
    const bool admin = active && AccessControl::allows(*m_session->user(),
                                                       AccessControl::Permission::ManageAccounts);
    m_ui->sessionToolBar->setVisible(active);
    for (QAction *action : {m_ui->actionHome, m_ui->actionLock, m_ui->actionSignOut})
        action->setEnabled(active);
    // Hidden from staff; the core refuses them anyway (AccountAdmin).
    for (QAction *action :
         {m_ui->actionAccounts, m_ui->actionExportAudit, m_ui->actionVerifyAudit}) {
        action->setEnabled(admin);
        action->setVisible(admin);
    }
}

void MainWindow::start()
{
    m_idle->stop();
    endSession();
    releaseStore();
    updateChrome();

    // Opening may wait on the keychain (an unlock prompt): say so meanwhile, never show a stale
    // page.
    showPage(m_ui->openingPage);
    auto store = m_opener();
    if (!store) {
        showStoreError(store.error());
        return;
    }
    m_store = std::move(store).value();
    m_users = std::make_unique<UserRepository>(*m_store, m_hasher);
    m_audit = std::make_unique<AuditLog>(*m_store, m_auditAnchors);
    // Keychain writes for the anchor happen back in the event loop, never inside a click.
    m_audit->setDeferredAnchor(true);
    // The head is also witnessed off the machine, by the inbox the relay uses (if any).
    m_audit->setWitness(AuditWitness::fromConsoleSettings(m_store->dataDir(), m_store->storeId()));
    m_session = std::make_unique<Session>(*m_users, *m_audit);
    m_admin = std::make_unique<AccountAdmin>(*m_users, *m_audit);
    // Queued submissions and staff messages go out whenever the console runs, locked or not
    // (nothing is shown while sending).
    m_provider = std::make_unique<ProviderConnection>(*m_store);
    if (auto linked = m_provider->start(); !linked)
        qCInfo(lcUi) << "provider link not started:" << linked.error().message;
    else
        connectProvider();
    // The relay tells this console at once which visits it changed (ids only).
    m_notifier = new ConsoleNotifierServer(this);
    connect(m_notifier, &ConsoleNotifierServer::visitsChanged, this, &MainWindow::visitsChanged);
    if (!m_notifier->listen(m_store->dataDir()))
        qCWarning(lcUi) << "relay notifications unavailable:" << m_notifier->errorString();
    startRelay();
    auto hasUsers = m_users->hasUsers();
    if (!hasUsers) {
        showStoreError(hasUsers.error());
        return;
    }
    m_firstRun->setRepository(m_users.get());
    m_signIn->setSession(m_session.get());
    m_lock->setSession(m_session.get());
    if (hasUsers.value()) {
        showPage(m_signIn);
        m_signIn->activate();
    } else {
        qCInfo(lcUi) << "no accounts yet: showing first run";
        showPage(m_firstRun);
        m_firstRun->activate();
    }
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
    if (!m_session)
        return;
    const auto audited = m_audit->append(
        {AuditAction::Admin, user.username, QStringLiteral("user"), user.id, AuditOutcome::Success,
         QStringLiteral("first administrator created: %1").arg(user.username)});
    if (!audited)
        qCWarning(lcUi) << "first administrator not audited, error code"
                        << int(audited.error().code);
    auto signedInUser = m_session->signInFirstAdministrator(user);
    if (!signedInUser) {
        showStoreError(signedInUser.error());
        return;
    }
    signedIn(signedInUser.value());
}

void MainWindow::signedIn(const User &user)
{
    m_home->setUser(user);
    createBoard(user);
    updateChrome();
    showHome();
    m_idle->start();
}

void MainWindow::showHome()
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    showPage(m_home);
    m_home->activate();
}

void MainWindow::openSessionPage(QWidget *page)
{
    if (!m_session || m_session->state() != Session::State::Active) {
        delete page;
        return;
    }
    m_sessionPages.removeIf([](const QPointer<QWidget> &p) { return p.isNull(); });
    m_sessionPages << page;
    m_ui->pages->addWidget(page);
    showPage(page);
}

void MainWindow::closeSessionPage(QWidget *page)
{
    if (m_pageBeforeLock == page)
        m_pageBeforeLock.clear();
    // Called from the page's own signals: delete it once they return. It stays listed until
    // then, so endSession() still deletes it before the store closes if the window goes first.
    page->hide();
    page->deleteLater();
}

void MainWindow::openIntake(const QString &draftId)
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    auto *wizard = new IntakeWizard(*m_store, m_session->user()->username);
    wizard->setAuditLog(m_audit.get());
    // A new wizard starts a new intake; a draft id resumes that one.
    if (auto resumed = draftId.isEmpty() ? Result<void>() : wizard->resume(draftId); !resumed) {
        delete wizard;
        QMessageBox::warning(this, tr("Open intake"),
                             tr("The intake could not be opened: %1").arg(resumed.error().message));
        return;
    }
    auto done = [this, wizard] {
        closeSessionPage(wizard);
        showHome();
    };
    connect(wizard, &IntakeWizard::closed, this, done);
    connect(wizard, &IntakeWizard::submitted, this, [this, done] {
        m_provider->kick();
        done();
    });
    openSessionPage(wizard);
}

void MainWindow::showDrafts()
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    auto *drafts = new DraftsPage(*m_store, m_session->user()->username);
    drafts->setAuditLog(m_audit.get());
    connect(drafts, &DraftsPage::resumeRequested, this, [this, drafts](const QString &id) {
        closeSessionPage(drafts);
        openIntake(id);
    });
    connect(drafts, &DraftsPage::newIntakeRequested, this, [this, drafts] {
        closeSessionPage(drafts);
        openIntake();
    });
    openSessionPage(drafts);
    drafts->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::endSession()
{
    // The board holds patient names in memory: it goes with the session.
    if (m_board) {
        m_home->setBoard(nullptr);
        delete m_board.data();
    }
    if (m_tray)
        m_tray->hide();
    updateUnread(0);
    // Deleting an intake page flushes its autosaved draft.
    for (const QPointer<QWidget> &page : std::as_const(m_sessionPages))
        delete page.data();
    m_sessionPages.clear();
    m_pageBeforeLock.clear();
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

void MainWindow::lockNow()
{
    lock(Session::LockReason::Manual);
}

void MainWindow::lock(Session::LockReason reason)
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    m_idle->stop();
    // Cover everything first: the audit entry (and its anchor in the keychain) may take a moment.
    m_pageBeforeLock = currentPage();
    m_focusBeforeLock = QApplication::focusWidget();
    lockhygiene::clearOwnedClipboards(QGuiApplication::clipboard());
    closeDialogs();
    m_ui->sessionToolBar->hide();
    m_lock->activate(m_session->user().value());
    showPage(m_lock);
    m_lock->repaint();
    m_session->lock(reason);
    updateChrome();
}

void MainWindow::unlocked(Session::UnlockResult result)
{
    if (result == Session::UnlockResult::TakenOver) {
        qCInfo(lcUi) << "locked session ended by an administrator's sign-in";
        endSession();
        signedIn(m_session->user().value());
        return;
    }
    updateChrome();
    QWidget *back = m_pageBeforeLock ? m_pageBeforeLock.data() : m_home;
    m_pageBeforeLock.clear();
    showPage(back);
    if (back == m_home)
        m_home->activate();
    if (QWidget *focus = lockhygiene::focusToRestore(m_focusBeforeLock, back))
        focus->setFocus(Qt::OtherFocusReason);
    else if (back != m_home)
        back->setFocus(Qt::OtherFocusReason);
    m_focusBeforeLock.clear();
    m_idle->start();
}

void MainWindow::signOut()
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    m_idle->stop();
    closeDialogs();
    endSession();
    m_session->signOut();
    updateChrome();
    showPage(m_signIn);
    m_signIn->activate();
}

void MainWindow::showAccounts()
{
    if (!m_session || m_session->state() != Session::State::Active || !m_admin)
        return;
    m_accounts->setAdmin(m_admin.get(), m_session->user().value());
    showPage(m_accounts);
    m_accounts->activate();
}

void MainWindow::exportAuditLog()
{
    if (!m_session || m_session->state() != Session::State::Active || !m_admin)
        return;
    AuditExportDialog dialog(*m_admin, m_session->user().value(), this);
    dialog.exec();
}

void MainWindow::verifyAuditLog()
{
    if (!m_session || m_session->state() != Session::State::Active || !m_admin)
        return;
    (void)AdminAuditCheck::run(this, *m_admin, m_session->user().value());
}

void MainWindow::startRelay()
{
    // A relay may also run inside the console (one desktop, no separate service): it applies
    // events to this store and tells the window directly.
    auto options = RelayClient::fromSettings(ProviderConnection::settingsPath(m_store->dataDir()));
    if (!options) {
        qCWarning(lcUi) << "in-console relay not started:" << options.error().message;
        return;
    }
    if (!options.value())
        return;
    m_relay = new RelayClient(*m_store, std::move(*options.value()), this);
    connect(m_relay, &RelayClient::visitsChanged, this, &MainWindow::visitsChanged);
    connect(m_relay, &RelayClient::pollFailed, this, [](const QString &reason) {
        qCInfo(lcUi) << "in-console relay: poll failed:" << reason;
    });
    m_relay->start();
    qCInfo(lcUi) << "in-console relay started";
}

void MainWindow::connectProvider()
{
    // Outbox and status-check results change visits in this process. An open visit detail
    // follows them itself (it listens to the same signals); the board is told here.
    auto entryChanged = [this](const QString &entryId) {
        if (!m_store || !m_board)
            return;
        auto entry = Outbox(*m_store).entry(entryId);
        if (entry && entry.value())
            m_board->visitsChanged({entry.value()->visitId});
    };
    if (OutboxSender *sender = m_provider->sender()) {
        connect(sender, &OutboxSender::entrySent, this, entryChanged);
        connect(sender, &OutboxSender::entryRejected, this, entryChanged);
        connect(sender, &OutboxSender::entryRetrying, this, entryChanged);
    }
    if (ProviderStatusSync *sync = m_provider->statusSync())
        connect(sync, &ProviderStatusSync::refreshed, this, [this](const QString &visitId) {
            if (m_board)
                m_board->visitsChanged({visitId});
        });
}

VisitBoardPage *MainWindow::board() const
{
    return m_board.data();
}

void MainWindow::createBoard(const User &user)
{
    if (m_board)
        return;
    auto *board = new VisitBoardPage(*m_store, m_audit.get(), user.username);
    // Attention thresholds are clinic settings, beside the provider link's.
    QSettings settings(ProviderConnection::settingsPath(m_store->dataDir()), QSettings::IniFormat);
    AttentionRules rules;
    rules.silentAfterHours =
        settings.value(QStringLiteral("board/silentAfterHours"), rules.silentAfterHours).toInt();
    rules.stuckAfterMinutes =
        settings.value(QStringLiteral("board/stuckAfterMinutes"), rules.stuckAfterMinutes).toInt();
    board->setAttentionRules(rules);
    board->setTypeTitles(QuestionnaireLibrary::load().visitTypeTitles());
    connect(board, &VisitBoardPage::openVisitRequested, this, &MainWindow::openVisit);
    connect(board, &VisitBoardPage::attentionArrived, this, &MainWindow::attentionArrived);
    connect(board, &VisitBoardPage::unreadCountChanged, this, &MainWindow::updateUnread);
    m_board = board;
    m_home->setBoard(board);
    board->reloadAll();
    updateUnread(board->unreadCount());
}

void MainWindow::openVisit(const QString &visitId)
{
    if (!m_session || m_session->state() != Session::State::Active)
        return;
    ProviderConnection *provider = m_provider && m_provider->running() ? m_provider.get() : nullptr;
    auto *page =
        new VisitDetailPage(*m_store, *m_audit, m_session->user().value(), provider, visitId);
    connect(page, &VisitDetailPage::closeRequested, this, [this, page] {
        closeSessionPage(page);
        showHome();
    });
    // The page has already re-read itself after a reply or a resubmit: only the board follows.
    connect(page, &VisitDetailPage::visitChanged, this, [this](const QString &id) {
        if (m_board)
            m_board->visitsChanged({id});
    });
    if (m_board)
        m_board->markSeen(visitId);
    openSessionPage(page);
    page->activate();
}

void MainWindow::visitsChanged(const QStringList &visitIds)
{
    if (!m_session || !m_session->user())
        return;
    if (m_board)
        m_board->visitsChanged(visitIds);
    for (const QPointer<QWidget> &page : std::as_const(m_sessionPages))
        if (auto *detail = qobject_cast<VisitDetailPage *>(page.data()))
            if (visitIds.contains(detail->visitId()))
                detail->reload();
}

void MainWindow::attentionArrived(const QStringList &visitIds, int unread)
{
    // A desktop notification carries counts only: it shows on lock screens and shared displays.
    QApplication::alert(this);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    m_tray->show();
    m_tray->showMessage(tr("ClinicDesk"),
                        tr("%n visit(s) need attention", nullptr, int(visitIds.size())) +
                            QLatin1Char('\n') + tr("%n unread in all", nullptr, unread),
                        QSystemTrayIcon::Warning);
}

void MainWindow::updateUnread(int unread)
{
    m_ui->actionHome->setText(unread > 0 ? tr("&Home (%n new)", nullptr, unread) : tr("&Home"));
    if (m_tray)
        m_tray->setToolTip(tr("ClinicDesk: %n visit(s) need attention", nullptr, unread));
}

} // namespace clinicdesk
