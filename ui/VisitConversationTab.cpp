#include "VisitConversationTab.h"
#include "ui_VisitConversationTab.h"

#include "VisitText.h"

#include <QShortcut>
#include <QStyle>

namespace clinicdesk {

namespace {

using From = VisitRecord::Message::From;
using Delivery = VisitRecord::Message::Delivery;

QString senderName(const VisitRecord::Message &m)
{
    switch (m.from) {
    case From::Clinician:
        return VisitConversationTab::tr("Clinician");
    case From::Support:
        return VisitConversationTab::tr("Provider support");
    case From::Staff:
        return VisitConversationTab::tr("%1 to the clinician").arg(m.who);
    case From::StaffToSupport:
        return VisitConversationTab::tr("%1 to provider support").arg(m.who);
    }
    return {};
}

QString deliveryText(const VisitRecord::Message &m)
{
    switch (m.delivery) {
    case Delivery::Received:
        return {};
    case Delivery::Sending:
        return m.attempts > 0 ? VisitConversationTab::tr("sending… (%n attempt(s), last error: %1)",
                                                         nullptr, m.attempts)
                                    .arg(m.lastError)
                              : VisitConversationTab::tr("sending…");
    case Delivery::Delivered:
        return VisitConversationTab::tr("delivered");
    case Delivery::Rejected:
        return VisitConversationTab::tr("not delivered: %1").arg(m.rejectedReason);
    }
    return {};
}

QStyle::StandardPixmap deliveryIcon(Delivery delivery)
{
    switch (delivery) {
    case Delivery::Received:
        return QStyle::SP_MessageBoxQuestion;
    case Delivery::Sending:
        return QStyle::SP_ArrowUp;
    case Delivery::Delivered:
        return QStyle::SP_DialogApplyButton;
    case Delivery::Rejected:
        return QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_MessageBoxQuestion;
}

} // namespace

VisitConversationTab::VisitConversationTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitConversationTab>())
{
    m_ui->setupUi(this);
    m_ui->recipient->addItem(tr("The clinician"), int(Outbox::Kind::Chat));
    m_ui->recipient->addItem(tr("Provider support"), int(Outbox::Kind::Support));
    m_ui->reply->setMaximumHeight(QFontMetrics(font()).lineSpacing() * 5);
    m_ui->replyNote->setObjectName(QStringLiteral("replyNote"));
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *send = new QShortcut(keys, m_ui->reply);
        send->setContext(Qt::WidgetShortcut);
        connect(send, &QShortcut::activated, this, &VisitConversationTab::sendRequested);
    }
    connect(m_ui->send, &QPushButton::clicked, this, &VisitConversationTab::sendRequested);
    connect(m_ui->reply, &QPlainTextEdit::textChanged, this, [this] {
        // Typing again: the last announcement has been heard.
        if (m_announced && !m_ui->reply->toPlainText().isEmpty()) {
            m_announced = false;
            m_ui->replyNote->setText(m_quietNote);
        }
        updateSendButton();
    });
}

VisitConversationTab::~VisitConversationTab() = default;

void VisitConversationTab::display(const VisitRecord &record)
{
    m_ui->messages->clear();
    int delivered = 0;
    for (const VisitRecord::Message &m : record.messages) {
        QString header = tr("%1, %2").arg(senderName(m), VisitText::time(m.at));
        if (const QString state = deliveryText(m); !state.isEmpty())
            header += QStringLiteral(" — ") + state;
        auto *item = new QListWidgetItem(style()->standardIcon(deliveryIcon(m.delivery)),
                                         header + QLatin1Char('\n') + m.text, m_ui->messages);
        item->setData(Qt::AccessibleTextRole, header + QStringLiteral(": ") + m.text);
        item->setData(Qt::UserRole, int(m.delivery));
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        delivered += m.from != From::Clinician && m.from != From::Support &&
                     m.delivery == Delivery::Delivered;
    }
    if (record.messages.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No messages yet."), m_ui->messages);
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_ui->messages->scrollToBottom();
    if (m_delivered >= 0 && delivered > m_delivered)
        announce(tr("Your message was delivered."));
    m_delivered = delivered;
}

QString VisitConversationTab::replyText() const
{
    return m_ui->reply->toPlainText().trimmed();
}

Outbox::Kind VisitConversationTab::recipient() const
{
    return Outbox::Kind(m_ui->recipient->currentData().toInt());
}

void VisitConversationTab::clearReply()
{
    m_ui->reply->clear();
}

void VisitConversationTab::focusReply()
{
    m_ui->reply->setFocus(Qt::OtherFocusReason);
}

void VisitConversationTab::setReplyState(bool canWrite, const QString &note)
{
    m_ui->reply->setEnabled(canWrite);
    m_ui->recipient->setEnabled(canWrite);
    m_quietNote = note;
    if (!m_announced)
        m_ui->replyNote->setText(note);
    updateSendButton();
}

void VisitConversationTab::announce(const QString &message)
{
    m_announced = true;
    m_ui->replyNote->announce(message);
}

void VisitConversationTab::updateSendButton()
{
    m_ui->send->setEnabled(m_ui->reply->isEnabled() && !replyText().isEmpty());
}

} // namespace clinicdesk
