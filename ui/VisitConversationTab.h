#pragma once

#include "provider/Outbox.h"
#include "visits/VisitRecord.h"

#include <QWidget>

#include <memory>

namespace Ui {
class VisitConversationTab;
}

namespace clinicdesk {

// The visit detail's conversation: the messages with the clinician and provider support, each
// with its delivery state, and the reply box (Ctrl+Return sends). It shows and collects; the page
// queues what is sent. The note under the reply box is announced when something happened (a
// reply queued, delivered or refused) and otherwise says quietly what the conversation waits for.
class VisitConversationTab : public QWidget
{
    Q_OBJECT

public:
    explicit VisitConversationTab(QWidget *parent = nullptr);
    ~VisitConversationTab() override;

    // The messages of `record`; announces a reply of ours that has just been delivered.
    void display(const VisitRecord &record);
    QString replyText() const;
    Outbox::Kind recipient() const;
    void clearReply();
    void focusReply();
    // Whether a reply may be written now, and the quiet note on why not or what is awaited (kept
    // under an announcement until the reply box changes).
    void setReplyState(bool canWrite, const QString &note);
    void announce(const QString &message);

Q_SIGNALS:
    void sendRequested();

private:
    void updateSendButton();

    std::unique_ptr<Ui::VisitConversationTab> m_ui;
    QString m_quietNote;
    bool m_announced = false;
    int m_delivered = -1; // our delivered messages at the last display; -1 before the first
};

} // namespace clinicdesk
