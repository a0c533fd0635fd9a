#pragma once

#include "base/Result.h"
#include "provider/ProviderCare.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace clinicdesk {

class AuditLog;
class LocalStore;
class Outbox;

// The console's side of a next-titration request and a prescription change (issue 15, items 2
// and 4): the request built from what the store knows of the visit, and a confirmed new
// prescription recorded where staff and the Due view look for it.
class CareRequests
{
    Q_DECLARE_TR_FUNCTIONS(CareRequests)

public:
    // A new prescription the console was told of in a reply (not a provider event): on the
    // visit's timeline and prescription track as an event of this type.
    static constexpr const char *kNewPrescriptionEvent = "CARE_RX";
    // A titration or change request queued in the outbox, and the provider's answer when it was
    // not a prescription: timeline entries (StaffTimeline words them; "source" says which).
    static constexpr const char *kRequestEvent = "CARE_REQUEST";
    static constexpr const char *kAnswerEvent = "CARE_ANSWER";

    // The next titration from `visitId`: its masterId, the pharmacy the visit was sent with, and
    // exactly one medication item: the one the visit asked for. InvalidInput when the visit has
    // no medication to repeat; NotFound for an unknown visit.
    static Result<PrescriptionRequest> nextTitration(LocalStore &store, const QString &visitId);
    // A change of `visitId`'s pharmacy (empty: keep it) and/or medication (empty: resend).
    static Result<PrescriptionRequest> change(LocalStore &store, const QString &visitId,
                                              const QString &pharmacyId,
                                              const QList<MedicationPreference> &preference);
    // The visit's medication as the create body asked for it (empty when none).
    static Result<QList<MedicationPreference>> requestedMedication(LocalStore &store,
                                                                   const QString &visitId);
    // The visit's pharmacy id as sent (empty when none was chosen).
    static Result<QString> pharmacyOf(LocalStore &store, const QString &visitId);

    // After NEW_RX_SENT: in one transaction, the prescription's time and length on the visit
    // (VisitRepository::recordPrescription: 3 months from an 84-day supply, else 1; the Due
    // view follows) and a CARE_RX event with the medication on its timeline. Audited.
    static Result<void> recordNewPrescription(LocalStore &store, AuditLog &audit,
                                              const QString &visitId,
                                              const PrescriptionRequest &request,
                                              const CareReply &reply, bool titration,
                                              const QString &byUser);

    // The next titration, or a prescription change (`titration` false), through the outbox
    // (sent and retried until the provider answers, a restart included): the entry and a
    // CARE_REQUEST timeline entry in one transaction. Audited. Returns the outbox entry id.
    static Result<QString> queue(LocalStore &store, AuditLog &audit, Outbox &outbox,
                                 const QString &visitId, const PrescriptionRequest &request,
                                 bool titration, const QString &byUser);
    // The answer to a queued request (OutboxSender::careAnswered, `body` as sent): a new
    // prescription recorded as recordNewPrescription does, any other answer a CARE_ANSWER
    // timeline entry with the provider's status and text.
    static Result<void> recordAnswer(LocalStore &store, AuditLog &audit, const QString &visitId,
                                     const QJsonObject &body, const CareReply &reply,
                                     bool titration, const QString &byUser);
};

} // namespace clinicdesk
