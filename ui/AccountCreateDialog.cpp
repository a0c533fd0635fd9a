#include "AccountCreateDialog.h"
#include "ui_AccountCreateDialog.h"

#include "AccountFormCheck.h"
#include "access/AccountAdmin.h"
#include "accounts/PasswordPolicy.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPushButton>
#include <QScopeGuard>

namespace clinicdesk {

AccountCreateDialog::AccountCreateDialog(AccountAdmin &admin, const User &actor, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountCreateDialog>())
    , m_admin(admin)
    , m_actor(actor)
{
    m_ui->setupUi(this);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 64);
    m_ui->introLabel->setText(
        tr("Each person gets their own account. Give them the password in person; they cannot "
           "change it themselves yet, so an administrator resets it when needed."));
    m_ui->roleEdit->addItem(tr("Staff"), int(Role::Staff));
    m_ui->roleEdit->addItem(tr("Administrator"), int(Role::Admin));
    m_ui->passwordHint->setText(
        tr("At least %1 characters. A few unrelated words are easy to remember and hard to guess.")
            .arg(PasswordPolicy::kMinLength));
    m_ui->usernameError->setField(m_ui->usernameEdit);
    m_ui->displayNameError->setField(m_ui->displayNameEdit);
    m_ui->roleError->setField(m_ui->roleEdit);
    m_ui->passwordError->setField(m_ui->passwordEdit);
    m_ui->confirmError->setField(m_ui->confirmEdit);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create account"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountCreateDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
}

AccountCreateDialog::~AccountCreateDialog()
{
    check().clearPasswords();
}

AccountFormCheck AccountCreateDialog::check() const
{
    AccountFormCheck check;
    check.username = {m_ui->usernameEdit, m_ui->usernameError};
    check.displayName = {m_ui->displayNameEdit, m_ui->displayNameError};
    check.password = {m_ui->passwordEdit, m_ui->passwordError};
    check.confirm = {m_ui->confirmEdit, m_ui->confirmError};
    return check;
}

bool AccountCreateDialog::submit()
{
    m_ui->roleError->clearError();
    m_ui->generalError->clearError();
    if (!check().validate(PasswordPolicy()))
        return false;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    auto created = m_admin.createAccount(
        m_actor, m_ui->usernameEdit->text(), m_ui->displayNameEdit->text(),
        Role(m_ui->roleEdit->currentData().toInt()), m_ui->passwordEdit->text());
    if (!created) {
        // The core has the last word (a name taken meanwhile, the policy, the role check).
        if (created.error().code == ErrorCode::Conflict) {
            m_ui->usernameError->showError(created.error().message);
            m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
        } else if (created.error().code == ErrorCode::InvalidInput) {
            m_ui->passwordError->showError(created.error().message);
            m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
        } else {
            m_ui->generalError->showError(
                tr("The account could not be created: %1").arg(created.error().message));
        }
        return false;
    }
    m_created = created.value();
    check().clearPasswords();
    accept();
    return true;
}

} // namespace clinicdesk
