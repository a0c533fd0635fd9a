#pragma once

#include "LocalStore.h"
#include "PasswordHasher.h"
#include "Result.h"
#include "User.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}

namespace clinicdesk {

class FirstRunPage;
class HomePage;
class SignInPage;
class StoreErrorPage;
class UserRepository;

// The console's one window. Its title is only ever "ClinicDesk": titles reach task switchers,
// screen sharing and window-manager logs, so they never carry a patient's or user's name.
//
// start() opens the store through the given opener and shows the first-run page (no accounts
// yet), the sign-in page, or the store-error page with Retry (which calls the opener again).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using StoreOpener = std::function<Result<std::unique_ptr<LocalStore>>()>;

    explicit MainWindow(StoreOpener opener, PasswordHasher hasher = PasswordHasher(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    void start();

    const std::optional<User> &currentUser() const { return m_user; }
    QWidget *currentPage() const;

private:
    void showStoreError(const Error &error);
    void showPage(QWidget *page);
    void signIn(const User &user);
    void signOut();

    std::unique_ptr<Ui::MainWindow> m_ui;
    StoreOpener m_opener;
    PasswordHasher m_hasher;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    std::optional<User> m_user;
    FirstRunPage *m_firstRun = nullptr;
    SignInPage *m_signIn = nullptr;
    HomePage *m_home = nullptr;
    StoreErrorPage *m_storeError = nullptr;
};

} // namespace clinicdesk
