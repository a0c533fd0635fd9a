#include "provider/OutboxSender.h"

#include "base/Logging.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "store/LocalStore.h"

#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>

namespace clinicdesk {

OutboxSender::OutboxSender(LocalStore &store, ProviderClient &client, Options options,
                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_options(options)
    , m_outbox(store)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxSender::pump);
}

void OutboxSender::start()
{
    m_running = true;
    kick();
}

void OutboxSender::stop()
{
    m_running = false;
    m_timer.stop();
}

void OutboxSender::kick()
{
    if (m_running)
        m_timer.start(0);
}

qint64 OutboxSender::backoffMs(const Options &o, int attempts, int retryAfterSeconds)
{
    const int shift = std::clamp(attempts - 1, 0, 30);
    const qint64 ceiling =
        std::min<qint64>(o.maxBackoffMs, qint64(o.baseBackoffMs) << std::min(shift, 20));
    // "Full jitter" over the upper half, so that many clients failing together spread out.
    qint64 delay =
        ceiling / 2 + qint64(QRandomGenerator::global()->bounded(quint32(ceiling / 2 + 1)));
    if (retryAfterSeconds >= 0)
        delay = std::max<qint64>(delay, qint64(retryAfterSeconds) * 1000);
    return delay;
}

void OutboxSender::pump()
{
    if (!m_running)
        return;
    if (auto added = m_outbox.enqueueQueuedVisits(); !added)
        qCWarning(lcProvider) << "outbox:" << added.error().message;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int room = m_options.concurrency - inFlight();
    if (room > 0) {
        auto due = m_outbox.due(now, room + inFlight());
        if (!due) {
            qCWarning(lcProvider) << "outbox:" << due.error().message;
        } else {
            for (const Outbox::Entry &entry : due.value()) {
                if (inFlight() >= m_options.concurrency)
                    break;
                // One request per visit at a time, so that its messages keep their order.
                if (!m_inFlight.contains(entry.id) && !m_inFlightVisits.contains(entry.visitId))
                    send(entry);
            }
        }
    }
    // Sleep until the next entry is due, or the poll interval (new submissions).
    qint64 wait = m_options.pollIntervalMs;
    bool dueNow = false;
    if (auto next = m_outbox.nextDue(); next && next.value()) {
        wait = std::clamp<qint64>(now.msecsTo(*next.value()), 0, wait);
        dueNow = wait == 0;
    }
    if (inFlight() == 0 && !dueNow)
        Q_EMIT idle();
    // Entries in flight are still due; their replies kick the sender anyway.
    if (inFlight() > 0)
        wait = std::max<qint64>(wait, 50);
    if (m_running)
        m_timer.start(int(wait));
}

void OutboxSender::send(const Outbox::Entry &entry)
{
    auto request = m_outbox.body(entry);
    if (!request) {
        // A body that cannot be opened will not open later either: staff must see it.
        qCWarning(lcProvider) << "outbox: entry" << entry.id
                              << "cannot be read:" << request.error().message;
        if (auto r = m_outbox.markRejected(entry, request.error().message, 0); !r)
            qCWarning(lcProvider) << "outbox:" << r.error().message;
        Q_EMIT entryRejected(entry.id, request.error().message);
        return;
    }
    m_inFlight.insert(entry.id);
    m_inFlightVisits.insert(entry.visitId);
    // The client may outlive this sender (and call back after it is gone).
    QPointer<OutboxSender> self(this);
    auto done = [self, entry](const ProviderResult &result) {
        if (self)
            self->handle(entry, result);
    };
    switch (entry.kind) {
    case Outbox::Kind::Visit:
        m_client.createVisit(request.value(), done);
        break;
    case Outbox::Kind::Chat:
        m_client.sendStaffChat(request.value(), done);
        break;
    case Outbox::Kind::Support:
        m_client.sendSupportMessage(request.value(), done);
        break;
    case Outbox::Kind::Titration:
        m_client.post(ProviderRoute::NextTitration, request.value(), done);
        break;
    case Outbox::Kind::Update:
        m_client.post(ProviderRoute::UpdateVisit, request.value(), done);
        break;
    }
}

void OutboxSender::handle(const Outbox::Entry &entry, const ProviderResult &result)
{
    m_inFlight.remove(entry.id);
    m_inFlightVisits.remove(entry.visitId);
    using Outcome = ProviderResult::Outcome;
    const int attempts = entry.attempts + 1;
    if (Outbox::isCareRequest(entry.kind) && careAnswer(entry, result)) {
        kick();
        return;
    }
    if (result.ok()) {
        const QString providerVisitId = entry.kind == Outbox::Kind::Visit
                                            ? BelugaAdapter::providerVisitId(result.data)
                                            : QString();
        if (auto r = m_outbox.markSent(entry, providerVisitId); !r) {
            qCWarning(lcProvider) << "outbox:" << r.error().message;
        } else {
            qCInfo(lcProvider) << "outbox: entry" << entry.id << "sent after attempts" << attempts;
            Q_EMIT entrySent(entry.id);
            if (entry.kind == Outbox::Kind::Visit && BelugaAdapter::needsFollowup(result))
                Q_EMIT followupNeeded(entry.visitId);
        }
    } else if (result.outcome == Outcome::Refused ||
               (result.outcome == Outcome::NotFound && entry.kind != Outbox::Kind::Visit)) {
        if (auto r = m_outbox.markRejected(entry, result.message, result.httpStatus); !r) {
            qCWarning(lcProvider) << "outbox:" << r.error().message;
        } else {
            qCInfo(lcProvider) << "outbox: entry" << entry.id << "refused, provider status"
                               << result.providerStatus;
            Q_EMIT entryRejected(entry.id, result.message);
        }
    } else {
        const qint64 delay = backoffMs(m_options, attempts, result.retryAfterSeconds);
        const QDateTime next = QDateTime::currentDateTimeUtc().addMSecs(delay);
        if (auto r = m_outbox.markRetry(entry, result.message, result.httpStatus, next); !r)
            qCWarning(lcProvider) << "outbox:" << r.error().message;
        qCInfo(lcProvider) << "outbox: entry" << entry.id << "attempt" << attempts
                           << ProviderResult::outcomeName(result.outcome) << "http"
                           << result.httpStatus << "retry in ms" << delay;
        Q_EMIT entryRetrying(entry.id, attempts, result.message);
    }
    kick();
}

bool OutboxSender::careAnswer(const Outbox::Entry &entry, const ProviderResult &result)
{
    const CareReply reply = BelugaAdapter::careReply(result);
    if (reply.status == CareStatus::NoReply)
        return false; // no answer (5xx, timeout, key trouble): retried like any entry
    auto body = m_outbox.body(entry);
    Q_EMIT careAnswered(entry.id, entry.visitId, Outbox::kindName(entry.kind),
                        body ? body.value() : QJsonObject(), reply);
    if (auto r = m_outbox.markSent(entry, {}); !r) {
        qCWarning(lcProvider) << "outbox:" << r.error().message;
        return true;
    }
    qCInfo(lcProvider) << "outbox: entry" << entry.id << "answered" << reply.providerStatus
                       << "after attempts" << entry.attempts + 1;
    Q_EMIT entrySent(entry.id);
    return true;
}

} // namespace clinicdesk
