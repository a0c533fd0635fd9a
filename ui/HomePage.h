#pragma once

#include "domain/User.h"

#include <QPointer>
#include <QWidget>

class QAction;

#include <memory>

namespace Ui {
class HomePage;
}

namespace clinicdesk {

// What a signed-in user sees first: who is signed in, the ways into the intake wizard and the
// unfinished intakes, one-click lock and sign-out, and below them the visit board of the session
// (setBoard), which the window creates at sign-in and deletes at sign-out.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    explicit HomePage(QWidget *parent = nullptr);
    ~HomePage() override;

    void setUser(const User &user);
    // Takes `board` (null: none) into the page; the previous one is only removed, not deleted.
    void setBoard(QWidget *board);
    QWidget *board() const { return m_board; }
    // Focus: the board when there is one, else New intake.
    void activate();

    // The window's actions behind the page's buttons (one place for what they do and for their
    // shortcuts, which the buttons' tooltips name).
    void setActions(QAction *newIntake, QAction *drafts, QAction *lock, QAction *signOut);

private:
    std::unique_ptr<Ui::HomePage> m_ui;
    QPointer<QWidget> m_board;
};

} // namespace clinicdesk
