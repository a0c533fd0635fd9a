#pragma once

#include "accounts/Session.h"

#include <QWidget>

#include <memory>

namespace Ui {
class LockPage;
}

namespace clinicdesk {

// Covers the whole window while the console is locked: it shows nothing of what was open, only
// who locked it and a password field. The same user continues where they were; an administrator
// signs in as themselves (the locked session then ends). Every attempt goes through the Session,
// which audits it.
class LockPage : public QWidget
{
    Q_OBJECT

public:
    explicit LockPage(QWidget *parent = nullptr);
    ~LockPage() override;

    void setSession(Session *session) { m_session = session; }
    // Names the locked user, fills in their username, clears the password and any message, and
    // puts the cursor in the password field.
    void activate(const User &lockedUser);

Q_SIGNALS:
    void unlocked(clinicdesk::Session::UnlockResult result);

private:
    void submit();

    std::unique_ptr<Ui::LockPage> m_ui;
    Session *m_session = nullptr;
};

} // namespace clinicdesk
