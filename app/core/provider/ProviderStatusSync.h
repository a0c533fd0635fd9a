#pragma once

#include "base/Result.h"
#include "domain/VisitStateMachine.h"
#include "provider/ProviderResult.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace clinicdesk {

class LocalStore;
class ProviderClient;

// Status fetch (GET /visit/externalFetch/{masterId}): on demand ("refresh" on a visit) and as
// reconciliation for open visits whose webhooks may have been lost: every visit Submitted or
// NeedsInfo that neither changed nor was checked for `staleAfterSeconds` is fetched. What the
// provider reports moves the visit through VisitStateMachine::afterCheck: it concludes an open
// visit only (canceled -> Canceled; resolved with prescriptions -> Prescribed, without ->
// Referred) and never moves a status back or sideways past a prescription. A change it makes
// goes on the visit's timeline as a STATUS_CHECK entry naming its source; the check time is
// recorded in visits.provider_checked_at.
class ProviderStatusSync final : public QObject
{
    Q_OBJECT

public:
    // event_type of the timeline entries a status check writes.
    static constexpr const char *kStatusCheckEvent = "STATUS_CHECK";

    ProviderStatusSync(LocalStore &store, ProviderClient &client, QObject *parent = nullptr);

    void refresh(const QString &visitId);
    // Starts a fetch for each stale open visit; returns how many were started.
    Result<int> reconcile(int staleAfterSeconds);
    // reconcile() every `intervalMs`.
    void startReconciling(int intervalMs, int staleAfterSeconds);
    void stopReconciling();
    int inFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    void refreshed(const QString &visitId, const QString &status,
                   const clinicdesk::ProviderVisitStatus &provider);
    void refreshFailed(const QString &visitId, const QString &message);

private:
    void fetch(const QString &visitId, const QString &masterId);
    Result<QString> apply(const QString &visitId, const ProviderVisitStatus &provider);
    Result<void> timeline(const QString &visitId, const VisitStateMachine::State &before,
                          const VisitStateMachine::State &after,
                          const ProviderVisitStatus &provider, const QString &now);

    LocalStore &m_store;
    ProviderClient &m_client;
    QTimer m_timer;
    int m_staleAfterSeconds = 0;
    QSet<QString> m_inFlight;
};

} // namespace clinicdesk
