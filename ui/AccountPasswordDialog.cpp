#include "AccountPasswordDialog.h"
#include "ui_AccountPasswordDialog.h"

#include "AccountFormCheck.h"
#include "access/AccountAdmin.h"
#include "accounts/PasswordPolicy.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPushButton>
#include <QScopeGuard>

namespace clinicdesk {

AccountPasswordDialog::AccountPasswordDialog(AccountAdmin &admin, const User &actor,
                                             const User &target, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AccountPasswordDialog>())
    , m_admin(admin)
    , m_actor(actor)
    , m_target(target)
{
    m_ui->setupUi(this);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 64);
    m_ui->introLabel->setText(tr("Set a new password for %1 (%2). Give it to them in person.")
                                  .arg(target.displayName, target.username));
    m_ui->passwordHint->setText(
        tr("At least %1 characters. A few unrelated words are easy to remember and hard to guess.")
            .arg(PasswordPolicy::kMinLength));
    m_ui->passwordError->setField(m_ui->passwordEdit);
    m_ui->confirmError->setField(m_ui->confirmEdit);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Set password"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AccountPasswordDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
}

AccountPasswordDialog::~AccountPasswordDialog()
{
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
}

bool AccountPasswordDialog::submit()
{
    m_ui->generalError->clearError();
    AccountFormCheck check;
    check.password = {m_ui->passwordEdit, m_ui->passwordError};
    check.confirm = {m_ui->confirmEdit, m_ui->confirmError};
    check.fixedUsername = m_target.username;
    if (!check.validate(PasswordPolicy()))
        return false;
    const QString password = m_ui->passwordEdit->text();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    auto reset = m_admin.resetPassword(m_actor, m_target.id, password);
    if (!reset) {
        if (reset.error().code == ErrorCode::InvalidInput) {
            m_ui->passwordError->showError(reset.error().message);
            m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
        } else {
            m_ui->generalError->showError(
                tr("The password could not be set: %1").arg(reset.error().message));
        }
        return false;
    }
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
    accept();
    return true;
}

} // namespace clinicdesk
