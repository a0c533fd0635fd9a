#pragma once

#include "audit/AuditExporter.h"
#include "domain/User.h"

#include <QDate>
#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QProgressDialog;

namespace Ui {
class AuditExportDialog;
}

namespace clinicdesk {

class AccountAdmin;

// Admins export the audit log by date range (local days, inclusive) and user, as CSV, JSON Lines
// or a FHIR R4 Bundle. The export runs on the GUI thread (the store's Qt Sql connection belongs
// to it) behind a window-modal, cancellable progress dialog fed by the exporter's progress
// callback; it writes through a QSaveFile, so a cancelled or failed export leaves no file. The
// result names the number of entries and the chain head they were verified against.
class AuditExportDialog : public QDialog
{
    Q_OBJECT

public:
    AuditExportDialog(AccountAdmin &admin, const User &actor, QWidget *parent = nullptr);
    ~AuditExportDialog() override;

    void setRange(const QDate &from, const QDate &to);
    // Empty for everyone.
    void setUser(const QString &username);
    void setFormat(AuditExporter::Format format);
    void setFilePath(const QString &path);
    QString filePath() const;
    // The filter the form describes (UTC bounds of the local days).
    AuditLog::Filter filter() const;

    // What Save does; true when the file was written.
    bool exportNow();
    const std::optional<AuditExporter::Summary> &lastSummary() const { return m_summary; }
    QString resultText() const;
    QString errorText() const;
    // While an export runs.
    QProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    // From the exporter's progress callback, after the progress dialog was updated.
    void progressed(qint64 done, qint64 total);

private:
    void browse();
    // An export that did not happen: said, and kept for errorText().
    void fail(const QString &message);
    void formatChanged();
    AuditExporter::Format format() const;

    std::unique_ptr<Ui::AuditExportDialog> m_ui;
    AccountAdmin &m_admin;
    User m_actor;
    std::optional<AuditExporter::Summary> m_summary;
    QString m_failure;
    QProgressDialog *m_progress = nullptr; // only while exportNow() runs
};

} // namespace clinicdesk
