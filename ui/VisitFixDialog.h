#pragma once

#include "domain/Patient.h"
#include "domain/User.h"
#include "intake/IntakeForm.h"

#include <QDialog>
#include <QHash>

#include <memory>

class QLineEdit;

namespace Ui {
class VisitFixDialog;
}

namespace clinicdesk {

class AuditLog;
class FieldErrorLabel;
class LocalStore;

// "Fix and resubmit…" for a visit the provider refused: the provider's reason on top, the
// patient's demographics to correct, each checked with the intake's rules (messages under the
// fields, format hints kept beside them), then VisitCorrection::resubmit queues the visit again
// with its masterId.
class VisitFixDialog : public QDialog
{
    Q_OBJECT

public:
    VisitFixDialog(LocalStore &store, AuditLog &audit, const User &user, const QString &visitId,
                   const QString &reason, QWidget *parent = nullptr);
    ~VisitFixDialog() override;

    // What the fields hold now.
    Patient patient() const;
    // Validates and resubmits; accepts the dialog on success. The Resubmit button calls it.
    bool submit();

private:
    void describeFields();
    void load();
    QString text(const QString &linkId) const;
    // Shows each issue under its field and focuses the first; false when there were any.
    bool showIssues(const QList<IntakeIssue> &issues);

    std::unique_ptr<Ui::VisitFixDialog> m_ui;
    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    QString m_visitId;
    Patient m_original;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, FieldErrorLabel *> m_errors;
    QPushButton *m_resubmit = nullptr;
};

} // namespace clinicdesk
