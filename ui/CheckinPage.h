#pragma once

#include "base/Result.h"
#include "intake/IntakeForm.h"

#include <QWidget>

#include <memory>

namespace Ui {
class CheckinPage;
}

namespace clinicdesk {

class AuditLog;
class LocalStore;
class QuestionnairePage;

// A weight-loss check-in (issue 15, item 1), started from the patient's programme visit: the
// weightlossCheckin questions on one scrolling page with everything that visit already answered
// carried over (CheckinStart), the BMI computed and shown as weight and height change, and a
// check-in below BMI 19 refused before anything is sent, with the provider's reason on the
// weight. Submitting queues it like any intake (IntakeSubmission sends it as a check-in).
// Ctrl+Return submits, Esc cancels.
class CheckinPage : public QWidget
{
    Q_OBJECT

public:
    CheckinPage(LocalStore &store, const QString &username, QWidget *parent = nullptr);
    ~CheckinPage() override;

    void setAuditLog(AuditLog *log) { m_audit = log; }
    // Fills the page from the programme visit; an error leaves it empty.
    Result<void> start(const QString &programmeVisitId);
    void activate();

    const IntakeForm &form() const { return m_form; }
    QuestionnairePage *questions() const { return m_page; }
    // Validates and queues; false (with the problems shown) when it cannot go.
    bool submit();

Q_SIGNALS:
    void submitted(const QString &visitId);
    void closed();

private:
    void onAnswerEdited(const QString &linkId);
    void showBmi();

    std::unique_ptr<Ui::CheckinPage> m_ui;
    LocalStore &m_store;
    QString m_username;
    AuditLog *m_audit = nullptr;
    IntakeForm m_form;
    QString m_patientId;
    QuestionnairePage *m_page = nullptr;
    bool m_done = false;
};

} // namespace clinicdesk
