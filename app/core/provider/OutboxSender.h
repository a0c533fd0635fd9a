#pragma once

#include "provider/Outbox.h"
#include "provider/ProviderCare.h"
#include "provider/ProviderResult.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace clinicdesk {

class LocalStore;
class ProviderClient;

// Works through the Outbox: sends every due entry through the ProviderClient; on success marks
// it sent (a visit becomes Submitted), on a permanent refusal marks it rejected with the
// provider's reason (a visit becomes Rejected), and on anything else (no connection, timeout,
// 5xx, 429, unreadable reply, API key or certificate trouble) schedules another attempt with
// exponential backoff and full jitter, never sooner than a Retry-After. Everything it knows is in
// the store, so it resumes after a restart; a createNoPay repeated after an ambiguous failure
// carries the same masterId, so the provider never creates a second visit.
class OutboxSender final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int baseBackoffMs = 1000;
        int maxBackoffMs = 5 * 60 * 1000;
        int pollIntervalMs = 1000; // how often due entries are looked for while idle
        int concurrency = 4;
    };

    OutboxSender(LocalStore &store, ProviderClient &client, Options options,
                 QObject *parent = nullptr);

    void start();
    void stop();
    // Look for due entries now (after a submission, or when the network came back).
    void kick();
    int inFlight() const { return int(m_inFlight.size()); }
    Outbox &outbox() { return m_outbox; }

    // The backoff before attempt `attempts + 1` (attempts >= 1), jitter included.
    static qint64 backoffMs(const Options &options, int attempts, int retryAfterSeconds);

Q_SIGNALS:
    void entrySent(const QString &entryId);
    // The provider accepted a check-in and answered that the patient needs a follow-up visit
    // (BelugaAdapter::needsFollowup).
    void followupNeeded(const QString &visitId);
    void entryRejected(const QString &entryId, const QString &reason);
    // The provider answered a care request (a titration or a change: NEW_RX_SENT,
    // VISIT_DATA_UPDATED or any refusal) to `body`; `kind` is Outbox::kindName's.
    // Emitted before the entry is marked sent, so a receiver that records the answer (the
    // console's services) has done so when entrySent follows.
    void careAnswered(const QString &entryId, const QString &visitId, const QString &kind,
                      const QJsonObject &body, const clinicdesk::CareReply &reply);
    void entryRetrying(const QString &entryId, int attempts, const QString &error);
    // No entry is in flight and none is due now.
    void idle();

private:
    void pump();
    void send(const Outbox::Entry &entry);
    void handle(const Outbox::Entry &entry, const ProviderResult &result);
    // A care request's answer (anything but no answer): told, then the entry marked sent.
    bool careAnswer(const Outbox::Entry &entry, const ProviderResult &result);

    LocalStore &m_store;
    ProviderClient &m_client;
    Options m_options;
    Outbox m_outbox;
    QTimer m_timer;
    QSet<QString> m_inFlight;       // entry ids
    QSet<QString> m_inFlightVisits; // their visit ids
    bool m_running = false;
};

} // namespace clinicdesk
