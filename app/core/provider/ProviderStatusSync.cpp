#include "provider/ProviderStatusSync.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"

#include <QPointer>

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
    auto q = m_store.db().exec(QStringLiteral("SELECT master_id, status FROM visits WHERE id = ?"),
                               {visitId});
    if (!q || !q->next()) {
        emit refreshFailed(visitId, q ? QStringLiteral("no such visit") : q.error().message);
        return;
    }
    if (q->value(1).toString() == QLatin1String("Queued") ||
        q->value(1).toString() == QLatin1String("Rejected")) {
        emit refreshFailed(visitId, QStringLiteral("the provider has not accepted this visit"));
        return;
    }
    fetch(visitId, q->value(0).toString());
}

Result<int> ProviderStatusSync::reconcile(int staleAfterSeconds)
{
    const QString cutoff =
        TimeText::utc(QDateTime::currentDateTimeUtc().addSecs(-staleAfterSeconds));
    auto q = m_store.db().exec(
        QStringLiteral("SELECT id, master_id FROM visits WHERE status IN ('Submitted', "
                       "'NeedsInfo') AND COALESCE(provider_checked_at, updated_at) <= ? "
                       "ORDER BY COALESCE(provider_checked_at, updated_at) LIMIT 100"),
        {cutoff});
    if (!q)
        return q.error();
    int started = 0;
    while (q->next()) {
        const QString visitId = q->value(0).toString();
        if (m_inFlight.contains(visitId))
            continue;
        fetch(visitId, q->value(1).toString());
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
            emit refreshFailed(visitId, result.message);
            return;
        }
        const ProviderVisitStatus provider = BelugaAdapter::visitStatus(result.data);
        auto status = apply(visitId, provider);
        if (!status) {
            emit refreshFailed(visitId, status.error().message);
            return;
        }
        emit refreshed(visitId, status.value(), provider);
    });
}

Result<QString> ProviderStatusSync::apply(const QString &visitId,
                                          const ProviderVisitStatus &provider)
{
    QString result;
    auto r = m_store.db().transaction([&]() -> Result<void> {
        auto q = m_store.db().exec(
            QStringLiteral("SELECT status, rx_status FROM visits WHERE id = ?"), {visitId});
        if (!q)
            return q.error();
        if (!q->next())
            return makeError(ErrorCode::NotFound, QStringLiteral("no visit %1").arg(visitId));
        const QString oldStatus = q->value(0).toString();
        VisitStateMachine::State state;
        if (!VisitStateMachine::parse(oldStatus, &state.status) ||
            !VisitStateMachine::parse(q->value(1).toString(), &state.rx))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("visit %1 has an unknown status").arg(visitId));
        using Stage = ProviderVisitStatus::Stage;
        using Type = VisitEvent::Type;
        if (provider.stage == Stage::Canceled) {
            state = VisitStateMachine::apply(state, Type::ConsultCanceled);
        } else if (provider.stage == Stage::Resolved || provider.closed) {
            if (provider.prescriptions > 0) {
                state = VisitStateMachine::apply(state, Type::RxWritten);
                state = VisitStateMachine::apply(state, Type::ConsultConcluded,
                                                 VisitEvent::Outcome::Prescribed);
            } else {
                state = VisitStateMachine::apply(state, Type::ConsultConcluded,
                                                 VisitEvent::Outcome::Referred);
            }
        }
        result = VisitStateMachine::name(state.status);
        const QString now = TimeText::utcNow();
        const bool changed = result != oldStatus;
        // updated_at moves only with the status: it is what "silent for a while" measures.
        auto u = changed
                     ? m_store.db().exec(
                           QStringLiteral("UPDATE visits SET status = ?, rx_status = ?, "
                                          "provider_checked_at = ?, updated_at = ? WHERE id = ?"),
                           {result, VisitStateMachine::name(state.rx), now, now, visitId})
                     : m_store.db().exec(QStringLiteral("UPDATE visits SET provider_checked_at "
                                                        "= ? WHERE id = ?"),
                                         {now, visitId});
        if (!u)
            return u.error();
        if (changed)
            qCInfo(lcProvider) << "status sync: visit" << visitId << "now" << result;
        return {};
    });
    if (!r)
        return r.error();
    return result;
}

} // namespace clinicdesk
