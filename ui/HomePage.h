#pragma once

#include "User.h"

#include <QWidget>

#include <memory>

namespace Ui {
class HomePage;
}

namespace clinicdesk {

// What a signed-in user sees for now: who is signed in, and a one-click sign-out. The intake
// wizard and the visit board replace it in later versions.
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

private:
    std::unique_ptr<Ui::HomePage> m_ui;
};

} // namespace clinicdesk
