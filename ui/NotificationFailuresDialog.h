#pragma once

#include "domain/User.h"

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class NotificationFailuresDialog;
}

namespace clinicdesk {

class AuditLog;
class LocalStore;

// Administration: the messages to patients that could not be delivered (issue 17), with the
// reason, and Retry, which queues the selected one again for the relay's sender (recorded in the
// audit log). Never an address or a number: the rows hold none.
class NotificationFailuresDialog : public QDialog
{
    Q_OBJECT

public:
    NotificationFailuresDialog(LocalStore &store, AuditLog &audit, User user,
                               QWidget *parent = nullptr);
    ~NotificationFailuresDialog() override;

    // Reads the failed messages again.
    void reload();
    int failureCount() const { return int(m_ids.size()); }

private:
    void retrySelected();

    std::unique_ptr<Ui::NotificationFailuresDialog> m_ui;
    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    QStringList m_ids; // notification id per row
};

} // namespace clinicdesk
