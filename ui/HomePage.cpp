#include "HomePage.h"
#include "ui_HomePage.h"

#include "PageStyle.h"

namespace clinicdesk {

HomePage::HomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HomePage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    PageStyle::makeColumn(m_ui->column);
    connect(m_ui->signOutButton, &QPushButton::clicked, this, &HomePage::signOutRequested);
    connect(m_ui->lockButton, &QPushButton::clicked, this, &HomePage::lockRequested);
    connect(m_ui->newIntakeButton, &QPushButton::clicked, this, &HomePage::newIntakeRequested);
    connect(m_ui->draftsButton, &QPushButton::clicked, this, &HomePage::draftsRequested);
}

HomePage::~HomePage() = default;

void HomePage::setUser(const User &user)
{
    m_ui->titleLabel->setText(tr("Welcome, %1").arg(user.displayName));
    const QString role = user.isAdmin() ? tr("administrator") : tr("staff");
    m_ui->signedInLabel->setText(tr("Signed in as %1 (%2).").arg(user.displayName, role));
}

void HomePage::activate()
{
    m_ui->signOutButton->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
