#include "StoreErrorPage.h"
#include "ui_StoreErrorPage.h"

#include "PageStyle.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clinicdesk {

StoreErrorPage::StoreErrorPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::StoreErrorPage>())
{
    m_ui->setupUi(this);
    PageStyle::makeTitle(m_ui->titleLabel);
    PageStyle::makeColumn(m_ui->column, 80, 110);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &StoreErrorPage::retryRequested);
    connect(m_ui->quitButton, &QPushButton::clicked, this, &StoreErrorPage::quitRequested);

    m_joinBox = new QGroupBox(tr("Join this clinic"), m_ui->column);
    m_joinBox->setObjectName(QStringLiteral("joinBox"));
    auto *joinLayout = new QVBoxLayout(m_joinBox);
    auto *joinHelp = new QLabel(tr("A new PC gets the clinic's data key with a one-time code. Ask "
                                   "an administrator for one (it is valid for 15 minutes), "
                                   "type it here and choose Join."),
                                m_joinBox);
    joinHelp->setWordWrap(true);
    auto *codeLabel = new QLabel(tr("One-time &code:"), m_joinBox);
    m_codeEdit = new QLineEdit(m_joinBox);
    m_codeEdit->setObjectName(QStringLiteral("codeEdit"));
    m_codeEdit->setPlaceholderText(QStringLiteral("XXXX-XXXX-XXXX-XXXX-XXXX"));
    m_codeEdit->setAccessibleName(tr("One-time code"));
    m_codeEdit->setMaxLength(40);
    codeLabel->setBuddy(m_codeEdit);
    m_joinError = new QLabel(m_joinBox);
    m_joinError->setObjectName(QStringLiteral("joinError"));
    m_joinError->setWordWrap(true);
    m_joinError->setAccessibleName(tr("Join error"));
    m_joinError->hide();
    m_joinButton = new QPushButton(tr("&Join"), m_joinBox);
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    m_joinButton->setAccessibleName(tr("Join this clinic"));
    joinLayout->addWidget(joinHelp);
    joinLayout->addWidget(codeLabel);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codeEdit, 1);
    codeRow->addWidget(m_joinButton);
    joinLayout->addLayout(codeRow);
    joinLayout->addWidget(m_joinError);
    // Above the Retry / Quit row.
    m_ui->columnLayout->insertWidget(m_ui->columnLayout->indexOf(m_ui->buttonRow), m_joinBox);
    const auto join = [this] {
        if (m_codeEdit->text().trimmed().isEmpty()) {
            showJoinError(tr("Type the one-time code first."));
            return;
        }
        m_joinError->hide();
        Q_EMIT joinRequested(m_codeEdit->text());
    };
    connect(m_joinButton, &QPushButton::clicked, this, join);
    connect(m_codeEdit, &QLineEdit::returnPressed, this, join);
    setTabOrder(m_codeEdit, m_joinButton);
    setTabOrder(m_joinButton, m_ui->retryButton);
    m_joinBox->hide();
}

void StoreErrorPage::setJoinAvailable(bool available)
{
    m_joinAvailable = available;
    updateJoinSection();
}

void StoreErrorPage::showJoinError(const QString &message)
{
    m_joinError->setText(message);
    m_joinError->show();
    m_codeEdit->setFocus(Qt::OtherFocusReason);
    m_codeEdit->selectAll();
}

void StoreErrorPage::updateJoinSection()
{
    const bool show = m_joinAvailable && (m_errorCode == ErrorCode::KeyNotFound ||
                                          m_errorCode == ErrorCode::AccessDenied);
    m_joinBox->setVisible(show);
    if (show && m_errorCode == ErrorCode::KeyNotFound)
        m_ui->adviceLabel->setText(tr("This PC does not have the clinic's data key yet. If it is "
                                      "new to the clinic, join it below with a one-time code from "
                                      "an administrator; otherwise restore the key from your key "
                                      "backup."));
    if (!show) {
        m_codeEdit->clear();
        m_joinError->hide();
    }
}

StoreErrorPage::~StoreErrorPage() = default;

QString StoreErrorPage::adviceFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::KeychainUnavailable:
        return tr("No keychain service answered. ClinicDesk keeps the key that encrypts its data "
                  "in the system keychain. Start the desktop keyring (for example GNOME Keyring "
                  "or KWallet), then choose Retry.");
    case ErrorCode::KeychainDenied:
        return tr("The keychain refused access to the data key. Unlock the keychain and allow "
                  "ClinicDesk to use it, then choose Retry.");
    case ErrorCode::KeyNotFound:
        return tr("The key for this data is missing from the keychain or key file. Restore it "
                  "from your key backup. ClinicDesk does not make a new key for existing data: "
                  "a new key could not read it.");
    case ErrorCode::WrongKey:
        return tr("The key that was found does not open this data. Check that ClinicDesk uses "
                  "the right keychain entry or key file.");
    case ErrorCode::KeyFileInsecure:
        return tr("The key file can be read by other users. Allow only its owner to read it "
                  "(chmod 600), then choose Retry.");
    case ErrorCode::KeyFileInvalid:
        return tr("The key file cannot be read or is damaged. Restore it from your key backup.");
    case ErrorCode::DecryptFailed:
        return tr("Encrypted data failed its integrity check: it was changed outside ClinicDesk "
                  "or belongs to another store. Restore the data folder from a backup.");
    case ErrorCode::Migration:
        return tr("The data could not be upgraded for this version of ClinicDesk. Nothing was "
                  "changed. Contact your support team with the details below.");
    case ErrorCode::Io:
    case ErrorCode::Database:
    default:
        return tr("The database could not be opened. Check that the data folder exists and is "
                  "writable, and that the disk is not full, then choose Retry.");
    }
}

void StoreErrorPage::setError(const Error &error)
{
    m_errorCode = error.code;
    m_ui->adviceLabel->setText(adviceFor(error.code));
    m_ui->detailsLabel->setText(error.message);
    updateJoinSection();
}

void StoreErrorPage::activate()
{
    if (m_joinBox->isVisible())
        m_codeEdit->setFocus(Qt::OtherFocusReason);
    else
        m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
