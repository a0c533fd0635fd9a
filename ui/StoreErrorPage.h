#pragma once

#include "base/Result.h"

#include <QWidget>

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

Q_SIGNALS:
    void retryRequested();
    void quitRequested();

private:
    std::unique_ptr<Ui::StoreErrorPage> m_ui;
};

} // namespace clinicdesk
