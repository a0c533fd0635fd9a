#pragma once

#include "domain/User.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AccountCreateDialog;
}

namespace clinicdesk {

class AccountAdmin;
class AccountFormCheck;

// A new staff or admin account. Every problem is shown next to its field (the password policy's
// own words); OK creates the account through AccountAdmin and closes only on success.
class AccountCreateDialog : public QDialog
{
    Q_OBJECT

public:
    AccountCreateDialog(AccountAdmin &admin, const User &actor, QWidget *parent = nullptr);
    ~AccountCreateDialog() override;

    const User &createdUser() const { return m_created; }
    // What OK does; true when the account was created.
    bool submit();

private:
    AccountFormCheck check() const;

    std::unique_ptr<Ui::AccountCreateDialog> m_ui;
    AccountAdmin &m_admin;
    User m_actor;
    User m_created;
};

} // namespace clinicdesk
