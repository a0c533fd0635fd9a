#include "AuditExportDialog.h"
#include "ui_AuditExportDialog.h"

#include "access/AccountAdmin.h"
#include "base/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

namespace clinicdesk {
namespace {

// Progress is shown in per mille: the exporter's totals can exceed an int.
constexpr int kProgressSteps = 1000;

const QList<AuditExporter::Format> kFormats = {AuditExporter::Format::Csv,
                                               AuditExporter::Format::JsonLines,
                                               AuditExporter::Format::FhirBundle};

} // namespace

AuditExportDialog::AuditExportDialog(AccountAdmin &admin, const User &actor, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AuditExportDialog>())
    , m_admin(admin)
    , m_actor(actor)
{
    m_ui->setupUi(this);
    // Wide enough for a typical path in full; sized in characters so it follows the font.
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 100);
    const QDate today = QDate::currentDate();
    m_ui->fromEdit->setDate(today.addMonths(-1));
    m_ui->toEdit->setDate(today);
    m_ui->userEdit->addItem(tr("Everyone"), QString());
    if (auto users = m_admin.listAccounts(m_actor)) {
        for (const User &user : users.value())
            m_ui->userEdit->addItem(user.username, user.username);
    }
    m_ui->formatEdit->addItem(tr("CSV (RFC 4180)"), int(AuditExporter::Format::Csv));
    m_ui->formatEdit->addItem(tr("JSON Lines"), int(AuditExporter::Format::JsonLines));
    m_ui->formatEdit->addItem(tr("FHIR R4 Bundle of AuditEvent"),
                              int(AuditExporter::Format::FhirBundle));
    // Documents when it exists (a fresh account may not have one), else the home folder.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString dir =
        !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
    m_ui->fileEdit->setText(QDir(dir).filePath(
        QStringLiteral("clinicdesk-audit-%1.csv").arg(today.toString(QStringLiteral("yyyyMMdd")))));
    m_ui->generalError->setField(m_ui->fileEdit);
    m_ui->dateError->setField(m_ui->toEdit);
    m_ui->resultLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setText(tr("&Export"));
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AuditExportDialog::exportNow);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &AuditExportDialog::browse);
    connect(m_ui->formatEdit, &QComboBox::currentIndexChanged, this,
            &AuditExportDialog::formatChanged);
    m_ui->fromEdit->setFocus(Qt::OtherFocusReason);
}

AuditExportDialog::~AuditExportDialog() = default;

void AuditExportDialog::setRange(const QDate &from, const QDate &to)
{
    m_ui->fromEdit->setDate(from);
    m_ui->toEdit->setDate(to);
}

void AuditExportDialog::setUser(const QString &username)
{
    const int index = m_ui->userEdit->findData(username);
    m_ui->userEdit->setCurrentIndex(index < 0 ? 0 : index);
}

void AuditExportDialog::setFormat(AuditExporter::Format format)
{
    m_ui->formatEdit->setCurrentIndex(m_ui->formatEdit->findData(int(format)));
}

void AuditExportDialog::setFilePath(const QString &path)
{
    m_ui->fileEdit->setText(path);
}

QString AuditExportDialog::filePath() const
{
    return m_ui->fileEdit->text().trimmed();
}

QString AuditExportDialog::resultText() const
{
    return m_summary ? m_ui->resultLabel->text() : QString();
}

QString AuditExportDialog::errorText() const
{
    for (const QString &error : {m_ui->generalError->text(), m_ui->dateError->text(), m_failure})
        if (!error.isEmpty())
            return error;
    return {};
}

void AuditExportDialog::fail(const QString &message)
{
    m_failure = message;
    m_ui->resultLabel->announce(message);
}

AuditExporter::Format AuditExportDialog::format() const
{
    return AuditExporter::Format(m_ui->formatEdit->currentData().toInt());
}

AuditLog::Filter AuditExportDialog::filter() const
{
    AuditLog::Filter f;
    f.from = m_ui->fromEdit->date().startOfDay().toUTC();
    f.to = m_ui->toEdit->date().addDays(1).startOfDay().toUTC();
    f.user = m_ui->userEdit->currentData().toString();
    return f;
}

void AuditExportDialog::formatChanged()
{
    // Keep the file name's suffix in step with the format, if it still has one of ours.
    QString path = filePath();
    for (AuditExporter::Format f : kFormats) {
        const QString suffix = AuditExporter::fileSuffix(f);
        if (path.endsWith(suffix)) {
            path.chop(suffix.size());
            m_ui->fileEdit->setText(path + AuditExporter::fileSuffix(format()));
            return;
        }
    }
}

void AuditExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export audit log to"), filePath(),
        tr("Audit export (*%1)").arg(AuditExporter::fileSuffix(format())));
    if (!chosen.isEmpty())
        m_ui->fileEdit->setText(chosen);
}

bool AuditExportDialog::exportNow()
{
    m_ui->generalError->clearError();
    m_ui->dateError->clearError();
    m_ui->resultLabel->announce({});
    m_failure.clear();
    m_summary.reset();
    const QString path = filePath();
    if (path.isEmpty()) {
        m_ui->generalError->showError(tr("Choose a file to export to."));
        m_ui->fileEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_ui->toEdit->date() < m_ui->fromEdit->date()) {
        // Beside the date it is about, which is where the keyboard goes.
        m_ui->dateError->showError(tr("The last day is before the first day."));
        m_ui->toEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
    QSaveFile file(path);
    // Owner-only, like the command line's export: the log names staff and patients' record ids.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_ui->generalError->showError(tr("The file cannot be written: %1").arg(file.errorString()));
        m_ui->fileEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }

    QProgressDialog progress(tr("Verifying and exporting the audit log…"), tr("Cancel"), 0,
                             kProgressSteps, this);
    progress.setWindowTitle(tr("Export audit log"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    m_progress = &progress;
    bool cancelled = false;
    auto result =
        m_admin.exportAuditLog(m_actor, file, format(), filter(), [&](qint64 done, qint64 total) {
            progress.setValue(
                int(qBound<qint64>(qint64(0), done * kProgressSteps / qMax<qint64>(total, 1),
                                   qint64(kProgressSteps))));
            Q_EMIT progressed(done, total);
            // Runs on the GUI thread: let the progress dialog paint and see its Cancel button.
            QCoreApplication::processEvents();
            // Locking the console rejects this dialog: that cancels too.
            cancelled = cancelled || progress.wasCanceled() || !isVisible();
            return !cancelled;
        });
    m_progress = nullptr;
    progress.reset();
    if (!result || cancelled) {
        file.cancelWriting();
        if (cancelled || result.error().code == ErrorCode::Cancelled) {
            qCInfo(lcUi) << "audit export cancelled";
            fail(tr("Export cancelled: no file was written."));
        } else {
            qCWarning(lcUi) << "audit export failed, error code" << int(result.error().code);
            fail(tr("Nothing was exported: %1").arg(result.error().message));
        }
        return false;
    }
    if (!file.commit()) {
        m_ui->generalError->showError(
            tr("The file could not be saved: %1").arg(file.errorString()));
        return false;
    }
    m_summary = result.value();
    m_ui->resultLabel->announce(
        tr("Exported %n entries to %1. Verified against chain head %2 (hash %3).", "",
           int(qMin<qint64>(m_summary->exported, std::numeric_limits<int>::max())))
            .arg(QDir::toNativeSeparators(path))
            .arg(m_summary->verifiedHead.seq)
            .arg(QString::fromLatin1(m_summary->verifiedHead.hash.toHex())));
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace clinicdesk
