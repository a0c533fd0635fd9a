#pragma once

#include "base/Result.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

#include <memory>

namespace Ui {
class StoreErrorPage;
}

namespace clinicdesk {

// Shown when the encrypted store cannot be opened (no keychain, missing or wrong key, unsafe key
// file, database trouble): what to do about it, the store's own specific message, Retry and Quit.
class StoreErrorPage : public QWidget
{
    Q_OBJECT

public:
    explicit StoreErrorPage(QWidget *parent = nullptr);
    ~StoreErrorPage() override;

    void setError(const Error &error);
    void activate();

    static QString adviceFor(ErrorCode code);

    // A clinic store on PostgreSQL: a PC without its key (or a revoked one) may join with a
    // one-time code from an admin (clinicdesk-admin workstation invite). The section shows for
    // those errors only.
    void setJoinAvailable(bool available);
    // The join failed: its message under the code, which stays for another try.
    void showJoinError(const QString &message);

Q_SIGNALS:
    void retryRequested();
    void quitRequested();
    void joinRequested(const QString &code);

private:
    void updateJoinSection();

    std::unique_ptr<Ui::StoreErrorPage> m_ui;
    QGroupBox *m_joinBox = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QPushButton *m_joinButton = nullptr;
    QLabel *m_joinError = nullptr;
    bool m_joinAvailable = false;
    ErrorCode m_errorCode = ErrorCode::Database;
};

} // namespace clinicdesk
