#pragma once

#include "domain/User.h"
#include "notify/NotificationTemplates.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace clinicdesk {

class AccountAdmin;
class AuditLog;
class LocalStore;
class StatusMessage;

// Administration: the wording of the messages to patients (issue 17), per event and language.
// The subject and body are edited with a live preview of the exact text a patient receives (the
// clinic's name and phone from [notifications], sample values for the rest). Save refuses a
// placeholder outside the safe set, naming it (NotificationTemplates::check, the CLI's validator);
// Reset goes back to the built-in text. Every save and reset is in the audit log; only an
// administrator gets through (AccessControl, audited).
class NotificationTemplatesDialog : public QDialog
{
    Q_OBJECT

public:
    NotificationTemplatesDialog(LocalStore &store, AccountAdmin &admin, AuditLog &audit, User user,
                                QWidget *parent = nullptr);
    ~NotificationTemplatesDialog() override;

    // Selects the template `templateKey` in `language` (en, es); false if there is none.
    bool select(const QString &templateKey, const QString &language);
    // What Save and Reset do; true when the store took it.
    bool saveCurrent();
    bool resetCurrent();
    QString previewText() const;
    QString statusText() const;

private:
    struct Row
    {
        QString key;
        QString language;
    };

    void reload();
    void showRow(int row);
    void edited();
    void updatePreview();
    void updateRowState(int row);
    QString problemText(const NotificationTemplates::Problem &problem) const;
    bool allowed(const QString &id);
    void record(const QString &id, const QString &detail);

    LocalStore &m_store;
    AccountAdmin &m_admin;
    AuditLog &m_audit;
    User m_user;
    QHash<QString, QString> m_samples;
    QList<Row> m_rows;
    QHash<int, NotificationTemplates::Template> m_drafts; // unsaved edits per row
    int m_current = -1;
    bool m_loading = false;

    QTableWidget *m_table = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_placeholders = nullptr;
    StatusMessage *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace clinicdesk
