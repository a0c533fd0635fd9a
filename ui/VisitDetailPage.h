#pragma once

#include "domain/User.h"
#include "visits/CareGuidance.h"
#include "visits/VisitRecord.h"

#include <QWidget>

#include <memory>

namespace Ui {
class VisitDetailPage;
}

namespace clinicdesk {

class AuditLog;
class CareRequestDialog;
class LabRequisitionDialog;
class NameCorrectionDialog;
class LocalStore;
class ProviderConnection;
class VisitSummaryPrint;

// One visit in full: header (patient, visit type, status with text, icon and colour, the
// prescription state, who the visit waits for), "Check with provider", "Print summary…" and "Save
// summary as PDF…", the refusal banner with "Fix and resubmit…", and five tabs, each its own
// widget: the conversation with the clinician (replies go through the outbox; Ctrl+Return sends),
// prescriptions and the pharmacy order, the lab orders with their requisition, the timeline, and
// the patient's details and intake answers. Opening it is an audited PHI view (one entry per page).
// The refusal banner is a group named for what it is; its Fix button carries the provider's reason
// as its description, so a screen reader says why with it.
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
    // These visits changed: re-reads this one once, in the next event-loop pass, however many
    // sources report the same change (the outbox tells the page and the window alike).
    void visitsChanged(const QStringList &visitIds);
    // Puts the keyboard where the work is (the reply box, Fix and resubmit, or the tabs); the
    // window calls it once the page is shown.
    void activate();

    const VisitRecord &record() const { return m_record; }
    // The actions behind the buttons, for the tests.
    bool sendReply();
    void checkWithProvider();
    void openFixDialog();
    // The next-titration request or the prescription change (issue 15), opened over the page.
    CareRequestDialog *openCareDialog(CareGuidance::Request request);
    // The patient's name correction (issue 15, item 5), from the patient tab's "Correct name…".
    NameCorrectionDialog *openNameDialog();
    // The lab order's requisition PDF (issue 14), from the Labs tab's "Open requisition…": an
    // audited PHI view; null (with a message) when it cannot be shown.
    LabRequisitionDialog *openRequisition(const QString &orderId);
    // "Print summary…" and "Save summary as PDF…" (issue 14, item 5).
    VisitSummaryPrint *summaryPrint() const { return m_summary; }

Q_SIGNALS:
    void closeRequested();
    // A reply or a resubmit from this page changed the visit (the page has re-read it already).
    void visitChanged(const QString &visitId);
    // Staff chose to start a check-in, a follow-up or a new visit from this (programme) visit.
    void checkinRequested(const QString &visitId);
    void followupRequested(const QString &visitId);
    void newVisitRequested();

private:
    void followProvider();
    void display(const VisitRecord &record);
    void showError(const QString &message);
    void fillHeader();
    void fillStatus();
    void updateReplyState();
    void updateCheckButton();
    void onOutboxEntry(const QString &entryId);
    void scheduleReload();

    std::unique_ptr<Ui::VisitDetailPage> m_ui;
    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    ProviderConnection *m_provider;
    QString m_visitId;
    VisitRecord m_record;
    bool m_loaded = false;
    bool m_checking = false;
    bool m_reloadPending = false;
    VisitSummaryPrint *m_summary = nullptr;
};

} // namespace clinicdesk
