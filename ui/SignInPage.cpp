#include "SignInPage.h"
#include "ui_SignInPage.h"

#include "CredentialFields.h"
#include "PageStyle.h"
#include "accounts/Session.h"

#include <QGuiApplication>
#include <QScopeGuard>

namespace clinicdesk {

SignInPage::SignInPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SignInPage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    PageStyle::makeColumn(m_ui->column);
    m_ui->usernameError->setField(m_ui->usernameEdit);
    m_ui->passwordError->setField(m_ui->passwordEdit);
    connect(m_ui->usernameEdit, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &SignInPage::submit);
}

SignInPage::~SignInPage() = default;

void SignInPage::activate()
{
    m_ui->usernameEdit->clear();
    m_ui->passwordEdit->clear();
    m_ui->usernameError->clearError();
    m_ui->passwordError->clearError();
    m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
}

void SignInPage::submit()
{
    CredentialFields fields(m_ui->usernameEdit, m_ui->usernameError, m_ui->passwordEdit,
                            m_ui->passwordError);
    if (!fields.filled() || !m_session)
        return;
    UserRepository::SignInFailure failure = UserRepository::SignInFailure::None;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    auto user = m_session->signIn(m_ui->usernameEdit->text(), m_ui->passwordEdit->text(), &failure);
    if (!user) {
        fields.attempted(failure == UserRepository::SignInFailure::StoreError
                             ? tr("Signing in failed because the local store reported an error: %1")
                                   .arg(user.error().message)
                             : user.error().message);
        return;
    }
    fields.attempted();
    m_ui->usernameEdit->clear();
    Q_EMIT signedIn(user.value());
}

} // namespace clinicdesk
