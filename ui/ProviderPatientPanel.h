#pragma once

#include "domain/Patient.h"
#include "provider/ProviderRecords.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace clinicdesk {

class AuditLog;
class LocalStore;
class ProviderClient;
class ProviderStatusSync;

// The intake's "the provider may know this patient" (issue 15, item 6): when the phone typed
// matches no local patient, staff may ask the provider (GET /patient/externalFetch/{phone}); a
// patient found is shown (name, date of birth, where, earlier visits) with "Link this patient"
// and "Not this patient". Only Link records anything (ProviderPatientLink): the patient and the
// provider's visits, whose statuses are then checked with the provider. "Not found" and "the
// provider could not be reached" are said calmly, and the intake goes on as a new patient.
// Never asks on its own: each lookup is staff's click, and audited.
class ProviderPatientPanel : public QFrame
{
    Q_OBJECT

public:
    ProviderPatientPanel(LocalStore &store, const QString &username, QWidget *parent = nullptr);

    void setProviderClient(ProviderClient *client) { m_client = client; }
    void setAuditLog(AuditLog *audit) { m_audit = audit; }
    // What the form holds now: offered when the phone is a full US number, no local patient is
    // shown as a match and the intake is not already for a patient on file.
    void offer(const Patient &typed, bool localMatchShown, bool patientOnFile);
    void ask();
    void clear();

Q_SIGNALS:
    // Linked: the new local patient (with its id), and how many provider visits were recorded.
    void linked(const clinicdesk::Patient &patient, int visits);
    // A sentence to announce (the wizard's status line).
    void announce(const QString &text);

private:
    enum class State
    {
        Ask,
        Asking,
        Found,
        Message,
    };
    void enter(State state, const QString &text);
    void linkFound();
    QString foundText() const;

    LocalStore &m_store;
    QString m_username;
    QPointer<ProviderClient> m_client;
    AuditLog *m_audit = nullptr;
    ProviderStatusSync *m_sync = nullptr;
    QString m_phone;     // digits of the phone the panel is about
    QString m_dismissed; // a phone whose provider patient staff said is someone else
    ProviderPatient m_found;
    int m_generation = 0; // a reply for an earlier phone is dropped
    QLabel *m_text = nullptr;
    QLabel *m_visits = nullptr;
    QPushButton *m_ask = nullptr;
    QPushButton *m_link = nullptr;
    QPushButton *m_notThem = nullptr;
};

} // namespace clinicdesk
