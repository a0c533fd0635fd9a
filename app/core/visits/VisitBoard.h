#pragma once

#include "base/Result.h"
#include "domain/VisitStateMachine.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace clinicdesk {

class AuditLog;
class LocalStore;

// Who has to act next on a visit.
enum class WaitingFor : quint8
{
    Nobody,   // concluded, nothing left to do
    Provider, // queued or submitted: the provider's clinician is on it
    Clinic,   // the clinic's staff: answer the clinician, fix a refusal, unstick the outbox
    Patient,  // staff asked the patient for what the clinician wants
    Pharmacy, // prescribed, the order is not delivered yet
};

// When a visit needs staff action (VisitBoardRow::attention).
struct AttentionRules
{
    // An open visit (Submitted, or NeedsInfo waiting for the patient) with no news for this long.
    int silentAfterHours = 48;
    // An outbox entry (the visit itself or a reply) not accepted after this long or this many
    // failed attempts.
    int stuckAfterMinutes = 30;
    int stuckAfterAttempts = 3;
};

// One visit as the board lists it: ids, states and times only. The patient's name is PHI and is
// read separately (VisitBoardSource::patientName), only for rows someone actually looks at.
struct VisitBoardRow
{
    enum Attention : quint8
    {
        NoAttention = 0,
        NeedsInfo = 1, // the clinician asked a question
        Rejected = 2,  // the provider refused the submission or a reply
        Stuck = 4,     // the outbox cannot deliver it
        Silent = 8,    // no news for AttentionRules::silentAfterHours
    };

    QString visitId;
    QString patientId;
    QString visitType;
    QString createdBy; // the account's display name
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 waitingForPatientSinceMs = 0; // 0: not waiting for the patient
    qint64 seenAtMs = 0;                 // when the board's user last opened it; 0: never
    qint64 outboxPendingSinceMs = 0;     // the oldest undelivered outbox entry; 0: none
    int outboxAttempts = 0;              // the most attempts among undelivered entries
    bool outboxRejected = false;         // a reply the provider refused
    VisitStateMachine::Status status = VisitStateMachine::Status::Queued;
    VisitStateMachine::RxStatus rx = VisitStateMachine::RxStatus::None;
    quint8 attention = NoAttention; // computed by computeAttention()

    WaitingFor waitingFor() const;
    bool needsAttention() const { return attention != NoAttention; }
    // Needs attention and changed since the user last opened it.
    bool unread() const { return needsAttention() && seenAtMs < updatedAtMs; }
    void computeAttention(const AttentionRules &rules, qint64 nowMs);
};

// What a board search asks for: a phone number, or a name with a date of birth. Both are looked
// up through the blind index, so nothing is decrypted to search.
struct BoardSearch
{
    enum class Kind
    {
        Empty,
        Phone,
        NameDob,
        Invalid, // neither: the text says what to type
    };
    Kind kind = Kind::Empty;
    QString phone;
    QStringList nameWords; // in the order typed; "Last, First" is turned into First Last
    QDate dob;

    static BoardSearch parse(const QString &text);
};

// Reads the board's rows from the console's store, and the few things the board writes (seen
// marks, "waiting for the patient"). Used on the GUI thread; every call is one or two indexed
// queries.
class VisitBoardSource
{
public:
    VisitBoardSource(LocalStore &store, QString userName);

    // Every visit (without drafts, which are not visits yet).
    Result<QList<VisitBoardRow>> loadAll();
    // The given visits (after the relay or the outbox changed them); unknown ids are skipped.
    Result<QList<VisitBoardRow>> load(const QStringList &visitIds);

    // "Last, First" of a patient, opened from the store; an authentication failure is an error.
    Result<QString> patientName(const QString &patientId) const;
    // Every patient's "Last, First" by id: for sorting the whole board by name.
    Result<QHash<QString, QString>> allPatientNames() const;
    // The patients a search names (ids), through the blind index. Audited as a PHI lookup
    // (kind and match count, never the query) when `audit` is given.
    Result<QSet<QString>> findPatients(const BoardSearch &search, AuditLog *audit = nullptr);

    Result<void> markSeen(const QString &visitId);
    Result<void> setWaitingForPatient(const QString &visitId, bool waiting, AuditLog *audit);

    // Milliseconds since the epoch of a stored ISO 8601 time; 0 for none or unreadable.
    static qint64 parseTimeMs(QByteArrayView iso);

private:
    // The given visits, or every visit when `visitIds` is empty.
    Result<QList<VisitBoardRow>> query(const QStringList &visitIds);
    QString displayName(QByteArrayView userKey);
    QString intern(QByteArrayView utf8);

    LocalStore &m_store;
    QString m_user;
    QHash<QByteArray, QString> m_userNames; // username or id -> display name
    bool m_userNamesLoaded = false;
    QList<QPair<QByteArray, QString>> m_displayNames; // created_by as stored -> display name
    QList<QPair<QByteArray, QString>> m_strings; // shared copies of repeated texts (types, names)
};

} // namespace clinicdesk
