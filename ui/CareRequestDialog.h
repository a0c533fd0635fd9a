#pragma once

#include "domain/User.h"
#include "provider/ProviderCare.h"
#include "visits/CareGuidance.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class CareRequestDialog;
}

namespace clinicdesk {

class AuditLog;
class LocalStore;
class OutboxSender;
class PharmacyPickerDialog;
class ProviderClient;

// The next-titration request and the prescription change of one visit (issue 15, items 2 and
// 4). A titration asks for exactly one medication (the visit's, or another dose) at the
// patient's pharmacy; a change names another pharmacy id and/or another medication, or resends
// the prescription as it is. Either is queued in the outbox when there is one (setOutbox), else
// asked while staff wait. The provider's answer becomes
// CareGuidance's message (said to a screen reader) and, where the console can carry it out,
// the next step's button ("Start the check-in", "Start a follow-up visit", "Try again"). A new
// prescription is recorded on the visit (CareRequests::recordNewPrescription).
class CareRequestDialog : public QDialog
{
    Q_OBJECT

public:
    using Request = CareGuidance::Request;

    // `client` may be null (no provider link): the dialog then says so and sends nothing.
    CareRequestDialog(Request request, LocalStore &store, AuditLog &audit, const User &user,
                      ProviderClient *client, const QString &visitId, const QString &visitType,
                      const QString &patientName, QWidget *parent = nullptr);
    ~CareRequestDialog() override;

    // The console's outbox (may be null): the request is then queued there (CareRequests::
    // queue), sent and retried until the provider answers; the dialog may close meanwhile, and
    // the answer is recorded by the console's services either way.
    void setOutbox(OutboxSender *sender);
    QString queuedEntry() const { return m_entryId; }
    // "Choose pharmacy…": the provider's pharmacy list (modeless, deleted when closed); a pick
    // becomes the pharmacy id sent, its name and address shown read-only under it.
    PharmacyPickerDialog *choosePharmacy();
    // Sends the request the fields describe; false when nothing was sent.
    bool send();
    // The last answer's advice (step None and no message before any answer).
    const CareGuidance::Advice &advice() const { return m_advice; }
    bool busy() const { return m_busy; }
    // Not while the provider is being asked: its answer must be recorded here.
    void reject() override;

Q_SIGNALS:
    // An answer came (or none could come): the message is on screen.
    void answered(const CareReply &reply);
    // The visit has a new prescription (recorded).
    void prescribed();
    void checkinRequested();
    void followupRequested();
    void newVisitRequested();

private:
    void fillMedications(const QString &visitType);
    PrescriptionRequest request() const;
    void showAnswer(const PrescriptionRequest &sent, const CareReply &reply, bool recorded = false);
    bool queue(const PrescriptionRequest &sent);
    void runNextStep();

    std::unique_ptr<Ui::CareRequestDialog> m_ui;
    Request m_request;
    LocalStore &m_store;
    AuditLog &m_audit;
    User m_user;
    QPointer<ProviderClient> m_client;
    QPointer<OutboxSender> m_sender;
    QString m_entryId; // the queued titration, until answered
    QString m_visitId;
    QList<MedicationPreference> m_choices;
    CareGuidance::Advice m_advice;
    bool m_busy = false;
};

} // namespace clinicdesk
