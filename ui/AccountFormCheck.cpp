#include "AccountFormCheck.h"

#include "FieldErrorLabel.h"
#include "accounts/PasswordPolicy.h"
#include "accounts/UserRepository.h"

#include <QLineEdit>

namespace clinicdesk {

void AccountFormCheck::clearErrors() const
{
    for (const Field *f : {&username, &displayName, &password, &confirm})
        if (f->error)
            f->error->clearError();
}

void AccountFormCheck::clearPasswords() const
{
    for (const Field *f : {&password, &confirm})
        if (f->edit)
            f->edit->clear();
}

bool AccountFormCheck::validate(const PasswordPolicy &policy) const
{
    clearErrors();
    QLineEdit *firstBad = nullptr;
    auto fail = [&](const Field &field, const QString &message) {
        field.error->showError(message);
        if (!firstBad)
            firstBad = field.edit;
    };
    QString name = fixedUsername;
    if (username.edit) {
        auto normalised = UserRepository::normaliseUsername(username.edit->text());
        if (normalised)
            name = normalised.value();
        else
            fail(username, normalised.error().message);
    }
    if (displayName.edit) {
        if (auto normalised = UserRepository::normaliseDisplayName(displayName.edit->text());
            !normalised)
            fail(displayName, normalised.error().message);
    }
    const QString typed = password.edit->text();
    if (const auto problem = policy.check(typed, name); problem != PasswordPolicy::Problem::None)
        fail(password, PasswordPolicy::message(problem));
    else if (confirm.edit && confirm.edit->text() != typed)
        fail(confirm, tr("The two passwords do not match. Type the same password twice."));
    if (firstBad)
        firstBad->setFocus(Qt::OtherFocusReason);
    return !firstBad;
}

} // namespace clinicdesk
