#include "HomePage.h"
#include "ui_HomePage.h"

#include "PageStyle.h"
#include "VisitBoardPage.h"

#include <QAction>

namespace clinicdesk {

HomePage::HomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HomePage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    m_ui->titleLabel->setWordWrap(false); // one line beside the buttons, however long the name
}

void HomePage::setActions(QAction *newIntake, QAction *drafts, QAction *lock, QAction *signOut)
{
    const std::pair<QPushButton *, QAction *> pairs[] = {{m_ui->newIntakeButton, newIntake},
                                                         {m_ui->draftsButton, drafts},
                                                         {m_ui->lockButton, lock},
                                                         {m_ui->signOutButton, signOut}};
    for (const auto &[button, action] : pairs) {
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        button->setToolTip(action->toolTip());
    }
}

HomePage::~HomePage() = default;

void HomePage::setUser(const User &user)
{
    m_ui->titleLabel->setText(tr("Welcome, %1").arg(user.displayName));
    const QString role = user.isAdmin() ? tr("administrator") : tr("staff");
    m_ui->signedInLabel->setText(tr("Signed in as %1 (%2).").arg(user.displayName, role));
}

void HomePage::setBoard(QWidget *board)
{
    if (m_board == board)
        return;
    if (m_board) {
        m_ui->boardLayout->removeWidget(m_board);
        m_board->hide();
    }
    m_board = board;
    if (board) {
        m_ui->boardLayout->addWidget(board);
        board->show();
    }
}

void HomePage::activate()
{
    if (auto *board = qobject_cast<VisitBoardPage *>(m_board.data()))
        board->activate();
    else
        m_ui->newIntakeButton->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
