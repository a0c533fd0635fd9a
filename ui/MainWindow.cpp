#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "FirstRunPage.h"
#include "HomePage.h"
#include "Logging.h"
#include "SignInPage.h"
#include "StoreErrorPage.h"
#include "UserRepository.h"

namespace clinicdesk {

MainWindow::MainWindow(StoreOpener opener, PasswordHasher hasher, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_opener(std::move(opener))
    , m_hasher(hasher)
    , m_firstRun(new FirstRunPage(this))
    , m_signIn(new SignInPage(this))
    , m_home(new HomePage(this))
    , m_storeError(new StoreErrorPage(this))
{
    m_ui->setupUi(this);
    for (QWidget *page : {static_cast<QWidget *>(m_storeError), static_cast<QWidget *>(m_firstRun),
                          static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_home)})
        m_ui->pages->addWidget(page);

    connect(m_firstRun, &FirstRunPage::administratorCreated, this, &MainWindow::signIn);
    connect(m_signIn, &SignInPage::signedIn, this, &MainWindow::signIn);
    connect(m_home, &HomePage::signOutRequested, this, &MainWindow::signOut);
    connect(m_storeError, &StoreErrorPage::retryRequested, this, &MainWindow::start);
    connect(m_storeError, &StoreErrorPage::quitRequested, this, &MainWindow::close);
}

MainWindow::~MainWindow()
{
    // The pages hold a pointer to the repository, which refers to the store: drop them first.
    m_firstRun->setRepository(nullptr);
    m_signIn->setRepository(nullptr);
    m_users.reset();
    m_store.reset();
}

QWidget *MainWindow::currentPage() const
{
    return m_ui->pages->currentWidget();
}

void MainWindow::showPage(QWidget *page)
{
    m_ui->pages->setCurrentWidget(page);
}

void MainWindow::start()
{
    m_firstRun->setRepository(nullptr);
    m_signIn->setRepository(nullptr);
    m_user.reset();
    m_users.reset();
    m_store.reset();

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
    auto hasUsers = m_users->hasUsers();
    if (!hasUsers) {
        showStoreError(hasUsers.error());
        return;
    }
    m_firstRun->setRepository(m_users.get());
    m_signIn->setRepository(m_users.get());
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

void MainWindow::signIn(const User &user)
{
    m_user = user;
    m_home->setUser(user);
    showPage(m_home);
    m_home->activate();
}

void MainWindow::signOut()
{
    if (m_user)
        qCInfo(lcUi) << "signed out:" << m_user->username << "id" << m_user->id;
    m_user.reset();
    showPage(m_signIn);
    m_signIn->activate();
}

} // namespace clinicdesk
