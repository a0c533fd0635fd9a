#include "provider/ProviderStatusSync.h"

#include "base/Logging.h"
#include "domain/VisitStateMachine.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>

namespace clinicdesk {
namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

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
        QDateTime::currentDateTimeUtc().addSecs(-staleAfterSeconds).toString(Qt::ISODateWithMs);
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
        const QString oldRx = q->value(1).toString();
        q->finish();
        VisitStateMachine::State before;
        if (!VisitStateMachine::parse(oldStatus, &before.status) ||
            !VisitStateMachine::parse(oldRx, &before.rx))
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("visit %1 has an unknown status").arg(visitId));
        using Stage = ProviderVisitStatus::Stage;
        using Checked = VisitStateMachine::Checked;
        const Checked checked = provider.stage == Stage::Canceled ? Checked::Canceled
                                : provider.stage == Stage::Resolved || provider.closed
                                    ? (provider.prescriptions > 0 ? Checked::ResolvedWithRx
                                                                  : Checked::ResolvedWithoutRx)
                                    : Checked::Open;
        const VisitStateMachine::State after = VisitStateMachine::afterCheck(before, checked);
        result = VisitStateMachine::name(after.status);
        const QString now = nowText();
        const bool changed = !(after == before);
        // updated_at moves only with the status: it is what "silent for a while" measures.
        auto u = changed
                     ? m_store.db().exec(
                           QStringLiteral("UPDATE visits SET status = ?, rx_status = ?, "
                                          "provider_checked_at = ?, updated_at = ? WHERE id = ?"),
                           {result, VisitStateMachine::name(after.rx), now, now, visitId})
                     : m_store.db().exec(QStringLiteral("UPDATE visits SET provider_checked_at "
                                                        "= ? WHERE id = ?"),
                                         {now, visitId});
        if (!u)
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
