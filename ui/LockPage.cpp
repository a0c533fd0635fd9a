#include "LockPage.h"
#include "ui_LockPage.h"

#include "CredentialFields.h"
#include "PageStyle.h"

#include <QGuiApplication>
#include <QScopeGuard>

namespace clinicdesk {

LockPage::LockPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LockPage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    // One width, whatever the window went through before it locked: a column free to settle
    // anywhere between its bounds centres a pixel apart from one laid out afresh (tst_lock
    // compares the locked window with the lock page alone, pixel for pixel).
    PageStyle::makeColumn(m_ui->column, 64, 64);
    m_ui->usernameError->setField(m_ui->usernameEdit);
    m_ui->passwordError->setField(m_ui->passwordEdit);
    connect(m_ui->usernameEdit, &QLineEdit::returnPressed, this, &LockPage::submit);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &LockPage::submit);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &LockPage::submit);
}

LockPage::~LockPage() = default;

void LockPage::activate(const User &lockedUser)
{
    m_ui->introLabel->setText(
        tr("%1 locked this console. Enter the password to continue.").arg(lockedUser.displayName));
    m_ui->usernameEdit->setText(lockedUser.username);
    m_ui->passwordEdit->clear();
    m_ui->usernameError->clearError();
    m_ui->passwordError->clearError();
    m_ui->passwordEdit->setFocus(Qt::OtherFocusReason);
}

void LockPage::submit()
{
    CredentialFields fields(m_ui->usernameEdit, m_ui->usernameError, m_ui->passwordEdit,
                            m_ui->passwordError);
    if (!fields.filled() || !m_session)
        return;
    UserRepository::SignInFailure failure = UserRepository::SignInFailure::None;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    auto result =
        m_session->unlock(m_ui->usernameEdit->text(), m_ui->passwordEdit->text(), &failure);
    if (!result) {
        fields.attempted(failure == UserRepository::SignInFailure::StoreError
                             ? tr("Unlocking failed because the local store reported an error: %1")
                                   .arg(result.error().message)
                             : result.error().message);
        return;
    }
    fields.attempted();
    Q_EMIT unlocked(result.value());
}

} // namespace clinicdesk
