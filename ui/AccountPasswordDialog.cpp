#include "AccountPasswordDialog.h"
#include "ui_AccountPasswordDialog.h"

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
    m_ui->passwordError->clearError();
    m_ui->confirmError->clearError();
    m_ui->generalError->clearError();
    const QString password = m_ui->passwordEdit->text();
    if (const auto problem = PasswordPolicy().check(password, m_target.username);
        problem != PasswordPolicy::Problem::None) {
        m_ui->passwordError->showError(PasswordPolicy::message(problem));
        m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_ui->confirmEdit->text() != password) {
        m_ui->confirmError->showError(
            tr("The two passwords do not match. Type the same password twice."));
        m_ui->confirmEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
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
