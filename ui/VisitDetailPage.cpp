#include "VisitDetailPage.h"
#include "ui_VisitDetailPage.h"

#include "CareRequestDialog.h"
#include "EditLease.h"
#include "LabRequisitionDialog.h"
#include "NameCorrectionDialog.h"
#include "PageStyle.h"
#include "VisitFixDialog.h"
#include "VisitStatusStyle.h"
#include "VisitSummaryPrint.h"
#include "VisitText.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderStatusSync.h"
#include "store/LocalStore.h"
#include "visits/DueList.h"

#include <QMessageBox>
#include <QShortcut>
#include <QStyle>
#include <QTimer>

namespace clinicdesk {
namespace {

using Status = VisitStateMachine::Status;

} // namespace

VisitDetailPage::VisitDetailPage(LocalStore &store, AuditLog &audit, const User &user,
                                 ProviderConnection *provider, const QString &visitId,
                                 QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitDetailPage>())
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_provider(provider)
    , m_visitId(visitId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("visitDetailPage"));
    PageStyle::makeTitle(m_ui->patientName);
    m_ui->back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_ui->checkWithProvider->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_ui->bannerIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize));
    const int unit = QFontMetrics(font()).averageCharWidth();
    m_ui->statusRow->setSpacing(unit * 3);
    m_ui->badgeLayout->setContentsMargins(unit, unit / 3, unit, unit / 3);
    m_ui->checkResult->hide();
    m_summary = new VisitSummaryPrint(m_audit, m_user.username, this);
    m_summary->addButtons(m_ui->topRow, m_ui->checkWithProvider);
    setTabOrder(m_summary->lastButton(), m_ui->fixAndResubmit);
    connect(m_summary, &VisitSummaryPrint::announce, m_ui->checkResult, &StatusMessage::announce);

    connect(m_ui->back, &QPushButton::clicked, this, &VisitDetailPage::closeRequested);
    for (const QKeySequence &keys :
         {QKeySequence(QKeySequence::Cancel), QKeySequence(QKeySequence::Back)}) {
        auto *close = new QShortcut(keys, this);
        close->setContext(Qt::WidgetWithChildrenShortcut);
        connect(close, &QShortcut::activated, this, &VisitDetailPage::closeRequested);
    }
    connect(m_ui->conversation, &VisitConversationTab::sendRequested, this,
            [this] { sendReply(); });
    connect(m_ui->checkWithProvider, &QPushButton::clicked, this,
            &VisitDetailPage::checkWithProvider);
    connect(m_ui->fixAndResubmit, &QPushButton::clicked, this, &VisitDetailPage::openFixDialog);
    connect(m_ui->patientTab, &VisitPatientTab::correctNameRequested, this,
            [this] { openNameDialog(); });
    connect(m_ui->prescriptionsTab, &VisitPrescriptionsTab::titrationRequested, this,
            [this] { openCareDialog(CareGuidance::Request::NextTitration); });
    connect(m_ui->prescriptionsTab, &VisitPrescriptionsTab::changeRequested, this,
            [this] { openCareDialog(CareGuidance::Request::PrescriptionChange); });
    connect(m_ui->prescriptionsTab, &VisitPrescriptionsTab::checkinRequested, this,
            [this] { Q_EMIT checkinRequested(m_visitId); });
    connect(m_ui->labsTab, &VisitLabsTab::requisitionRequested, this,
            [this](const QString &orderId) { openRequisition(orderId); });
    m_ui->labsTab->setProviderClient(m_provider ? m_provider->client() : nullptr);
    followProvider();

    auto opened = VisitRecordReader(m_store).openForView(m_visitId, m_audit, m_user.username);
    if (!opened) {
        showError(opened.error().message);
        return;
    }
    display(opened.value());
    activate();
}

VisitDetailPage::~VisitDetailPage() = default;

void VisitDetailPage::followProvider()
{
    if (!m_provider)
        return;
    if (ProviderStatusSync *sync = m_provider->statusSync()) {
        connect(sync, &ProviderStatusSync::refreshed, this,
                [this](const QString &id, const QString &status) {
                    if (id != m_visitId)
                        return;
                    if (!m_checking) {
                        scheduleReload(); // the background reconciliation checked it
                        return;
                    }
                    m_checking = false;
                    m_ui->checkResult->announce(
                        tr("Checked with the provider at %1: the visit is %2.")
                            .arg(VisitText::time(QDateTime::currentDateTimeUtc()),
                                 VisitStatusStyle::statusText(status)));
                    reload();
                });
        connect(sync, &ProviderStatusSync::refreshFailed, this,
                [this](const QString &id, const QString &message) {
                    if (id != m_visitId || !m_checking)
                        return;
                    m_checking = false;
                    m_ui->checkResult->announce(
                        tr("The provider could not be asked: %1").arg(message));
                    updateCheckButton();
                });
    }
    if (OutboxSender *sender = m_provider->sender()) {
        connect(sender, &OutboxSender::entrySent, this, &VisitDetailPage::onOutboxEntry);
        connect(sender, &OutboxSender::entryRejected, this,
                [this](const QString &id) { onOutboxEntry(id); });
        connect(sender, &OutboxSender::entryRetrying, this,
                [this](const QString &id) { onOutboxEntry(id); });
    }
}

void VisitDetailPage::activate()
{
    // Where the work is: the answer the clinician waits for, the refusal to fix, else the tabs.
    const Status status = m_record.status;
    if (m_loaded && status == Status::NeedsInfo) {
        m_ui->sections->setCurrentWidget(m_ui->conversation);
        m_ui->conversation->focusReply();
    } else if (m_loaded && status == Status::Rejected) {
        m_ui->fixAndResubmit->setFocus(Qt::OtherFocusReason);
    } else {
        m_ui->sections->setFocus(Qt::OtherFocusReason);
    }
}

void VisitDetailPage::reload()
{
    auto record = VisitRecordReader(m_store).read(m_visitId);
    if (!record) {
        showError(record.error().message);
        return;
    }
    display(record.value());
}

void VisitDetailPage::visitsChanged(const QStringList &visitIds)
{
    if (visitIds.contains(m_visitId))
        scheduleReload();
}

void VisitDetailPage::scheduleReload()
{
    if (m_reloadPending)
        return;
    m_reloadPending = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadPending = false;
        reload();
    });
}

void VisitDetailPage::showError(const QString &message)
{
    // Nothing of an earlier read stays on screen.
    m_record = VisitRecord{};
    m_ui->conversation->display(m_record);
    m_ui->prescriptionsTab->display(m_record);
    m_ui->labsTab->display(m_record);
    m_ui->timelineTab->display(m_record);
    m_ui->patientTab->display(m_record);
    m_summary->setRecord(m_record);
    m_loaded = false;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->statusBadge), static_cast<QWidget *>(m_ui->rxStatus),
          static_cast<QWidget *>(m_ui->waitingFor)})
        w->hide();
    m_ui->patientName->setText(tr("This visit cannot be shown"));
    m_ui->visitSummary->clear();
    m_ui->problems->setText(message);
    m_ui->problems->show();
    m_ui->rejectedBanner->hide();
    m_ui->sections->setEnabled(false);
    m_ui->checkWithProvider->setEnabled(false);
}

void VisitDetailPage::display(const VisitRecord &record)
{
    m_record = record;
    m_loaded = true;
    m_ui->sections->setEnabled(true);
    fillHeader();
    fillStatus();
    m_ui->conversation->display(m_record);
    m_ui->prescriptionsTab->display(m_record);
    m_ui->labsTab->display(m_record);
    m_ui->timelineTab->display(m_record);
    m_ui->patientTab->display(m_record);
    m_summary->setRecord(m_record);
    // The programme's next steps start from a resolved weight-loss visit; a prescription can be
    // changed while the provider has the visit.
    const bool programme = m_record.visitType == DueList::programmeType() ||
                           m_record.visitType == DueList::followupType();
    const bool prescribed = m_record.status == Status::Prescribed;
    m_ui->prescriptionsTab->setCareActions(programme && prescribed, programme && prescribed,
                                           prescribed || m_record.status == Status::Submitted ||
                                               m_record.status == Status::NeedsInfo);
    updateReplyState();
    updateCheckButton();
}

void VisitDetailPage::fillHeader()
{
    const VisitRecord &r = m_record;
    QString name;
    if (r.patient)
        name =
            QStringList{r.patient->firstName, r.patient->lastName}.join(QLatin1Char(' ')).trimmed();
    m_ui->patientName->setText(name.isEmpty() ? tr("Visit") : name);
    m_ui->visitSummary->setText(
        tr("%1 visit, submitted by %2 on %3; last change %4; provider reference %5")
            .arg(VisitText::typeTitle(r.visitType), r.createdByName, VisitText::time(r.createdAt),
                 VisitText::time(r.updatedAt), r.masterId));
    const bool rejected = r.status == Status::Rejected;
    m_ui->rejectedBanner->setVisible(rejected);
    const QString refusal =
        tr("The provider refused this visit: %1")
            .arg(r.rejectedReason.isEmpty() ? tr("no reason given") : r.rejectedReason);
    m_ui->rejectedReason->setText(refusal);
    m_ui->fixAndResubmit->setAccessibleDescription(rejected ? refusal : QString());
    m_ui->problems->setText(r.problems.join(QLatin1Char('\n')));
    m_ui->problems->setVisible(!r.problems.isEmpty());
}

void VisitDetailPage::fillStatus()
{
    const VisitRecord &r = m_record;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->statusBadge), static_cast<QWidget *>(m_ui->rxStatus),
          static_cast<QWidget *>(m_ui->waitingFor)})
        w->show();
    const Status status = r.status;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const QString statusText = VisitStatusStyle::text(status);
    // Icon, text and colour together (the same as on the board): the text carries the meaning.
    m_ui->statusIcon->setPixmap(VisitStatusStyle::icon(status).pixmap(QSize(iconSize, iconSize)));
    m_ui->status->setText(statusText);
    m_ui->statusBadge->setAccessibleName(tr("Status: %1").arg(statusText));
    m_ui->statusBadge->setToolTip(tr("Visit status: %1").arg(statusText));
    m_ui->statusBadge->setStyleSheet(
        QStringLiteral("QFrame#statusBadge { background: %1; border: 1px solid %2; "
                       "border-radius: 3px; } QFrame#statusBadge QLabel { background: "
                       "transparent; border: none; font-weight: bold; }")
            .arg(VisitStatusStyle::tint(status).name(QColor::HexArgb),
                 VisitStatusStyle::colour(status).name()));
    m_ui->rxStatus->setText(tr("Prescription: %1").arg(VisitStatusStyle::text(r.rxStatus)));

    QString waiting;
    switch (status) {
    case Status::Queued:
        waiting = tr("the outbox, to deliver it to the provider");
        break;
    case Status::Submitted:
        waiting = tr("the clinician");
        break;
    case Status::NeedsInfo:
        waiting = r.pendingReplies() > 0 ? tr("the outbox, to deliver your reply")
                                         : tr("clinic staff, to answer the clinician's question");
        break;
    case Status::Rejected:
        waiting = tr("clinic staff, to fix the refused fields and resubmit");
        break;
    case Status::Prescribed:
        waiting = r.rxStatus == VisitStateMachine::RxStatus::Delivered
                      ? tr("nothing: the order was delivered")
                      : tr("the pharmacy");
        break;
    default:
        waiting = tr("nothing: the visit is closed");
        break;
    }
    m_ui->waitingFor->setText(tr("Waiting for: %1").arg(waiting));
}

void VisitDetailPage::updateReplyState()
{
    const bool rejected = m_record.status == Status::Rejected;
    QString note;
    if (rejected)
        note = tr("Messages can be sent once the visit is resubmitted and accepted.");
    else if (!m_provider || !m_provider->sender())
        note = tr("No provider link: messages wait in the outbox until one is configured.");
    else if (m_record.waitingForStaff())
        note = tr("The clinician is waiting for your answer.");
    m_ui->conversation->setReplyState(m_loaded && !rejected, note);
}

void VisitDetailPage::updateCheckButton()
{
    QString why;
    const Status status = m_record.status;
    if (!m_provider)
        why = tr("No provider is configured (clinicdesk-admin provider configure).");
    else if (!m_provider->statusSync())
        why = tr("The provider link is not running; see the log for why.");
    else if (status == Status::Queued || status == Status::Rejected)
        why = tr("The provider does not have this visit yet.");
    else if (m_checking)
        why = tr("Checking…");
    m_ui->checkWithProvider->setEnabled(m_loaded && why.isEmpty());
    m_ui->checkWithProvider->setToolTip(
        why.isEmpty() ? tr("Ask the provider for this visit's current status.") : why);
}

bool VisitDetailPage::sendReply()
{
    const QString text = m_ui->conversation->replyText();
    if (!m_loaded || text.isEmpty())
        return false;
    // Someone correcting the visit at another workstation has it: no reply meanwhile.
    if (auto holder = Leases(m_store.db()).holder(Leases::visit(m_visitId));
        holder && holder.value() && holder.value()->ownerUser != m_user.username) {
        m_ui->conversation->announce(
            tr("The message was not sent: %1").arg(EditLease::inUseMessage(*holder.value())));
        return false;
    }
    Outbox outbox(m_store);
    const Outbox::Kind kind = m_ui->conversation->recipient();
    Result<QString> queued = makeError(ErrorCode::InvalidInput, QString());
    if (kind == Outbox::Kind::Chat) {
        // The provider wants the sender's first and last name.
        QString first = m_user.displayName.trimmed();
        QString last = m_user.username;
        if (const int space = first.lastIndexOf(QLatin1Char(' ')); space > 0) {
            last = first.mid(space + 1);
            first.truncate(space);
        }
        queued = outbox.enqueueStaffChat(m_visitId, first, last, text, m_user.username);
    } else {
        queued = outbox.enqueueSupportMessage(m_visitId, text, m_user.username);
    }
    if (auto logged = m_audit.append(
            {AuditAction::Message, m_user.username, QStringLiteral("visit"), m_visitId,
             queued ? AuditOutcome::Success : AuditOutcome::Failure,
             kind == Outbox::Kind::Chat ? QStringLiteral("reply to the clinician queued")
                                        : QStringLiteral("message to support queued")});
        !logged)
        qCWarning(lcUi) << "audit entry failed, error code" << int(logged.error().code);
    if (!queued) {
        m_ui->conversation->announce(
            tr("The message was not sent: %1").arg(queued.error().message));
        return false;
    }
    m_ui->conversation->clearReply();
    if (m_provider)
        m_provider->kick();
    reload();
    m_ui->conversation->announce(kind == Outbox::Kind::Chat
                                     ? tr("Reply queued: it goes to the clinician now.")
                                     : tr("Message queued: it goes to provider support now."));
    Q_EMIT visitChanged(m_visitId);
    return true;
}

void VisitDetailPage::checkWithProvider()
{
    if (!m_provider || !m_provider->statusSync() || m_checking)
        return;
    m_checking = true;
    m_ui->checkResult->announce(tr("Checking with the provider…"));
    updateCheckButton();
    m_provider->statusSync()->refresh(m_visitId);
}

void VisitDetailPage::openFixDialog()
{
    if (m_record.status != Status::Rejected)
        return;
    // One workstation at a time corrects a visit: the lease lives as long as the dialog.
    auto lease =
        EditLease::take(m_store, Leases::visit(m_visitId),
                        {m_user.username, m_user.displayName, AuditLog::workstation()}, nullptr);
    if (!lease) {
        m_ui->checkResult->announce(
            tr("The visit cannot be corrected now: %1").arg(lease.error().message));
        return;
    }
    auto *dialog =
        new VisitFixDialog(m_store, m_audit, m_user, m_visitId, m_record.rejectedReason, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    lease.value()->setParent(dialog);
    connect(dialog, &QDialog::accepted, this, [this]() {
        if (m_provider)
            m_provider->kick();
        reload();
        Q_EMIT visitChanged(m_visitId);
        activate();
    });
    dialog->open();
}

CareRequestDialog *VisitDetailPage::openCareDialog(CareGuidance::Request request)
{
    if (!m_loaded)
        return nullptr;
    const QString name = m_ui->patientName->text();
    auto *dialog = new CareRequestDialog(request, m_store, m_audit, m_user,
                                         m_provider ? m_provider->client() : nullptr, m_visitId,
                                         m_record.visitType, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOutbox(m_provider ? m_provider->sender() : nullptr);
    connect(dialog, &CareRequestDialog::prescribed, this, [this] {
        reload();
        Q_EMIT visitChanged(m_visitId);
    });
    connect(dialog, &CareRequestDialog::checkinRequested, this,
            [this] { Q_EMIT checkinRequested(m_visitId); });
    connect(dialog, &CareRequestDialog::followupRequested, this,
            [this] { Q_EMIT followupRequested(m_visitId); });
    connect(dialog, &CareRequestDialog::newVisitRequested, this,
            &VisitDetailPage::newVisitRequested);
    dialog->open();
    return dialog;
}

NameCorrectionDialog *VisitDetailPage::openNameDialog()
{
    if (!m_loaded || !m_record.patient)
        return nullptr;
    const Patient &p = *m_record.patient;
    auto *dialog = new NameCorrectionDialog(m_store, m_audit, m_user,
                                            m_provider ? m_provider->client() : nullptr, p.id,
                                            p.firstName, p.lastName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NameCorrectionDialog::corrected, this, [this] {
        reload();
        Q_EMIT visitChanged(m_visitId);
    });
    dialog->open();
    return dialog;
}

LabRequisitionDialog *VisitDetailPage::openRequisition(const QString &orderId)
{
    if (!m_loaded || orderId.isEmpty())
        return nullptr;
    auto *dialog = new LabRequisitionDialog(
        LabRequisition(m_store, m_audit, m_user.username, m_visitId, orderId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString error;
    if (!dialog->load(&error)) {
        delete dialog;
        QMessageBox::warning(this, tr("Lab requisition"), error);
        return nullptr;
    }
    dialog->open();
    return dialog;
}

void VisitDetailPage::onOutboxEntry(const QString &entryId)
{
    auto entry = Outbox(m_store).entry(entryId);
    if (!entry || !entry.value() || entry.value()->visitId != m_visitId)
        return;
    scheduleReload();
}

} // namespace clinicdesk
