#pragma once

#include <QCoreApplication>

class QLineEdit;

namespace clinicdesk {

class FieldErrorLabel;

// The username and password pair the sign-in and lock pages share: the empty-field check before
// an attempt, and the refusal shown next to the password after one.
class CredentialFields
{
    Q_DECLARE_TR_FUNCTIONS(CredentialFields)

public:
    CredentialFields(QLineEdit *username, FieldErrorLabel *usernameError, QLineEdit *password,
                     FieldErrorLabel *passwordError);

    // Clears both messages; false, with a message beside the empty field and the cursor in it,
    // when the username or the password is missing.
    bool filled();
    // After an attempt: the password is cleared either way; a refusal shows beside it.
    void attempted(const QString &refusal = {});

private:
    QLineEdit *m_username;
    FieldErrorLabel *m_usernameError;
    QLineEdit *m_password;
    FieldErrorLabel *m_passwordError;
};

} // namespace clinicdesk
