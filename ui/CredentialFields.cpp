#include "CredentialFields.h"

#include "FieldErrorLabel.h"

#include <QLineEdit>

namespace clinicdesk {

CredentialFields::CredentialFields(QLineEdit *username, FieldErrorLabel *usernameError,
                                   QLineEdit *password, FieldErrorLabel *passwordError)
    : m_username(username)
    , m_usernameError(usernameError)
    , m_password(password)
    , m_passwordError(passwordError)
{}

bool CredentialFields::filled()
{
    m_usernameError->clearError();
    m_passwordError->clearError();
    if (m_username->text().trimmed().isEmpty()) {
        m_usernameError->showError(tr("Enter your username."));
        m_username->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_password->text().isEmpty()) {
        m_passwordError->showError(tr("Enter your password."));
        m_password->setFocus(Qt::OtherFocusReason);
        return false;
    }
    return true;
}

void CredentialFields::attempted(const QString &refusal)
{
    m_password->clear();
    if (refusal.isEmpty())
        return;
    m_passwordError->showError(refusal);
    m_password->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
