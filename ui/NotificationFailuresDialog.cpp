#include "NotificationFailuresDialog.h"
#include "ui_NotificationFailuresDialog.h"

#include "VisitText.h"
#include "audit/AuditLog.h"
#include "base/TimeText.h"
#include "store/LocalStore.h"
#include "store/NotificationRepository.h"
#include "visits/PatientMessageTimeline.h"

#include <QHeaderView>

namespace clinicdesk {

NotificationFailuresDialog::NotificationFailuresDialog(LocalStore &store, AuditLog &audit,
                                                       User user, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NotificationFailuresDialog>())
    , m_store(store)
    , m_audit(audit)
    , m_user(std::move(user))
{
    m_ui->setupUi(this);
    VisitText::setUpTable(m_ui->failures);
    m_ui->failures->horizontalHeader()->setStretchLastSection(true);
    resize(1000, 480);
    connect(m_ui->retry, &QPushButton::clicked, this, &NotificationFailuresDialog::retrySelected);
    connect(m_ui->close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->failures, &QTableWidget::itemSelectionChanged, this,
            [this] { m_ui->retry->setEnabled(m_ui->failures->currentRow() >= 0); });
    reload();
}

NotificationFailuresDialog::~NotificationFailuresDialog() = default;

void NotificationFailuresDialog::reload()
{
    NotificationRepository rows(m_store.db(), m_store.cipher());
    auto failed = rows.list({}, QStringLiteral("failed"));
    QTableWidget *table = m_ui->failures;
    table->setRowCount(0);
    m_ids.clear();
    if (!failed) {
        m_ui->summary->setText(tr("The messages cannot be read: %1").arg(failed.error().message));
        m_ui->retry->setEnabled(false);
        return;
    }
    for (const auto &r : std::as_const(failed.value())) {
        const int row = table->rowCount();
        table->insertRow(row);
        auto reason = rows.openLastError(r);
        table->setItem(row, 0,
                       VisitText::cell(
                           VisitText::time(QDateTime::fromString(r.updatedAt, Qt::ISODateWithMs))));
        table->setItem(row, 1,
                       VisitText::cell(r.channel == NotificationRepository::Channel::Email
                                           ? tr("E-mail")
                                           : tr("Text message")));
        table->setItem(row, 2,
                       VisitText::cell(PatientMessageTimeline::templateName(r.templateKey)));
        table->setItem(row, 3, VisitText::cell(r.visitId.left(8)));
        table->setItem(row, 4, VisitText::cell(QString::number(r.attempts)));
        table->setItem(row, 5, VisitText::cell(reason ? reason.value() : tr("(unreadable)")));
        m_ids.append(r.id);
    }
    m_ui->summary->setText(
        m_ids.isEmpty()
            ? tr("Every message to patients was delivered or is still being tried.")
            : tr("%n message(s) to patients could not be delivered. Fix the cause (the reason "
                 "says what the server answered), then choose Retry.",
                 nullptr, int(m_ids.size())));
    if (!m_ids.isEmpty())
        table->selectRow(0);
    m_ui->retry->setEnabled(!m_ids.isEmpty());
}

void NotificationFailuresDialog::retrySelected()
{
    const int row = m_ui->failures->currentRow();
    if (row < 0 || row >= m_ids.size())
        return;
    const QString id = m_ids.at(row);
    auto retried =
        NotificationRepository(m_store.db(), m_store.cipher()).retry(id, TimeText::utcNow());
    const bool ok = retried && retried.value();
    (void)m_audit.append({AuditAction::Admin, m_user.username, QStringLiteral("notification"), id,
                          ok ? AuditOutcome::Success : AuditOutcome::Failure,
                          QStringLiteral("failed notification queued again")});
    reload();
    m_ui->summary->setText(ok ? tr("Queued again: the relay sends it within a minute.")
                              : tr("It could not be queued again."));
}

} // namespace clinicdesk
