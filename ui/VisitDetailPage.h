#pragma once

#include "domain/User.h"
#include "visits/VisitRecord.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace clinicdesk {

class AuditLog;
class LocalStore;
class ProviderConnection;

// One visit in full: header (patient, visit type, status with text, icon and colour, the
// prescription state, who the visit waits for), "Check with provider", the refusal banner with
// "Fix and resubmit…", and four tabs: the conversation with the clinician (replies go through
// the outbox; Ctrl+Return sends), prescriptions and the pharmacy order, the timeline, and the
// patient's details and intake answers. Opening it is an audited PHI view (one entry per page).
class VisitDetailPage : public QWidget
{
    Q_OBJECT

public:
    // `provider` may be null (no provider configured): nothing can be checked then, and replies
    // wait in the outbox.
    VisitDetailPage(LocalStore &store, AuditLog &audit, const User &user,
                    ProviderConnection *provider, const QString &visitId,
                    QWidget *parent = nullptr);
    ~VisitDetailPage() override;

    QString visitId() const { return m_visitId; }
    // Re-reads everything from the store (the visit changed elsewhere, e.g. a relay event).
    void reload();
    // Puts the keyboard where the work is (the reply box, Fix and resubmit, or the tabs); the
    // window calls it once the page is shown.
    void activate();

    const VisitRecord &record() const { return m_record; }
    // The actions behind the buttons, for the tests.
    bool sendReply();
    void checkWithProvider();
    void openFixDialog();

Q_SIGNALS:
    void closeRequested();
    // A reply or a resubmit from this page changed the visit (the page has re-read it already).
    void visitChanged(const QString &visitId);

private:
    void build();
    void display(const VisitRecord &record);
    void showError(const QString &message);
    void fillHeader();
    void fillConversation();
    void fillPrescriptions();
    void fillTimeline();
    void fillPatient();
    void updateReplyState();
    void updateCheckButton();
    void onOutboxEntry(const QString &entryId);
    QString timeText(const QDateTime &t) const;

    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    ProviderConnection *m_provider;
    QString m_visitId;
    VisitRecord m_record;
    bool m_loaded = false;
    bool m_checking = false;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QFrame *m_statusBadge = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_rx = nullptr;
    QLabel *m_waiting = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_checkResult = nullptr;
    QFrame *m_rejected = nullptr;
    QLabel *m_rejectedText = nullptr;
    QPushButton *m_fix = nullptr;
    QLabel *m_problems = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_messages = nullptr;
    QComboBox *m_recipient = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_replyNote = nullptr;
    QTableWidget *m_prescriptions = nullptr;
    QLabel *m_noPrescription = nullptr;
    QLabel *m_pharmacy = nullptr;
    QTableWidget *m_timeline = nullptr;
    QList<QLabel *> m_demoValues;
    QLabel *m_patientError = nullptr;
    QLabel *m_answersError = nullptr;
    QTableWidget *m_answers = nullptr;
};

} // namespace clinicdesk
