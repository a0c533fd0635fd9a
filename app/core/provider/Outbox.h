#pragma once

#include "base/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace clinicdesk {

class LocalStore;

// The durable provider outbox in the console's store (table `outbox`, migration 6).
//
// A queued visit (IntakeSubmission: status 'Queued', its createNoPay body sealed in
// visits.form_obj, its masterId made before anything is sent) gets exactly one 'visit' entry;
// staff replies to the clinician and messages to support are 'chat' / 'support' entries with
// their body sealed. Entries are 'pending' until the provider accepts them ('sent') or refuses
// them for good ('rejected', with the provider's reason sealed on the entry and, for a visit, on
// the visit, whose status becomes 'Rejected'). Nothing is ever deleted here; OutboxSender works
// through the pending ones.
class Outbox
{
public:
    enum class Kind
    {
        Visit,
        Chat,
        Support,
        Titration, // the next titration prescription (nextTitration), body as sent
        Update,    // change or resend a prescription (updateVisit), body as sent, no API key
    };
    // A care request: its answer is the provider's status (OutboxSender::careAnswered).
    static bool isCareRequest(Kind kind) { return kind == Kind::Titration || kind == Kind::Update; }
    struct Entry
    {
        QString id;
        Kind kind = Kind::Visit;
        QString visitId;
        QString masterId;
        QString state; // pending, sent, rejected
        int attempts = 0;
        QDateTime nextAttemptAt;
        // The provider's texts, sealed in the store (they echo patient values) and opened on
        // read: entry() and entries() fail with DecryptFailed, naming the entry and column,
        // when one does not open. due() leaves both null (the sender never shows them).
        QString lastError;
        int lastHttpStatus = 0;
        QString rejectedReason;
    };
    struct Counts
    {
        int pending = 0;
        int sent = 0;
        int rejected = 0;
    };

    explicit Outbox(LocalStore &store);

    static QString kindName(Kind kind);

    // Gives every 'Queued' visit without an entry its entry (the submission itself already
    // stored the visit and its masterId). Returns how many were added.
    Result<int> enqueueQueuedVisits(const QString &byUser = QStringLiteral("system"));
    // The entry of one queued visit (created when missing); returns the entry id.
    Result<QString> enqueueVisit(const QString &visitId, const QString &byUser);
    // A staff reply to the clinician: receiveChat. A visit waiting for information goes back to
    // Submitted (VisitStateMachine::staffReplied) once the reply is delivered (markSent).
    Result<QString> enqueueStaffChat(const QString &visitId, const QString &firstName,
                                     const QString &lastName, const QString &text,
                                     const QString &byUser);
    // A next-titration request (BelugaAdapter::nextTitrationBody), sent and retried like any
    // entry until the provider answers; the answer is recorded by OutboxSender (migration 15).
    Result<QString> enqueueTitration(const QString &visitId, const QJsonObject &body,
                                     const QString &byUser);
    // A prescription change or resend (BelugaAdapter::updateVisitBody), the same way.
    Result<QString> enqueueUpdate(const QString &visitId, const QJsonObject &body,
                                  const QString &byUser);
    // A message to the provider's support: receiveCSMessage.
    Result<QString> enqueueSupportMessage(const QString &visitId, const QString &text,
                                          const QString &byUser);
    // A rejected visit whose form staff corrected (visits.form_obj re-sealed by the caller):
    // queued again with the same masterId (the provider created nothing for it).
    Result<void> resubmit(const QString &visitId, const QString &byUser);

    // Pending entries due at `now`, oldest first, without the provider's texts. A message waits
    // until its visit was sent.
    Result<QList<Entry>> due(const QDateTime &now, int limit);
    Result<std::optional<Entry>> entry(const QString &id);
    Result<QList<Entry>> entries();
    Result<Counts> counts();
    // The earliest next attempt among pending entries, if any.
    Result<std::optional<QDateTime>> nextDue();

    // The request body to send for an entry (opened from the store).
    Result<QJsonObject> body(const Entry &entry);

    Result<void> markSent(const Entry &entry, const QString &providerVisitId);
    Result<void> markRetry(const Entry &entry, const QString &error, int httpStatus,
                           const QDateTime &nextAttemptAt);
    Result<void> markRejected(const Entry &entry, const QString &reason, int httpStatus);

private:
    Result<void> staffReplyDelivered(const Entry &entry, const QString &now);
    Result<QString> insertMessage(Kind kind, const QString &visitId, const QJsonObject &body,
                                  const QString &byUser);

    LocalStore &m_store;
};

} // namespace clinicdesk
