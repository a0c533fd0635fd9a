#include "provider/ProviderStatusSync.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>

namespace clinicdesk {

ProviderStatusSync::ProviderStatusSync(LocalStore &store, ProviderClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto r = reconcile(m_staleAfterSeconds); !r)
            qCWarning(lcProvider) << "status sync:" << r.error().message;
    });
}

void ProviderStatusSync::refresh(const QString &visitId)
{
    auto visit = VisitRepository(m_store).find(visitId);
    if (!visit || !visit.value()) {
        Q_EMIT refreshFailed(visitId,
                             visit ? QStringLiteral("no such visit") : visit.error().message);
        return;
    }
    using Status = VisitStateMachine::Status;
    const VisitRepository::Row &row = *visit.value();
    if (row.statusKnown &&
        (row.state.status == Status::Queued || row.state.status == Status::Rejected)) {
        Q_EMIT refreshFailed(visitId, QStringLiteral("the provider has not accepted this visit"));
        return;
    }
    fetch(visitId, row.masterId);
}

Result<int> ProviderStatusSync::reconcile(int staleAfterSeconds)
{
    const QString cutoff =
        TimeText::utc(QDateTime::currentDateTimeUtc().addSecs(-staleAfterSeconds));
    auto silent = VisitRepository(m_store).silentSince(cutoff, 100);
    if (!silent)
        return silent.error();
    int started = 0;
    for (const VisitRepository::Row &row : std::as_const(silent.value())) {
        if (m_inFlight.contains(row.id))
            continue;
        fetch(row.id, row.masterId);
        ++started;
    }
    if (started)
        qCInfo(lcProvider) << "status sync: fetching silent visits" << started;
    return started;
}

void ProviderStatusSync::startReconciling(int intervalMs, int staleAfterSeconds)
{
    m_staleAfterSeconds = staleAfterSeconds;
    m_timer.start(intervalMs);
}

void ProviderStatusSync::stopReconciling()
{
    m_timer.stop();
}

void ProviderStatusSync::fetch(const QString &visitId, const QString &masterId)
{
    m_inFlight.insert(visitId);
    QPointer<ProviderStatusSync> self(this);
    m_client.fetchVisit(masterId, [self, this, visitId](const ProviderResult &result) {
        if (!self)
            return; // this object is gone; the client outlived it
        m_inFlight.remove(visitId);
        if (!result.ok()) {
            qCInfo(lcProvider) << "status sync: visit" << visitId << "fetch"
                               << ProviderResult::outcomeName(result.outcome) << "http"
                               << result.httpStatus;
            Q_EMIT refreshFailed(visitId, result.message);
            return;
        }
        const ProviderVisitStatus provider = BelugaAdapter::visitStatus(result.data);
        auto status = apply(visitId, provider);
        if (!status) {
            Q_EMIT refreshFailed(visitId, status.error().message);
            return;
        }
        Q_EMIT refreshed(visitId, status.value(), provider);
    });
}

Result<QString> ProviderStatusSync::apply(const QString &visitId,
                                          const ProviderVisitStatus &provider)
{
    QString result;
    auto r = m_store.db().transaction([&]() -> Result<void> {
        VisitRepository visits(m_store);
        auto visit = visits.find(visitId);
        if (!visit)
            return visit.error();
        if (!visit.value())
            return makeError(ErrorCode::NotFound, QStringLiteral("no visit %1").arg(visitId));
        if (!visit.value()->statusKnown || !visit.value()->rxKnown)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("visit %1 has an unknown status").arg(visitId));
        const VisitStateMachine::State before = visit.value()->state;
        using Stage = ProviderVisitStatus::Stage;
        using Checked = VisitStateMachine::Checked;
        const Checked checked = provider.stage == Stage::Canceled ? Checked::Canceled
                                : provider.stage == Stage::Resolved || provider.closed
                                    ? (provider.prescriptions > 0 ? Checked::ResolvedWithRx
                                                                  : Checked::ResolvedWithoutRx)
                                    : Checked::Open;
        const VisitStateMachine::State after = VisitStateMachine::afterCheck(before, checked);
        result = VisitStateMachine::name(after.status);
        const QString now = TimeText::utcNow();
        const bool changed = !(after == before);
        // updated_at moves only with the status: it is what "silent for a while" measures.
        VisitRepository::Change change;
        change.providerCheckedAt = now;
        if (changed) {
            change.from = before.status;
            change.status = after.status;
            change.rx = after.rx;
            change.updatedAt = now;
        }
        if (auto u = visits.update(visitId, change); !u)
            return u.error();
        if (!changed)
            return {};
        // What the check changed goes on the timeline, with where it came from.
        if (auto noted = timeline(visitId, before, after, provider, now); !noted)
            return noted;
        qCInfo(lcProvider) << "status sync: visit" << visitId << "now" << result;
        return {};
    });
    if (!r)
        return r.error();
    return result;
}

Result<void> ProviderStatusSync::timeline(const QString &visitId,
                                          const VisitStateMachine::State &before,
                                          const VisitStateMachine::State &after,
                                          const ProviderVisitStatus &provider, const QString &now)
{
    const QString id =
        QStringLiteral("check:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject note{{QStringLiteral("source"), QStringLiteral("provider status check")},
                           {QStringLiteral("stage"), int(provider.stage)},
                           {QStringLiteral("closed"), provider.closed},
                           {QStringLiteral("prescriptions"), provider.prescriptions},
                           {QStringLiteral("statusBefore"), VisitStateMachine::name(before.status)},
                           {QStringLiteral("rxBefore"), VisitStateMachine::name(before.rx)}};
    auto sealed =
        m_store.cipher().seal(QStringLiteral("visit_events"), id, QStringLiteral("payload"),
                              QJsonDocument(note).toJson(QJsonDocument::Compact));
    if (!sealed)
        return sealed.error();
    // After the events already on this visit's timeline (which is in inbox order).
    auto inserted = m_store.db().exec(
        QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                       "received_at, applied_at, status_after, rx_status_after, payload) "
                       "VALUES (?, ?, (SELECT COALESCE(MAX(inbox_cursor), 0) FROM visit_events "
                       "WHERE visit_id = ?), ?, ?, ?, ?, ?, ?)"),
        {id, visitId, visitId, QLatin1String(kStatusCheckEvent), now, now,
         VisitStateMachine::name(after.status), VisitStateMachine::name(after.rx), sealed.value()});
    if (!inserted)
        return inserted.error();
    return {};
}

} // namespace clinicdesk
