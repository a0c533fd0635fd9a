#pragma once

#include "domain/User.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SignInPage;
}

namespace clinicdesk {

class Session;

// Username and password, checked (and audited) by the Session; a refusal (wrong password, locked,
// disabled) is shown under the password field, and the password is cleared for the next try.
class SignInPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget *parent = nullptr);
    ~SignInPage() override;

    void setSession(Session *session) { m_session = session; }
    // Clears both fields and any message, and puts the cursor in the username field.
    void activate();

Q_SIGNALS:
    void signedIn(const clinicdesk::User &user);

private:
    void submit();

    std::unique_ptr<Ui::SignInPage> m_ui;
    Session *m_session = nullptr;
};

} // namespace clinicdesk
