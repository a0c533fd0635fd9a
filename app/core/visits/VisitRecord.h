#pragma once

#include "base/Result.h"
#include "domain/Patient.h"
#include "domain/VisitStateMachine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace clinicdesk {

class AuditLog;
class LocalStore;

// One visit as the detail page shows it, read from the store in one go: the visit row, the
// patient's demographics and intake answers (opened from their sealed columns), the timeline
// (provider events in inbox order merged with what the console itself did), prescriptions,
// the pharmacy order and the conversation with the clinician. A sealed value that fails
// authentication leaves its part empty with a clear message in `problems` (and, for the
// patient and the answers, in their own error field); it never yields garbage.
struct VisitRecord
{
    enum class Source
    {
        Provider,
        Staff,
        System,
    };
    struct Answer
    {
        QString question;
        QString answer;
    };
    struct TimelineEntry
    {
        QDateTime at; // UTC
        Source source = Source::System;
        QString who;   // the staff member's display name (Source::Staff), else empty
        QString label; // human, translated
    };
    struct Medication
    {
        QString name;
        QString strength;
        QString quantity;
        QString refills;
    };
    struct Prescription
    {
        QDateTime at;
        QString doctor;
        QList<Medication> medications;
    };
    struct PharmacyOrder
    {
        bool present = false;
        QString orderId;
        QString carrier;
        QString tracking;
        // The prescription track: InFulfillment, Shipped, Delivered.
        VisitStateMachine::RxStatus state = VisitStateMachine::RxStatus::None;
        QDateTime updatedAt;
    };
    // A provider lab order (LAB_ORDER_* events): its steps in inbox order.
    struct LabStep
    {
        QDateTime at;
        QString event; // LAB_ORDER_…
        QString carrier;
        QString tracking;
    };
    struct LabOrder
    {
        QString orderId;
        QList<LabStep> steps;
        QString bookingLink;      // LAB_ORDER_RESULTS
        bool requisition = false; // LAB_ORDER_REQUISITION_CREATED: a sealed PDF in lab_orders
        QDateTime requisitionAt;
    };
    struct Message
    {
        enum class From
        {
            Clinician,      // DOCTOR_CHAT
            Support,        // CS_MESSAGE
            Staff,          // a reply to the clinician (outbox 'chat')
            StaffToSupport, // a message to support (outbox 'support')
        };
        enum class Delivery
        {
            Received, // from the provider
            Sending,  // outbox 'pending'
            Delivered,
            Rejected,
        };
        From from = From::Clinician;
        Delivery delivery = Delivery::Received;
        QDateTime at;
        QString who;
        QString text;
        QString outboxId;
        int attempts = 0;
        QString lastError;
        QString rejectedReason;
    };

    QString id;
    QString masterId;
    QString providerVisitId;
    QString visitType;
    VisitStateMachine::Status status = VisitStateMachine::Status::Queued;
    VisitStateMachine::RxStatus rxStatus = VisitStateMachine::RxStatus::None;
    QString createdBy;     // username
    QString createdByName; // display name
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime providerCheckedAt; // invalid when never checked
    QString rejectedReason;
    QString patientId;

    std::optional<Patient> patient;
    QString patientError;
    QList<Answer> answers;
    QString answersError;
    QList<TimelineEntry> timeline;
    QList<Prescription> prescriptions;
    PharmacyOrder pharmacy;
    QList<LabOrder> labs;
    QList<Message> messages;
    QStringList problems;

    // The clinician asked something and no reply is on its way yet.
    bool waitingForStaff() const;
    // Replies that are queued or being retried.
    int pendingReplies() const;
};

class VisitRecordReader
{
    Q_DECLARE_TR_FUNCTIONS(VisitRecordReader)

public:
    explicit VisitRecordReader(LocalStore &store);

    // Everything about one visit. NotFound for an unknown id; a database error otherwise.
    Result<VisitRecord> read(const QString &visitId);
    // read(), recorded in the audit log as one PHI view of the visit (entity "visit", its id,
    // never a value; outcome failure when sealed values would not open). If the entry cannot be
    // written, the record is withheld: no PHI view without its audit entry.
    Result<VisitRecord> openForView(const QString &visitId, AuditLog &audit,
                                    const QString &username);

    // "Clinician", "Clinic staff", "System"...
    static QString sourceName(VisitRecord::Source source);

private:
    LocalStore &m_store;
};

} // namespace clinicdesk
