#pragma once

#include "domain/User.h"
#include "visits/NameCorrection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace clinicdesk {

class AuditLog;
class LocalStore;
class ProviderClient;
class StatusMessage;

// A patient's name corrected from the visit detail's patient tab (issue 15, item 5): the new
// first and last name are sent to the provider for each of the patient's open visits
// (NameCorrection) while staff wait, every answer is explained in the dialog and said to a screen
// reader (the ID-approved refusal among them), and the local record takes the new name with both
// names on each visit's timeline.
class NameCorrectionDialog : public QDialog
{
    Q_OBJECT

public:
    // `client` may be null (no provider link): the dialog says so and sends nothing.
    NameCorrectionDialog(LocalStore &store, AuditLog &audit, const User &user,
                         ProviderClient *client, const QString &patientId, const QString &firstName,
                         const QString &lastName, QWidget *parent = nullptr);

    // Sends the typed name (the Send button); false when nothing was sent.
    bool send();

Q_SIGNALS:
    // The provider answered for every open visit and the local record was written.
    void corrected(const QList<NameCorrection::Outcome> &outcomes);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finish(const QList<NameCorrection::Outcome> &outcomes);

    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    ProviderClient *m_client;
    QString m_patientId;
    QString m_oldFirst, m_oldLast;
    QList<NameCorrection::Target> m_targets;
    QLabel *m_intro = nullptr;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_last = nullptr;
    StatusMessage *m_outcome = nullptr;
    QPushButton *m_send = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace clinicdesk
