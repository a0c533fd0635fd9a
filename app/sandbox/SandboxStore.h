#pragma once

#include "base/Result.h"
#include "crypto/BlindIndex.h"
#include "crypto/FieldCipher.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace clinicdesk {

class KeyProvider;

// The sandbox provider's own state: one SQLite file (sandbox.db) in its data dir, with its own
// migrations. Even though it should only ever see test data, it keeps the PHI rules: request
// bodies, patients, messages, prescriptions and webhook bodies are sealed with a FieldCipher
// (key ring from the keychain or --key-file), and phones are stored only as a blind index.
class SandboxStore
{
public:
    struct Visit
    {
        QString masterId;
        QString visitId;
        QString phone; // from the request; stored only as a blind index
        QString visitType;
        QString visitStatus;    // active|pending|admin|resolved|holding|canceled
        QString resolvedStatus; // open|closed
        QString outcome;        // prescribed|referred|canceled, or empty while open
        QString decision;       // the clinician's next step, empty when none is scheduled
        qint64 decideAtMs = 0;
        bool awaitingReply = false;
        qint64 createdAtMs = 0;
        qint64 updatedAtMs = 0;
        int createRequests = 0;
        QJsonObject request; // the createNoPay body as received (updateVisit/updateName edit it)
        qint64 resolvedAtMs = 0; // sandbox clock; 0 while not prescribed or referred
        QString idStatus;        // '' none, awaiting (photos), review, approved
        bool photosRequired = false;
        int rxChanges = 0; // prescriptions changed or resent through updateVisit
    };

    struct Rx
    {
        QString id;
        QJsonObject rx;  // docName, medsPrescribed[]
        qint64 atMs = 0; // sandbox clock
    };

    struct Webhook
    {
        qint64 seq = 0;
        QString id;
        QString masterId;
        QString event;
        QByteArray body;
        int attempts = 0;
        qint64 nextAtMs = 0;
        qint64 deliveredAtMs = 0;
        int lastStatus = 0;
    };

    static Result<std::unique_ptr<SandboxStore>> open(const QString &dataDir, KeyProvider &keys);
    static const QList<Migration> &migrations();

    Database &db() { return *m_db; }

    // Sealing for the sandbox's other tables (SandboxAttachments, SandboxSmsLog).
    Result<QByteArray> seal(const QString &table, const QString &rowId, const QString &column,
                            const QByteArray &plain) const;
    Result<QByteArray> open(const QString &table, const QString &rowId, const QString &column,
                            const QByteArray &sealed) const;

    Result<std::optional<Visit>> visit(const QString &masterId);
    // By the provider's visit id (the one createNoPay returned).
    Result<std::optional<Visit>> visitByVisitId(const QString &visitId);
    Result<QList<Visit>> visits();
    Result<QList<Visit>> visitsOfPatient(const QString &phone);
    // Counts a createNoPay for `masterId` (so tests can see retries), the visit or nothing.
    Result<void> countCreateRequest(const QString &masterId);
    Result<void> insertVisit(const Visit &visit);
    Result<void> updateVisit(const Visit &visit);
    // Replaces the stored request body (a changed pharmacy, preference or name).
    Result<void> updateRequest(const QString &masterId, const QJsonObject &request);
    // Open visits of a patient (by phone) of one visit type.
    Result<int> openVisitCount(const QString &phone, const QString &visitType);
    Result<QList<Visit>> dueDecisions(qint64 nowMs);
    Result<void> upsertPatient(const QJsonObject &formObj, qint64 nowMs);
    Result<std::optional<QJsonObject>> patient(const QString &phone);

    Result<void> addMessage(const QString &masterId, const QString &direction,
                            const QString &content, qint64 nowMs);
    Result<int> messageCount(const QString &masterId, const QString &direction);

    Result<void> addRx(const QString &masterId, const QJsonObject &rx, qint64 nowMs);
    Result<QList<QJsonObject>> rxHistory(const QString &masterId);
    // Oldest first, with when each was written.
    Result<QList<Rx>> prescriptions(const QString &masterId);

    Result<void> enqueueWebhook(const QString &masterId, const QString &event,
                                const QByteArray &body, qint64 nextAtMs);
    // Undelivered events that are due; `inOrder`: at most the oldest undelivered one.
    Result<QList<Webhook>> dueWebhooks(qint64 nowMs, int limit, bool inOrder);
    Result<void> markWebhook(qint64 seq, int attempts, int lastStatus, qint64 nextAtMs,
                             bool delivered, qint64 nowMs);
    Result<QList<Webhook>> webhooks();

private:
    Result<void> loadOrCreateKeys(KeyProvider &keys);
    QByteArray phoneIndex(const QString &phone) const;
    Result<Visit> readVisit(const QSqlQuery &q) const;
    Result<QList<Visit>> readVisits(QSqlQuery &q) const;
    Result<QList<Webhook>> readWebhooks(QSqlQuery &q) const;

    std::unique_ptr<Database> m_db;
    FieldCipher m_cipher;
    BlindIndex m_blindIndex;
};

} // namespace clinicdesk
