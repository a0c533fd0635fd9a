#include "FirstRunPage.h"
#include "ui_FirstRunPage.h"

#include "AccountFormCheck.h"
#include "PageStyle.h"
#include "accounts/UserRepository.h"

#include <QGuiApplication>
#include <QScopeGuard>

namespace clinicdesk {

FirstRunPage::FirstRunPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::FirstRunPage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    PageStyle::makeColumn(m_ui->column);
    m_ui->usernameError->setField(m_ui->usernameEdit);
    m_ui->displayNameError->setField(m_ui->displayNameEdit);
    m_ui->passwordError->setField(m_ui->passwordEdit);
    m_ui->confirmError->setField(m_ui->confirmEdit);
    m_ui->passwordHint->setText(
        tr("At least %1 characters. A few unrelated words are easy to remember and hard to guess.")
            .arg(PasswordPolicy::kMinLength));

    for (QLineEdit *edit :
         {m_ui->usernameEdit, m_ui->displayNameEdit, m_ui->passwordEdit, m_ui->confirmEdit})
        connect(edit, &QLineEdit::returnPressed, this, &FirstRunPage::submit);
    connect(m_ui->createButton, &QPushButton::clicked, this, &FirstRunPage::submit);
}

FirstRunPage::~FirstRunPage() = default;

void FirstRunPage::activate()
{
    for (QLineEdit *edit :
         {m_ui->usernameEdit, m_ui->displayNameEdit, m_ui->passwordEdit, m_ui->confirmEdit})
        edit->clear();
    check().clearErrors();
    m_ui->generalError->clearError();
    m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
}

AccountFormCheck FirstRunPage::check() const
{
    AccountFormCheck check;
    check.username = {m_ui->usernameEdit, m_ui->usernameError};
    check.displayName = {m_ui->displayNameEdit, m_ui->displayNameError};
    check.password = {m_ui->passwordEdit, m_ui->passwordError};
    check.confirm = {m_ui->confirmEdit, m_ui->confirmError};
    return check;
}

void FirstRunPage::submit()
{
    m_ui->generalError->clearError();
    if (!m_users || !check().validate(m_users->policy()))
        return;
    // Hashing takes a moment by design (it is what makes guessing slow).
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    auto user = m_users->createUser(m_ui->usernameEdit->text(), m_ui->displayNameEdit->text(),
                                    Role::Admin, m_ui->passwordEdit->text());
    if (!user) {
        if (user.error().code == ErrorCode::Conflict) {
            m_ui->usernameError->showError(user.error().message);
            m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
        } else {
            m_ui->generalError->showError(
                tr("The account could not be created: %1").arg(user.error().message));
        }
        return;
    }
    check().clearPasswords();
    Q_EMIT administratorCreated(user.value());
}

} // namespace clinicdesk
