#pragma once

#include "base/Result.h"
#include "domain/VisitStateMachine.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace clinicdesk {

class Database;
class LocalStore;

// The `visits` table of the console's store, and the only code that runs SQL on it
// (tests/checks/check_visits_owner.sh fails on a statement naming it anywhere else; the schema
// and the key rotation's generic re-sealing are the exceptions). It also seals and opens the
// table's sealed columns, bound to ("visits", id, column): the createNoPay body (form_obj), the
// FHIR QuestionnaireResponse and the provider's reason for a refusal (rejected_reason: providers
// echo patient values in it).
//
// It stores states; it does not decide them. A status change is computed by VisitStateMachine
// from the status the caller read, and written as a compare-and-set on that status (Change), so
// a writer that lost a race (a relay in another process) changes nothing instead of overwriting.
// Used from one thread per store connection, like Database.
class VisitRepository
{
public:
    using Status = VisitStateMachine::Status;
    using RxStatus = VisitStateMachine::RxStatus;

    // A queued visit as IntakeSubmission makes it (status Queued).
    struct NewVisit
    {
        QString id;
        QString masterId;
        QString patientId;
        QString visitType;
        QString createdBy;
        QString createdAt; // TimeText
        QJsonObject createBody;
        QJsonObject questionnaireResponse;
        int rxMonths = 1; // the requested prescription's length (monthsOfSupply)
    };

    // A visit without its sealed columns. Times are TimeText as stored (empty when none).
    struct Row
    {
        QString id;
        QString masterId;
        QString providerVisitId;
        QString patientId;
        QString visitType;
        VisitStateMachine::State state;
        // False when the stored status (prescription state) is none of VisitStateMachine's
        // names, e.g. written by a newer console; `state` then holds the default.
        bool statusKnown = true;
        bool rxKnown = true;
        QString createdBy;
        QString createdAt;
        QString updatedAt;
        QString providerCheckedAt;
    };

    // What one update writes; unset members stay as they are. `from` makes it a compare-and-set:
    // the row changes only while its status is still `from`.
    struct Change
    {
        std::optional<Status> from;
        std::optional<Status> status;
        std::optional<RxStatus> rx;
        std::optional<QString> providerVisitId; // a null string writes NULL
        std::optional<QString> rejectedReason;  // sealed; a null string writes NULL
        std::optional<QString> providerCheckedAt;
        std::optional<QString> waitingForPatientSince; // a null string writes NULL
        std::optional<QString> updatedAt;
    };

    // The board's columns of one visit as raw bytes (Database::scan), valid during the callback
    // only: the board parses 100,000 of these, and QString conversions would dominate.
    struct BoardColumns
    {
        QByteArrayView id, patientId, visitType, status, rx, createdBy, createdAt, updatedAt,
            waitingForPatientSince;
    };
    using BoardVisitor = std::function<bool(const BoardColumns &)>;

    // What the Due list reads of one programme visit (visits_care index; raw bytes valid during
    // the callback only). resolvedAt: when the console learned the visit was resolved (first
    // Prescribed); rxWrittenAt: its latest prescription; rxMonths: that prescription's length
    // (1 or 3); rxMonthsTotal: the months prescribed on the visit so far.
    struct CareColumns
    {
        QByteArrayView id, patientId, visitType, status, createdAt, resolvedAt, rxWrittenAt,
            rxMonths, rxMonthsTotal;
    };
    using CareVisitor = std::function<bool(const CareColumns &)>;
    // The prescription length recorded for a requested days' supply: 3 from 84 days on, else 1.
    static int monthsOfSupply(int daysSupply);

    class Batch;

    explicit VisitRepository(LocalStore &store)
        : m_store(store)
    {}

    Result<void> insert(const NewVisit &visit);

    Result<std::optional<Row>> find(const QString &id);
    Result<std::optional<Row>> findByMasterId(const QString &masterId);
    // Every visit, oldest first.
    Result<QList<Row>> all();
    // One patient's visits, oldest first.
    Result<QList<Row>> ofPatient(const QString &patientId);
    // Queued visits the outbox has no entry for yet, oldest first (ids).
    Result<QStringList> queuedWithoutOutboxEntry();
    // Open visits (Submitted, NeedsInfo) that neither changed nor were checked with the provider
    // since `cutoff` (TimeText), least recently first, at most `limit`.
    Result<QList<Row>> silentSince(const QString &cutoff, int limit);

    // False when no row matched: no such visit, or (with Change::from) its status moved on.
    Result<bool> update(const QString &id, const Change &change);

    // The sealed columns, opened. NotFound for an unknown visit; DecryptFailed when the stored
    // value fails authentication.
    Result<QByteArray> openCreateBody(const QString &id);
    // Nothing when the visit was stored without one.
    Result<std::optional<QByteArray>> openQuestionnaireResponse(const QString &id);
    // The provider's reason for refusing the visit; a null string when there is none.
    Result<QString> openRejectedReason(const QString &id);
    Result<void> replaceCreateBody(const QString &id, const QJsonObject &body);

    // The board's read: the given visits, or all when `ids` is empty, from the visits_board
    // covering index (the sealed bodies are never read).
    Result<void> scanBoard(const QStringList &ids, const BoardVisitor &visit);

    // The Due list's read: every visit of the given types (the weight-loss programme's), from the
    // visits_care covering index, grouped by patient.
    Result<void> scanCare(const QStringList &visitTypes, const CareVisitor &visit);
    // A new prescription on the visit (a titration or a resend the provider confirmed): its time,
    // its length in months, added to the months so far. False for an unknown visit.
    Result<bool> recordPrescription(const QString &id, const QString &writtenAt, int months);

private:
    Result<QList<Row>> select(const QString &where, const QVariantList &values);
    Result<std::optional<QByteArray>> openSealed(const QString &id, const QString &column);

    LocalStore &m_store;
};

// The relay's way in: one transaction applies hundreds of events, so the two statements it runs
// per event are prepared once and bound per use (the same statements find() and update() would
// build each time).
class VisitRepository::Batch
{
public:
    explicit Batch(Database &db);

    Result<void> prepare();
    // Only id, patientId and the state are filled in.
    Result<std::optional<Row>> findByMasterId(const QString &masterId);
    Result<void> setState(const QString &id, VisitStateMachine::State state,
                          const QString &updatedAt);

private:
    QSqlQuery m_find;
    QSqlQuery m_update;
};

} // namespace clinicdesk
