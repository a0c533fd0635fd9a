#include "VisitDetailPage.h"

#include "PageStyle.h"
#include "VisitFixDialog.h"
#include "VisitStatusStyle.h"
#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderStatusSync.h"
#include "store/LocalStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clinicdesk {
namespace {

// Visit type code -> title in the user's language, read once per process.
QString visitTypeTitle(const QString &code)
{
    static const QHash<QString, QString> titles = QuestionnaireLibrary::load().visitTypeTitles();
    return titles.value(code, code);
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setToolTip(text);
    return item;
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

VisitDetailPage::VisitDetailPage(LocalStore &store, AuditLog &audit, const User &user,
                                 ProviderConnection *provider, const QString &visitId,
                                 QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_audit(audit)
    , m_user(user)
    , m_provider(provider)
    , m_visitId(visitId)
{
    setObjectName(QStringLiteral("visitDetailPage"));
    build();
    if (m_provider) {
        if (ProviderStatusSync *sync = m_provider->statusSync()) {
            connect(sync, &ProviderStatusSync::refreshed, this,
                    [this](const QString &id, const QString &status) {
                        if (id != m_visitId)
                            return;
                        if (!m_checking) {
                            reload(); // the background reconciliation checked this visit
                            return;
                        }
                        m_checking = false;
                        m_checkResult->show();
                        m_checkResult->setText(
                            tr("Checked with the provider at %1: the visit is %2.")
                                .arg(timeText(QDateTime::currentDateTimeUtc()),
                                     VisitStatusStyle::statusText(status)));
                        reload();
                    });
            connect(sync, &ProviderStatusSync::refreshFailed, this,
                    [this](const QString &id, const QString &message) {
                        if (id != m_visitId || !m_checking)
                            return;
                        m_checking = false;
                        m_checkResult->show();
                        m_checkResult->setText(
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
    auto opened = VisitRecordReader(m_store).openForView(m_visitId, m_audit, m_user.username);
    if (!opened) {
        showError(opened.error().message);
        return;
    }
    display(opened.value());
    activate();
}

VisitDetailPage::~VisitDetailPage() = default;

void VisitDetailPage::activate()
{
    // Where the work is: the answer the clinician waits for, the refusal to fix, else the tabs.
    if (m_record.status == VisitStateMachine::Status::NeedsInfo)
        m_reply->setFocus(Qt::OtherFocusReason);
    else if (m_record.status == VisitStateMachine::Status::Rejected)
        m_fix->setFocus(Qt::OtherFocusReason);
    else
        m_tabs->setFocus(Qt::OtherFocusReason);
}

void VisitDetailPage::build()
{
    auto *layout = new QVBoxLayout(this);

    // Header: back, patient and visit, status.
    auto *top = new QHBoxLayout;
    m_back = new QPushButton(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this);
    m_back->setObjectName(QStringLiteral("back"));
    m_back->setAccessibleName(tr("Back to the visits"));
    m_back->setToolTip(tr("Back to the visits (Esc)"));
    top->addWidget(m_back, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("patientName"));
    PageStyle::makeTitle(m_title);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_title);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("visitSummary"));
    m_subtitle->setWordWrap(true);
    titles->addWidget(m_subtitle);
    top->addLayout(titles, 1);
    auto *checkBox = new QVBoxLayout;
    m_check = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload),
                              tr("&Check with provider"), this);
    m_check->setObjectName(QStringLiteral("checkWithProvider"));
    m_check->setAccessibleName(tr("Check the visit's status with the provider"));
    checkBox->addWidget(m_check, 0, Qt::AlignRight);
    top->addLayout(checkBox);
    layout->addLayout(top);

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(QFontMetrics(font()).averageCharWidth() * 3);
    m_statusBadge = new QFrame(this);
    m_statusBadge->setObjectName(QStringLiteral("statusBadge"));
    auto *badge = new QHBoxLayout(m_statusBadge);
    const int unit = QFontMetrics(font()).averageCharWidth();
    badge->setContentsMargins(unit, unit / 3, unit, unit / 3);
    m_statusIcon = new QLabel(m_statusBadge);
    badge->addWidget(m_statusIcon);
    m_status = new QLabel(m_statusBadge);
    m_status->setObjectName(QStringLiteral("status"));
    badge->addWidget(m_status);
    statusRow->addWidget(m_statusBadge);
    m_rx = new QLabel(this);
    m_rx->setObjectName(QStringLiteral("rxStatus"));
    statusRow->addWidget(m_rx);
    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("waitingFor"));
    m_waiting->setWordWrap(true);
    statusRow->addWidget(m_waiting, 1);
    layout->addLayout(statusRow);
    m_checkResult = new QLabel(this);
    m_checkResult->setObjectName(QStringLiteral("checkResult"));
    m_checkResult->setWordWrap(true);
    m_checkResult->hide();
    layout->addWidget(m_checkResult);

    // The provider refused the submission.
    m_rejected = new QFrame(this);
    m_rejected->setObjectName(QStringLiteral("rejectedBanner"));
    m_rejected->setFrameShape(QFrame::StyledPanel);
    m_rejected->setStyleSheet(QStringLiteral(
        "QFrame#rejectedBanner { background: #f8d7da; border: 1px solid #a4161a; }"
        "QFrame#rejectedBanner QLabel { color: #58151c; background: transparent; }"));
    auto *banner = new QHBoxLayout(m_rejected);
    auto *bannerIcon = new QLabel(m_rejected);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize));
    banner->addWidget(bannerIcon, 0, Qt::AlignTop);
    m_rejectedText = new QLabel(m_rejected);
    m_rejectedText->setObjectName(QStringLiteral("rejectedReason"));
    m_rejectedText->setWordWrap(true);
    m_rejectedText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner->addWidget(m_rejectedText, 1);
    m_fix = new QPushButton(tr("&Fix and resubmit…"), m_rejected);
    m_fix->setObjectName(QStringLiteral("fixAndResubmit"));
    m_fix->setAccessibleName(tr("Fix the refused fields and resubmit the visit"));
    banner->addWidget(m_fix, 0, Qt::AlignVCenter);
    layout->addWidget(m_rejected);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #a4161a;"));
    layout->addWidget(m_problems);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sections"));
    m_tabs->setAccessibleName(tr("Visit sections"));

    // Conversation.
    auto *conversation = new QWidget(m_tabs);
    auto *conv = new QVBoxLayout(conversation);
    m_messages = new QListWidget(conversation);
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setAccessibleName(tr("Messages with the clinician"));
    m_messages->setWordWrap(true);
    m_messages->setTextElideMode(Qt::ElideNone);
    m_messages->setResizeMode(QListView::Adjust);
    m_messages->setSpacing(2);
    m_messages->setAlternatingRowColors(true);
    conv->addWidget(m_messages, 1);
    auto *replyHeader = new QHBoxLayout;
    auto *recipientLabel = new QLabel(tr("Send &to:"), conversation);
    m_recipient = new QComboBox(conversation);
    m_recipient->setObjectName(QStringLiteral("recipient"));
    m_recipient->addItem(tr("The clinician"), int(Outbox::Kind::Chat));
    m_recipient->addItem(tr("Provider support"), int(Outbox::Kind::Support));
    recipientLabel->setBuddy(m_recipient);
    m_recipient->setAccessibleName(tr("Send to"));
    replyHeader->addWidget(recipientLabel);
    replyHeader->addWidget(m_recipient);
    replyHeader->addStretch();
    conv->addLayout(replyHeader);
    auto *replyLabel = new QLabel(tr("&Reply:"), conversation);
    conv->addWidget(replyLabel);
    m_reply = new QPlainTextEdit(conversation);
    m_reply->setObjectName(QStringLiteral("reply"));
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setTabChangesFocus(true);
    m_reply->setPlaceholderText(tr("Write your answer. Ctrl+Return sends it."));
    m_reply->setMaximumHeight(QFontMetrics(font()).lineSpacing() * 5);
    replyLabel->setBuddy(m_reply);
    conv->addWidget(m_reply);
    auto *sendRow = new QHBoxLayout;
    m_replyNote = new QLabel(conversation);
    m_replyNote->setObjectName(QStringLiteral("replyNote"));
    m_replyNote->setWordWrap(true);
    sendRow->addWidget(m_replyNote, 1);
    m_send = new QPushButton(tr("&Send"), conversation);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setAccessibleName(tr("Send the reply"));
    m_send->setToolTip(tr("Send (Ctrl+Return)"));
    sendRow->addWidget(m_send);
    conv->addLayout(sendRow);
    m_tabs->addTab(conversation, tr("C&onversation"));

    // Prescriptions and pharmacy.
    auto *rx = new QWidget(m_tabs);
    auto *rxLayout = new QHBoxLayout(rx);
    auto *rxLeft = new QVBoxLayout;
    m_noPrescription = new QLabel(tr("No prescription has been written for this visit yet."), rx);
    rxLeft->addWidget(m_noPrescription);
    m_prescriptions = makeTable({tr("Medication"), tr("Strength"), tr("Quantity"), tr("Refills"),
                                 tr("Prescribed by"), tr("Written")},
                                tr("Prescriptions"), rx);
    m_prescriptions->setObjectName(QStringLiteral("prescriptions"));
    rxLeft->addWidget(m_prescriptions, 1);
    rxLayout->addLayout(rxLeft, 3);
    auto *pharmacyBox = new QGroupBox(tr("Pharmacy order"), rx);
    auto *pharmacyLayout = new QVBoxLayout(pharmacyBox);
    m_pharmacy = new QLabel(pharmacyBox);
    m_pharmacy->setObjectName(QStringLiteral("pharmacy"));
    m_pharmacy->setWordWrap(true);
    m_pharmacy->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_pharmacy->setFocusPolicy(Qt::StrongFocus);
    m_pharmacy->setAccessibleName(tr("Pharmacy order"));
    m_pharmacy->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    pharmacyLayout->addWidget(m_pharmacy);
    pharmacyLayout->addStretch();
    rxLayout->addWidget(pharmacyBox, 2);
    m_tabs->addTab(rx, tr("&Prescriptions && pharmacy"));
    m_tabs->setTabToolTip(m_tabs->count() - 1, tr("Prescriptions and the pharmacy order"));

    // Timeline.
    m_timeline = makeTable({tr("Time"), tr("Source"), tr("Event")}, tr("Timeline"), m_tabs);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_tabs->addTab(m_timeline, tr("T&imeline"));

    // Patient and answers.
    auto *patient = new QWidget(m_tabs);
    auto *patientLayout = new QHBoxLayout(patient);
    auto *demoBox = new QVBoxLayout;
    auto *demoTitle = new QLabel(tr("Patient"), patient);
    QFont heading = demoTitle->font();
    heading.setBold(true);
    demoTitle->setFont(heading);
    demoBox->addWidget(demoTitle);
    m_patientError = new QLabel(patient);
    m_patientError->setWordWrap(true);
    m_patientError->setStyleSheet(QStringLiteral("color: #a4161a;"));
    demoBox->addWidget(m_patientError);
    auto *form = new QFormLayout;
    const QStringList demoLabels = {
        tr("First name:"), tr("Last name:"), tr("Date of birth:"), tr("Sex:"),   tr("Phone:"),
        tr("E-mail:"),     tr("Address:"),   tr("City:"),          tr("State:"), tr("ZIP code:")};
    for (const QString &label : demoLabels) {
        auto *value = new QLabel(patient);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setFocusPolicy(Qt::StrongFocus);
        QString name = label;
        name.chop(1);
        value->setAccessibleName(name);
        form->addRow(label, value);
        m_demoValues << value;
    }
    demoBox->addLayout(form);
    demoBox->addStretch();
    patientLayout->addLayout(demoBox);
    auto *answersBox = new QVBoxLayout;
    auto *answersTitle = new QLabel(tr("Intake answers"), patient);
    answersTitle->setFont(heading);
    answersBox->addWidget(answersTitle);
    m_answersError = new QLabel(patient);
    m_answersError->setWordWrap(true);
    m_answersError->setStyleSheet(QStringLiteral("color: #a4161a;"));
    answersBox->addWidget(m_answersError);
    m_answers = makeTable({tr("Question"), tr("Answer")}, tr("Intake answers"), patient);
    m_answers->setObjectName(QStringLiteral("answers"));
    m_answers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_answers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    answersBox->addWidget(m_answers, 1);
    patientLayout->addLayout(answersBox, 1);
    m_tabs->addTab(patient, tr("Patient && &answers"));

    layout->addWidget(m_tabs, 1);

    connect(m_back, &QPushButton::clicked, this, &VisitDetailPage::closeRequested);
    auto *escape = new QShortcut(QKeySequence::Cancel, this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &VisitDetailPage::closeRequested);
    auto *backKey = new QShortcut(QKeySequence::Back, this);
    backKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backKey, &QShortcut::activated, this, &VisitDetailPage::closeRequested);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *send = new QShortcut(keys, m_reply);
        send->setContext(Qt::WidgetShortcut);
        connect(send, &QShortcut::activated, this, [this]() { sendReply(); });
    }
    connect(m_send, &QPushButton::clicked, this, [this]() { sendReply(); });
    connect(m_reply, &QPlainTextEdit::textChanged, this, &VisitDetailPage::updateReplyState);
    connect(m_recipient, &QComboBox::currentIndexChanged, this, &VisitDetailPage::updateReplyState);
    connect(m_check, &QPushButton::clicked, this, &VisitDetailPage::checkWithProvider);
    connect(m_fix, &QPushButton::clicked, this, &VisitDetailPage::openFixDialog);
}

QString VisitDetailPage::timeText(const QDateTime &t) const
{
    if (!t.isValid())
        return tr("unknown time");
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
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

void VisitDetailPage::showError(const QString &message)
{
    // Nothing of an earlier read stays on screen.
    m_record = VisitRecord{};
    fillConversation();
    fillPrescriptions();
    fillTimeline();
    fillPatient();
    m_loaded = false;
    for (QWidget *w : {static_cast<QWidget *>(m_statusBadge), static_cast<QWidget *>(m_rx),
                       static_cast<QWidget *>(m_waiting)})
        w->hide();
    m_title->setText(tr("This visit cannot be shown"));
    m_subtitle->clear();
    m_problems->setText(message);
    m_problems->show();
    m_rejected->hide();
    m_tabs->setEnabled(false);
    m_check->setEnabled(false);
}

void VisitDetailPage::display(const VisitRecord &record)
{
    m_record = record;
    m_loaded = true;
    m_tabs->setEnabled(true);
    fillHeader();
    fillConversation();
    fillPrescriptions();
    fillTimeline();
    fillPatient();
    updateReplyState();
    updateCheckButton();
}

void VisitDetailPage::fillHeader()
{
    const VisitRecord &r = m_record;
    if (r.patient)
        m_title->setText(QStringList{r.patient->firstName, r.patient->lastName}
                             .join(QLatin1Char(' '))
                             .trimmed());
    if (!r.patient || m_title->text().isEmpty())
        m_title->setText(tr("Visit"));
    const QString type = visitTypeTitle(r.visitType);
    m_subtitle->setText(
        tr("%1 visit, submitted by %2 on %3; last change %4; provider reference %5")
            .arg(type, r.createdByName, timeText(r.createdAt), timeText(r.updatedAt), r.masterId));

    m_statusBadge->show();
    m_rx->show();
    m_waiting->show();
    const VisitStateMachine::Status status = r.status;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const QString statusText = VisitStatusStyle::text(r.status);
    // Icon, text and colour together (the same as on the board): the text carries the meaning.
    m_statusIcon->setPixmap(VisitStatusStyle::icon(status).pixmap(QSize(iconSize, iconSize)));
    m_status->setText(statusText);
    m_statusBadge->setAccessibleName(tr("Status: %1").arg(statusText));
    m_statusBadge->setToolTip(tr("Visit status: %1").arg(statusText));
    m_statusBadge->setStyleSheet(
        QStringLiteral("QFrame#statusBadge { background: %1; border: 1px solid %2; "
                       "border-radius: 3px; } QFrame#statusBadge QLabel { background: "
                       "transparent; border: none; font-weight: bold; }")
            .arg(VisitStatusStyle::tint(status).name(QColor::HexArgb),
                 VisitStatusStyle::colour(status).name()));
    m_rx->setText(tr("Prescription: %1").arg(VisitStatusStyle::text(r.rxStatus)));

    QString waiting;
    if (r.status == VisitStateMachine::Status::Queued)
        waiting = tr("the outbox, to deliver it to the provider");
    else if (r.status == VisitStateMachine::Status::Submitted)
        waiting = tr("the clinician");
    else if (r.status == VisitStateMachine::Status::NeedsInfo)
        waiting = r.pendingReplies() > 0 ? tr("the outbox, to deliver your reply")
                                         : tr("clinic staff, to answer the clinician's question");
    else if (r.status == VisitStateMachine::Status::Rejected)
        waiting = tr("clinic staff, to fix the refused fields and resubmit");
    else if (r.status == VisitStateMachine::Status::Prescribed)
        waiting = r.rxStatus == VisitStateMachine::RxStatus::Delivered
                      ? tr("nothing: the order was delivered")
                      : tr("the pharmacy");
    else
        waiting = tr("nothing: the visit is closed");
    m_waiting->setText(tr("Waiting for: %1").arg(waiting));

    const bool rejected = r.status == VisitStateMachine::Status::Rejected;
    m_rejected->setVisible(rejected);
    m_rejectedText->setText(
        tr("The provider refused this visit: %1")
            .arg(r.rejectedReason.isEmpty() ? tr("no reason given") : r.rejectedReason));
    m_problems->setText(r.problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!r.problems.isEmpty());
}

void VisitDetailPage::fillConversation()
{
    m_messages->clear();
    const QStyle *s = style();
    for (const VisitRecord::Message &m : m_record.messages) {
        using From = VisitRecord::Message::From;
        using Delivery = VisitRecord::Message::Delivery;
        QString who;
        switch (m.from) {
        case From::Clinician:
            who = tr("Clinician");
            break;
        case From::Support:
            who = tr("Provider support");
            break;
        case From::Staff:
            who = tr("%1 to the clinician").arg(m.who);
            break;
        case From::StaffToSupport:
            who = tr("%1 to provider support").arg(m.who);
            break;
        }
        QString state;
        QIcon icon;
        switch (m.delivery) {
        case Delivery::Received:
            icon = s->standardIcon(QStyle::SP_MessageBoxQuestion);
            break;
        case Delivery::Sending:
            state = m.attempts > 0
                        ? tr("sending… (%n attempt(s), last error: %1)", nullptr, m.attempts)
                              .arg(m.lastError)
                        : tr("sending…");
            icon = s->standardIcon(QStyle::SP_ArrowUp);
            break;
        case Delivery::Delivered:
            state = tr("delivered");
            icon = s->standardIcon(QStyle::SP_DialogApplyButton);
            break;
        case Delivery::Rejected:
            state = tr("not delivered: %1").arg(m.rejectedReason);
            icon = s->standardIcon(QStyle::SP_MessageBoxCritical);
            break;
        }
        QString header = tr("%1, %2").arg(who, timeText(m.at));
        if (!state.isEmpty())
            header += QStringLiteral(" — ") + state;
        auto *item = new QListWidgetItem(icon, header + QLatin1Char('\n') + m.text, m_messages);
        item->setData(Qt::AccessibleTextRole, header + QStringLiteral(": ") + m.text);
        item->setData(Qt::UserRole, int(m.delivery));
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    }
    if (m_record.messages.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No messages yet."), m_messages);
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_messages->scrollToBottom();
}

void VisitDetailPage::fillPrescriptions()
{
    m_prescriptions->setRowCount(0);
    for (const VisitRecord::Prescription &p : m_record.prescriptions) {
        for (const VisitRecord::Medication &m : p.medications) {
            const int row = m_prescriptions->rowCount();
            m_prescriptions->insertRow(row);
            m_prescriptions->setItem(row, 0, cell(m.name));
            m_prescriptions->setItem(row, 1, cell(m.strength));
            m_prescriptions->setItem(row, 2, cell(m.quantity));
            m_prescriptions->setItem(row, 3, cell(m.refills));
            m_prescriptions->setItem(row, 4, cell(p.doctor));
            m_prescriptions->setItem(row, 5, cell(timeText(p.at)));
        }
    }
    m_noPrescription->setVisible(m_record.prescriptions.isEmpty());
    const VisitRecord::PharmacyOrder &o = m_record.pharmacy;
    if (!o.present) {
        m_pharmacy->setText(tr("No pharmacy order yet."));
        return;
    }
    const QString none = tr("not given");
    m_pharmacy->setText(
        tr("State: %1\nOrder: %2\nCarrier: %3\nTracking number: %4\nLast update: %5")
            .arg(VisitStatusStyle::text(o.state), o.orderId.isEmpty() ? none : o.orderId,
                 o.carrier.isEmpty() ? none : o.carrier, o.tracking.isEmpty() ? none : o.tracking,
                 timeText(o.updatedAt)));
}

void VisitDetailPage::fillTimeline()
{
    m_timeline->setRowCount(0);
    for (const VisitRecord::TimelineEntry &e : m_record.timeline) {
        const int row = m_timeline->rowCount();
        m_timeline->insertRow(row);
        m_timeline->setItem(row, 0, cell(timeText(e.at)));
        QString source = VisitRecordReader::sourceName(e.source);
        if (!e.who.isEmpty())
            source = tr("%1 (%2)").arg(e.who, source);
        m_timeline->setItem(row, 1, cell(source));
        m_timeline->setItem(row, 2, cell(e.label));
    }
    m_timeline->scrollToBottom();
}

void VisitDetailPage::fillPatient()
{
    const VisitRecord &r = m_record;
    m_patientError->setText(r.patientError);
    m_patientError->setVisible(!r.patientError.isEmpty());
    const Patient p = r.patient.value_or(Patient{});
    const QStringList values = {
        p.firstName, p.lastName,
        p.dob.isValid() ? QLocale().toString(p.dob, QLocale::ShortFormat) : QString(),
        // Stored in the provider's English; shown in the user's language
        // (the fix dialog's words, so both screens say the same).
        p.sex.isEmpty() ? QString()
                        : QCoreApplication::translate("VisitFixDialog", p.sex.toUtf8().constData()),
        p.phone, p.email, p.address, p.city, p.state, p.zip};
    for (int i = 0; i < m_demoValues.size(); ++i)
        m_demoValues[i]->setText(values.value(i));
    m_answersError->setText(r.answersError);
    m_answersError->setVisible(!r.answersError.isEmpty());
    m_answers->setRowCount(0);
    for (const VisitRecord::Answer &a : r.answers) {
        const int row = m_answers->rowCount();
        m_answers->insertRow(row);
        m_answers->setItem(row, 0, cell(a.question));
        m_answers->setItem(row, 1, cell(a.answer));
    }
}

void VisitDetailPage::updateReplyState()
{
    const bool rejected = m_record.status == VisitStateMachine::Status::Rejected;
    const bool canWrite = m_loaded && !rejected;
    m_reply->setEnabled(canWrite);
    m_recipient->setEnabled(canWrite);
    m_send->setEnabled(canWrite && !m_reply->toPlainText().trimmed().isEmpty());
    QString note;
    if (rejected)
        note = tr("Messages can be sent once the visit is resubmitted and accepted.");
    else if (!m_provider || !m_provider->sender())
        note = tr("No provider link: messages wait in the outbox until one is configured.");
    else if (m_record.waitingForStaff())
        note = tr("The clinician is waiting for your answer.");
    m_replyNote->setText(note);
}

void VisitDetailPage::updateCheckButton()
{
    QString why;
    if (!m_provider)
        why = tr("No provider is configured (clinicdesk-admin provider configure).");
    else if (!m_provider->statusSync())
        why = tr("The provider link is not running; see the log for why.");
    else if (m_record.status == VisitStateMachine::Status::Queued ||
             m_record.status == VisitStateMachine::Status::Rejected)
        why = tr("The provider does not have this visit yet.");
    else if (m_checking)
        why = tr("Checking…");
    m_check->setEnabled(m_loaded && why.isEmpty());
    m_check->setToolTip(why.isEmpty() ? tr("Ask the provider for this visit's current status.")
                                      : why);
}

bool VisitDetailPage::sendReply()
{
    const QString text = m_reply->toPlainText().trimmed();
    if (!m_loaded || text.isEmpty())
        return false;
    Outbox outbox(m_store);
    const auto kind = Outbox::Kind(m_recipient->currentData().toInt());
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
        m_replyNote->setText(tr("The message was not sent: %1").arg(queued.error().message));
        return false;
    }
    m_reply->clear();
    if (m_provider)
        m_provider->kick();
    reload();
    Q_EMIT visitChanged(m_visitId);
    return true;
}

void VisitDetailPage::checkWithProvider()
{
    if (!m_provider || !m_provider->statusSync() || m_checking)
        return;
    m_checking = true;
    m_checkResult->show();
    m_checkResult->setText(tr("Checking with the provider…"));
    updateCheckButton();
    m_provider->statusSync()->refresh(m_visitId);
}

void VisitDetailPage::openFixDialog()
{
    if (m_record.status != VisitStateMachine::Status::Rejected)
        return;
    auto *dialog =
        new VisitFixDialog(m_store, m_audit, m_user, m_visitId, m_record.rejectedReason, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this]() {
        if (m_provider)
            m_provider->kick();
        reload();
        Q_EMIT visitChanged(m_visitId);
    });
    dialog->open();
}

void VisitDetailPage::onOutboxEntry(const QString &entryId)
{
    auto entry = Outbox(m_store).entry(entryId);
    if (!entry || !entry.value() || entry.value()->visitId != m_visitId)
        return;
    reload();
}

} // namespace clinicdesk
