#pragma once

#include "crypto/PasswordHasher.h"
#include "domain/User.h"

#include <QWidget>

#include <memory>

namespace Ui {
class FirstRunPage;
}

namespace clinicdesk {

class AccountFormCheck;
class UserRepository;

// Shown while the store has no accounts: creates the first administrator. Every problem is
// shown next to its field; Enter in any field submits.
class FirstRunPage : public QWidget
{
    Q_OBJECT

public:
    explicit FirstRunPage(QWidget *parent = nullptr);
    ~FirstRunPage() override;

    void setRepository(UserRepository *users) { m_users = users; }
    // Clears the form and puts the cursor in the first field.
    void activate();

Q_SIGNALS:
    void administratorCreated(const clinicdesk::User &user);

private:
    void submit();
    AccountFormCheck check() const;

    std::unique_ptr<Ui::FirstRunPage> m_ui;
    UserRepository *m_users = nullptr;
};

} // namespace clinicdesk
