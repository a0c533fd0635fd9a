#pragma once

#include "User.h"

#include <QWidget>

#include <memory>

namespace Ui {
class HomePage;
}

namespace clinicdesk {

// What a signed-in user sees first: who is signed in, the way into the intake wizard and the
// unfinished intakes, and one-click lock and sign-out.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    explicit HomePage(QWidget *parent = nullptr);
    ~HomePage() override;

    void setUser(const User &user);
    void activate();

Q_SIGNALS:
    void signOutRequested();
    void lockRequested();
    void newIntakeRequested();
    void draftsRequested();

private:
    std::unique_ptr<Ui::HomePage> m_ui;
};

} // namespace clinicdesk
