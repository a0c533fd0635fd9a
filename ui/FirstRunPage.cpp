#include "FirstRunPage.h"
#include "ui_FirstRunPage.h"

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
    clearErrors();
    m_ui->usernameEdit->setFocus(Qt::OtherFocusReason);
}

void FirstRunPage::clearErrors()
{
    m_ui->usernameError->clearError();
    m_ui->displayNameError->clearError();
    m_ui->passwordError->clearError();
    m_ui->confirmError->clearError();
    m_ui->generalError->clearError();
}

bool FirstRunPage::validate()
{
    clearErrors();
    QWidget *firstBad = nullptr;
    auto fail = [&](FieldErrorLabel *label, QLineEdit *edit, const QString &message) {
        label->showError(message);
        if (!firstBad)
            firstBad = edit;
    };
    auto username = UserRepository::normaliseUsername(m_ui->usernameEdit->text());
    if (!username)
        fail(m_ui->usernameError, m_ui->usernameEdit, username.error().message);
    auto displayName = UserRepository::normaliseDisplayName(m_ui->displayNameEdit->text());
    if (!displayName)
        fail(m_ui->displayNameError, m_ui->displayNameEdit, displayName.error().message);
    const QString password = m_ui->passwordEdit->text();
    const PasswordPolicy::Problem problem =
        m_users ? m_users->policy().check(password, m_ui->usernameEdit->text())
                : PasswordPolicy().check(password);
    if (problem != PasswordPolicy::Problem::None)
        fail(m_ui->passwordError, m_ui->passwordEdit, PasswordPolicy::message(problem));
    else if (m_ui->confirmEdit->text() != password)
        fail(m_ui->confirmError, m_ui->confirmEdit,
             tr("The two passwords do not match. Type the same password twice."));
    if (firstBad)
        firstBad->setFocus(Qt::OtherFocusReason);
    return !firstBad;
}

void FirstRunPage::submit()
{
    if (!m_users || !validate())
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
    m_ui->passwordEdit->clear();
    m_ui->confirmEdit->clear();
    Q_EMIT administratorCreated(user.value());
}

} // namespace clinicdesk
