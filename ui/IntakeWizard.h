#pragma once

#include "base/Result.h"
#include "intake/Draft.h"
#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/Leases.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QPushButton;
class QStackedWidget;

namespace clinicdesk {

class AuditLog;
class DraftAutosaver;
class FieldErrorLabel;
class IntakeReview;
class IntakeStepList;
class LocalStore;
class PatientLookupPanel;
class ProviderPatientPanel;
class ProviderClient;
class QuestionnairePage;
class StatusMessage;

// The intake wizard: patient → visit type, medication and pharmacy → the visit type's clinical
// screening (one step per top-level group) → review and consent → submit. Every step but the
// first two is built from the questionnaire. Next validates the step and shows each message
// next to its field; Back never validates and never clears. Every change is autosaved to the
// encrypted draft (DraftAutosaver); reopening a draft restores every answer and the step.
//
// Self-contained: it needs the store and the signed-in username, and says when it is done.
//
// The keyboard stays where the user is: a step change puts it in the new step's first field and
// nowhere else (the step list beside is a display, never selected), and changing the visit type
// rebuilds the questions around the type selector without moving it. The save state and step
// problems are announced (StatusMessage).
class IntakeWizard : public QWidget
{
    Q_OBJECT

public:
    IntakeWizard(LocalStore &store, const QString &username, QWidget *parent = nullptr,
                 QuestionnaireLibrary library = QuestionnaireLibrary::load());
    ~IntakeWizard() override;

    // Creating, resuming (a PHI view) and submitting are audited when a log is given (not
    // owned).
    void setAuditLog(AuditLog *log);
    // Who edits here (the signed-in user at this workstation): the draft is leased to them while
    // the wizard has it (store/Leases), so another workstation cannot open it meanwhile. Without
    // one (tests of the wizard alone) nothing is leased.
    void setLeaseOwner(const Leases::Owner &owner) { m_leaseOwner = owner; }
    // The provider link, for the pharmacy step's "Choose pharmacy…" and for asking the provider
    // about a phone no local patient has (not owned; may be null).
    void setProviderClient(ProviderClient *client);
    void startNew();
    Result<void> resume(const QString &draftId);

    QString draftId() const { return m_draft.id; }
    int currentStep() const;
    int stepCount() const;
    QString stepTitle(int step) const;
    QuestionnairePage *page(int step) const;
    const IntakeForm &form() const { return m_form; }
    DraftAutosaver &autosaver() { return *m_autosaver; }
    // Sends the pending autosave now and waits for it (before the wizard goes away).
    void flushDraft();

    bool goNext();
    void goBack();
    void goToStep(int step);
    bool submit();
    // Puts the keyboard in the current step's first field; the window calls it once the wizard
    // is shown.
    void activate();

Q_SIGNALS:
    // "Save and close": the draft is saved and the wizard can go.
    void closed();
    // The intake became a queued visit.
    void submitted(const QString &visitId, const QString &masterId);

private:
    void buildPatientPage();
    void rebuildVisitPages();
    void setVisitType(const QString &visitType);
    void onAnswerEdited(const QString &linkId);
    void scheduleSave();
    Result<void> leaseDraft(const QString &draftId);
    void updateChrome();
    void keepButtonsLast();
    bool validateVisitType();
    QString language() const;
    void audit(int action, const QString &entityType, const QString &id, const QString &detail);

    LocalStore &m_store;
    QString m_username;
    AuditLog *m_audit = nullptr;
    std::optional<Leases::Owner> m_leaseOwner;
    QPointer<LeaseKeeper> m_lease;
    QPointer<ProviderClient> m_client;
    QuestionnaireLibrary m_library;
    IntakeForm m_form;
    Draft m_draft;
    std::unique_ptr<DraftAutosaver> m_autosaver;
    bool m_restoring = false;
    bool m_done = false;

    IntakeStepList *m_steps = nullptr;
    QStackedWidget *m_stack = nullptr;
    StatusMessage *m_status = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_saveClose = nullptr;
    QPushButton *m_next = nullptr;
    QuestionnairePage *m_patientPage = nullptr;
    QuestionnairePage *m_visitPage = nullptr; // kept across visit type changes
    PatientLookupPanel *m_lookup = nullptr;
    ProviderPatientPanel *m_providerPatient = nullptr;
    QWidget *m_visitHeader = nullptr; // the visit type selector, kept across rebuilds
    QComboBox *m_visitType = nullptr;
    FieldErrorLabel *m_visitTypeError = nullptr;
    IntakeReview *m_review = nullptr;
    bool m_savedOnce = false; // the first save of an intake is announced, later ones are not
    QList<QuestionnairePage *> m_pages; // every step, in order
};

} // namespace clinicdesk
