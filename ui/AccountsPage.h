#pragma once

#include "domain/User.h"

#include <QWidget>

#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class AccountsPage;
}

namespace clinicdesk {

class AccountAdmin;
class AccountListModel;

// Admins only: the staff accounts, with create, disable / enable and reset password. Every
// action goes through AccountAdmin, which checks the role again in the core and audits it.
class AccountsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsPage(QWidget *parent = nullptr);
    ~AccountsPage() override;

    // The service and the signed-in admin acting through it; null clears the page.
    void setAdmin(AccountAdmin *admin, const User &actor);
    // Reloads the list and puts the focus in it.
    void activate();
    bool reload();

    // The actions behind the buttons, on the selected account (the dialogs are modal).
    void createAccount();
    void toggleDisabled(bool confirm = true);
    void resetPassword();
    bool selectUsername(const QString &username);
    AccountListModel *model() const { return m_model; }

Q_SIGNALS:
    void closeRequested();

private:
    int selectedRow() const;
    void updateButtons();
    void showResult(const QString &message);

    std::unique_ptr<Ui::AccountsPage> m_ui;
    AccountListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    AccountAdmin *m_admin = nullptr;
    User m_actor;
};

} // namespace clinicdesk
