#pragma once

#include <QCoreApplication>
#include <QString>

class QLineEdit;

namespace clinicdesk {

class FieldErrorLabel;
class PasswordPolicy;

// The checks every account form shares (the first-run page, New account, Set password): a
// username and display name as the repository accepts them, a password the policy accepts (in
// the policy's own words) and the same password typed twice. Each problem is shown beside its
// field and the first bad field takes the keyboard. A form leaves out the fields it does not
// have; the password dialog names the account's username instead, for the policy.
class AccountFormCheck
{
    Q_DECLARE_TR_FUNCTIONS(AccountFormCheck)

public:
    struct Field
    {
        QLineEdit *edit = nullptr;
        FieldErrorLabel *error = nullptr;
    };

    Field username;
    Field displayName;
    Field password;
    Field confirm;
    QString fixedUsername;

    // Clears every message, then checks; true when all is well.
    bool validate(const PasswordPolicy &policy) const;
    void clearErrors() const;
    // After the form is done (or gone): no password stays in a field.
    void clearPasswords() const;
};

} // namespace clinicdesk
