#include "StoreErrorPage.h"
#include "ui_StoreErrorPage.h"

#include "PageStyle.h"

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
    m_ui->adviceLabel->setText(adviceFor(error.code));
    m_ui->detailsLabel->setText(error.message);
}

void StoreErrorPage::activate()
{
    m_ui->retryButton->setFocus(Qt::OtherFocusReason);
}

} // namespace clinicdesk
