#pragma once

#include "domain/User.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AccountPasswordDialog;
}

namespace clinicdesk {

class AccountAdmin;

// An administrator sets a new password for an account: typed twice, checked against the policy
// next to the field, set through AccountAdmin (which also clears any lockout).
class AccountPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    AccountPasswordDialog(AccountAdmin &admin, const User &actor, const User &target,
                          QWidget *parent = nullptr);
    ~AccountPasswordDialog() override;

    // What OK does; true when the password was set.
    bool submit();

private:
    std::unique_ptr<Ui::AccountPasswordDialog> m_ui;
    AccountAdmin &m_admin;
    User m_actor;
    User m_target;
};

} // namespace clinicdesk
