#include "provider/Outbox.h"

#include "base/Logging.h"
#include "base/TimeText.h"
#include "domain/VisitStateMachine.h"
#include "provider/BelugaAdapter.h"
#include "store/LocalStore.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QUuid>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("outbox");
const QString kPayload = QStringLiteral("payload");
// The provider's texts, sealed: providers echo patient values in them.
const QString kLastError = QStringLiteral("last_error");
const QString kRejectedReason = QStringLiteral("rejected_reason");
// What a message waiting for a refused visit is refused with.
const QString kVisitRefused = QStringLiteral("the visit was refused by the provider");

const QString kColumns = QStringLiteral("id, kind, visit_id, master_id, state, attempts, "
                                        "next_attempt_at, last_error, last_http_status, "
                                        "rejected_reason");

// A sealed text to bind: SQL NULL for a null text (a null QByteArray would be an empty value).
QVariant sealedOrNull(const QByteArray &sealed)
{
    return sealed.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(sealed);
}

Outbox::Kind parseKind(const QString &text)
{
    if (text == QLatin1String("chat"))
        return Outbox::Kind::Chat;
    if (text == QLatin1String("support"))
        return Outbox::Kind::Support;
    if (text == QLatin1String("update"))
        return Outbox::Kind::Update;
    return text == QLatin1String("titration") ? Outbox::Kind::Titration : Outbox::Kind::Visit;
}

// `cipher` null: the provider's texts are not read (due(): the sender never needs them, and one
// that fails to open must not stop every delivery).
Result<Outbox::Entry> readEntry(const FieldCipher *cipher, const QSqlQuery &q)
{
    Outbox::Entry e;
    e.id = q.value(0).toString();
    e.kind = parseKind(q.value(1).toString());
    e.visitId = q.value(2).toString();
    e.masterId = q.value(3).toString();
    e.state = q.value(4).toString();
    e.attempts = q.value(5).toInt();
    e.nextAttemptAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    e.lastHttpStatus = q.value(8).toInt();
    if (!cipher)
        return e;
    auto lastError = cipher->openText(kTable, e.id, kLastError, q.value(7).toByteArray());
    if (!lastError)
        return lastError.error();
    e.lastError = lastError.value();
    auto rejectedReason = cipher->openText(kTable, e.id, kRejectedReason, q.value(9).toByteArray());
    if (!rejectedReason)
        return rejectedReason.error();
    e.rejectedReason = rejectedReason.value();
    return e;
}

Result<QList<Outbox::Entry>> readEntries(const FieldCipher *cipher, QSqlQuery &q)
{
    QList<Outbox::Entry> all;
    while (q.next()) {
        auto e = readEntry(cipher, q);
        if (!e)
            return e.error();
        all << e.value();
    }
    return all;
}

Result<void> check(const Result<QSqlQuery> &q)
{
    if (!q)
        return q.error();
    return {};
}

Result<void> check(const Result<bool> &updated)
{
    if (!updated)
        return updated.error();
    return {};
}

using Status = VisitStateMachine::Status;
using Move = VisitStateMachine::State (*)(VisitStateMachine::State);

// The console's own move `rule` (VisitStateMachine) for the visit as stored: a compare-and-set
// change from its status to the rule's, or nothing when the rule keeps it (or the visit is gone,
// or has a status this console does not know). The caller adds the other columns it writes.
Result<std::optional<VisitRepository::Change>> localMove(VisitRepository &visits,
                                                         const QString &visitId, Move rule)
{
    auto visit = visits.find(visitId);
    if (!visit)
        return visit.error();
    if (!visit.value() || !visit.value()->statusKnown)
        return std::optional<VisitRepository::Change>();
    const VisitStateMachine::State state = visit.value()->state;
    const VisitStateMachine::State next = rule(state);
    if (next.status == state.status)
        return std::optional<VisitRepository::Change>();
    VisitRepository::Change change;
    change.from = state.status;
    change.status = next.status;
    return std::optional<VisitRepository::Change>(change);
}

} // namespace

Outbox::Outbox(LocalStore &store)
    : m_store(store)
{}

QString Outbox::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Visit:
        return QStringLiteral("visit");
    case Kind::Chat:
        return QStringLiteral("chat");
    case Kind::Support:
        return QStringLiteral("support");
    case Kind::Titration:
        return QStringLiteral("titration");
    case Kind::Update:
        return QStringLiteral("update");
    }
    return {};
}

Result<int> Outbox::enqueueQueuedVisits(const QString &byUser)
{
    auto ids = VisitRepository(m_store).queuedWithoutOutboxEntry();
    if (!ids)
        return ids.error();
    int added = 0;
    for (const QString &id : std::as_const(ids.value())) {
        auto r = enqueueVisit(id, byUser);
        if (!r)
            return r.error();
        ++added;
    }
    if (added)
        qCInfo(lcProvider) << "outbox: queued visits added" << added;
    return added;
}

Result<QString> Outbox::enqueueVisit(const QString &visitId, const QString &byUser)
{
    QString entryId;
    auto r = m_store.db().transaction([&]() -> Result<void> {
        auto existing = m_store.db().exec(
            QStringLiteral("SELECT id FROM outbox WHERE visit_id = ? AND kind = 'visit'"),
            {visitId});
        if (!existing)
            return existing.error();
        if (existing->next()) {
            entryId = existing->value(0).toString();
            return {};
        }
        auto visit = VisitRepository(m_store).find(visitId);
        if (!visit)
            return visit.error();
        if (!visit.value())
            return makeError(ErrorCode::NotFound, QStringLiteral("no visit %1").arg(visitId));
        const VisitRepository::Row &row = *visit.value();
        if (!row.statusKnown || row.state.status != Status::Queued)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("visit %1 is not queued").arg(visitId));
        entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString now = TimeText::utcNow();
        return check(m_store.db().exec(
            QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, state, "
                           "next_attempt_at, created_by, created_at, updated_at) "
                           "VALUES (?, 'visit', ?, ?, 'pending', ?, ?, ?, ?)"),
            {entryId, visitId, row.masterId, now, byUser, now, now}));
    });
    if (!r)
        return r.error();
    return entryId;
}

Result<QString> Outbox::insertMessage(Kind kind, const QString &visitId, const QJsonObject &body,
                                      const QString &byUser)
{
    QString entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto r = m_store.db().transaction([&]() -> Result<void> {
        auto visit = VisitRepository(m_store).find(visitId);
        if (!visit)
            return visit.error();
        if (!visit.value())
            return makeError(ErrorCode::NotFound, QStringLiteral("no visit %1").arg(visitId));
        const QString masterId = visit.value()->masterId;
        if (visit.value()->statusKnown && visit.value()->state.status == Status::Rejected)
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("visit %1 was refused by the provider").arg(visitId));
        QJsonObject withId = body;
        withId.insert(QStringLiteral("masterId"), masterId);
        QJsonObject finalBody =
            isCareRequest(kind) ? withId
            : kind == Kind::Chat
                ? BelugaAdapter::staffChatBody(withId.value(QLatin1String("firstName")).toString(),
                                               withId.value(QLatin1String("lastName")).toString(),
                                               withId.value(QLatin1String("text")).toString(),
                                               masterId)
                : BelugaAdapter::supportMessageBody(withId.value(QLatin1String("text")).toString(),
                                                    masterId);
        auto sealed = m_store.cipher().seal(
            kTable, entryId, kPayload, QJsonDocument(finalBody).toJson(QJsonDocument::Compact));
        if (!sealed)
            return sealed.error();
        const QString now = TimeText::utcNow();
        if (auto ins = check(m_store.db().exec(
                QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, payload, state, "
                               "next_attempt_at, created_by, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"),
                {entryId, kindName(kind), visitId, masterId, sealed.value(), now, byUser, now,
                 now}));
            !ins)
            return ins;
        // A reply moves the visit back to Submitted only once it is delivered (markSent).
        return {};
    });
    if (!r)
        return r.error();
    qCInfo(lcProvider) << "outbox: entry" << entryId << "kind" << kindName(kind) << "for visit"
                       << visitId;
    return entryId;
}

Result<void> Outbox::resubmit(const QString &visitId, const QString &byUser)
{
    return m_store.db().transaction([&]() -> Result<void> {
        const QString now = TimeText::utcNow();
        const Error notRejected =
            makeError(ErrorCode::Conflict, QStringLiteral("visit %1 is not rejected").arg(visitId));
        VisitRepository visits(m_store);
        auto move = localMove(visits, visitId, &VisitStateMachine::resubmitted);
        if (!move)
            return move.error();
        if (!move.value())
            return notRejected;
        VisitRepository::Change change = *move.value();
        change.rejectedReason = QString();
        change.updatedAt = now;
        auto moved = visits.update(visitId, change);
        if (!moved)
            return moved.error();
        if (!moved.value())
            return notRejected;
        qCInfo(lcProvider) << "outbox: visit" << visitId << "resubmitted by" << byUser;
        return check(m_store.db().exec(
            QStringLiteral("UPDATE outbox SET state = 'pending', attempts = 0, rejected_reason = "
                           "NULL, last_error = NULL, next_attempt_at = ?, updated_at = ? "
                           "WHERE visit_id = ? AND kind = 'visit'"),
            {now, now, visitId}));
    });
}

Result<QList<Outbox::Entry>> Outbox::due(const QDateTime &now, int limit)
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT %1 FROM outbox o WHERE o.state = 'pending' AND "
                       "o.next_attempt_at <= ? AND (o.kind = 'visit' OR NOT EXISTS (SELECT 1 "
                       "FROM outbox v WHERE v.visit_id = o.visit_id AND v.kind = 'visit' AND "
                       "v.state <> 'sent')) ORDER BY o.next_attempt_at, o.created_at LIMIT ?")
            .arg(kColumns),
        {TimeText::utc(now), limit});
    if (!q)
        return q.error();
    return readEntries(nullptr, q.value());
}

Result<std::optional<Outbox::Entry>> Outbox::entry(const QString &id)
{
    auto q =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Entry>();
    auto e = readEntry(&m_store.cipher(), q.value());
    if (!e)
        return e.error();
    return std::optional<Entry>(std::move(e).value());
}

Result<QList<Outbox::Entry>> Outbox::entries()
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT %1 FROM outbox ORDER BY created_at, id").arg(kColumns));
    if (!q)
        return q.error();
    return readEntries(&m_store.cipher(), q.value());
}

Result<Outbox::Counts> Outbox::counts()
{
    auto q = m_store.db().exec(QStringLiteral("SELECT state, COUNT(*) FROM outbox GROUP BY state"));
    if (!q)
        return q.error();
    Counts c;
    while (q->next()) {
        const QString state = q->value(0).toString();
        const int n = q->value(1).toInt();
        if (state == QLatin1String("pending"))
            c.pending = n;
        else if (state == QLatin1String("sent"))
            c.sent = n;
        else
            c.rejected = n;
    }
    return c;
}

Result<std::optional<QDateTime>> Outbox::nextDue()
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT MIN(o.next_attempt_at) FROM outbox o WHERE o.state = 'pending' "
                       "AND (o.kind = 'visit' OR NOT EXISTS (SELECT 1 FROM outbox v WHERE "
                       "v.visit_id = o.visit_id AND v.kind = 'visit' AND v.state <> 'sent'))"));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(
        QDateTime::fromString(q->value(0).toString(), Qt::ISODateWithMs));
}

Result<QJsonObject> Outbox::body(const Entry &e)
{
    QByteArray plain;
    if (e.kind == Kind::Visit) {
        auto opened = VisitRepository(m_store).openCreateBody(e.visitId);
        if (!opened)
            return opened.error();
        plain = opened.value();
    } else {
        auto q =
            m_store.db().exec(QStringLiteral("SELECT payload FROM outbox WHERE id = ?"), {e.id});
        if (!q)
            return q.error();
        if (!q->next())
            return makeError(ErrorCode::NotFound, QStringLiteral("no outbox entry %1").arg(e.id));
        auto opened = m_store.cipher().open(kTable, e.id, kPayload, q->value(0).toByteArray());
        if (!opened)
            return opened.error();
        plain = opened.value();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(plain);
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("outbox entry %1: the stored body is not JSON").arg(e.id));
    QJsonObject o = doc.object();
    // The stored masterId is authoritative (the idempotency key must never change).
    if (BelugaAdapter::masterIdOf(o) != e.masterId)
        return makeError(
            ErrorCode::Integrity,
            QStringLiteral("outbox entry %1: the body's masterId does not match").arg(e.id));
    return o;
}

Result<void> Outbox::markSent(const Entry &e, const QString &providerVisitId)
{
    return m_store.db().transaction([&]() -> Result<void> {
        const QString now = TimeText::utcNow();
        if (auto r = check(m_store.db().exec(
                QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                               "last_error = NULL, sent_at = ?, updated_at = ? WHERE id = ?"),
                {now, now, e.id}));
            !r)
            return r;
        if (e.kind == Kind::Chat)
            return staffReplyDelivered(e, now);
        if (e.kind != Kind::Visit)
            return {};
        // VisitStateMachine::accepted: only a Queued visit moves (an event may already have
        // moved it on); the provider's id and the time are written either way.
        VisitRepository visits(m_store);
        auto move = localMove(visits, e.visitId, &VisitStateMachine::accepted);
        if (!move)
            return move.error();
        VisitRepository::Change change = move->value_or(VisitRepository::Change());
        change.providerVisitId = providerVisitId.isEmpty() ? QString() : providerVisitId;
        change.updatedAt = now;
        return check(visits.update(e.visitId, change));
    });
}

// The clinician has the staff's answer: a visit waiting for information goes back to Submitted
// (VisitStateMachine::staffReplied), unless the clinician asked again after this reply was
// written (that newer question is still unanswered).
Result<void> Outbox::staffReplyDelivered(const Entry &e, const QString &now)
{
    VisitRepository visits(m_store);
    auto move = localMove(visits, e.visitId, &VisitStateMachine::staffReplied);
    if (!move)
        return move.error();
    if (!move.value())
        return {};
    auto askedAgain = m_store.db().exec(
        QStringLiteral("SELECT 1 FROM visit_events ev WHERE ev.visit_id = ? AND ev.event_type = ? "
                       "AND ev.applied_at > (SELECT o.created_at FROM outbox o WHERE o.id = ?)"),
        {e.visitId, VisitEvent::typeName(VisitEvent::Type::DoctorChat), e.id});
    if (!askedAgain)
        return askedAgain.error();
    if (askedAgain->next())
        return {};
    VisitRepository::Change change = *move.value();
    change.updatedAt = now;
    return check(visits.update(e.visitId, change));
}

Result<void> Outbox::markRetry(const Entry &e, const QString &error, int httpStatus,
                               const QDateTime &nextAttemptAt)
{
    auto sealedError = m_store.cipher().sealText(kTable, e.id, kLastError, error);
    if (!sealedError)
        return sealedError.error();
    return check(m_store.db().exec(
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                       "last_http_status = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? "
                       "AND state = 'pending'"),
        {sealedOrNull(sealedError.value()), httpStatus ? QVariant(httpStatus) : QVariant(),
         TimeText::utc(nextAttemptAt), TimeText::utcNow(), e.id}));
}

Result<void> Outbox::markRejected(const Entry &e, const QString &reason, int httpStatus)
{
    const FieldCipher &cipher = m_store.cipher();
    return m_store.db().transaction([&]() -> Result<void> {
        const QString now = TimeText::utcNow();
        auto sealedReason = cipher.sealText(kTable, e.id, kRejectedReason, reason);
        if (!sealedReason)
            return sealedReason.error();
        auto sealedError = cipher.sealText(kTable, e.id, kLastError, reason);
        if (!sealedError)
            return sealedError.error();
        if (auto r = check(m_store.db().exec(
                QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = attempts + 1, "
                               "rejected_reason = ?, last_error = ?, last_http_status = ?, "
                               "updated_at = ? WHERE id = ?"),
                {sealedOrNull(sealedReason.value()), sealedOrNull(sealedError.value()),
                 httpStatus ? QVariant(httpStatus) : QVariant(), now, e.id}));
            !r)
            return r;
        if (e.kind != Kind::Visit)
            return {};
        // Messages waiting for this visit can never be delivered. Each reason is sealed to its
        // own row, so they are refused one by one.
        auto waiting = m_store.db().exec(
            QStringLiteral("SELECT id FROM outbox WHERE visit_id = ? AND kind <> 'visit' AND "
                           "state = 'pending'"),
            {e.visitId});
        if (!waiting)
            return waiting.error();
        while (waiting->next()) {
            const QString id = waiting->value(0).toString();
            auto sealed = cipher.sealText(kTable, id, kRejectedReason, kVisitRefused);
            if (!sealed)
                return sealed.error();
            if (auto r = check(m_store.db().exec(
                    QStringLiteral("UPDATE outbox SET state = 'rejected', rejected_reason = ?, "
                                   "updated_at = ? WHERE id = ? AND state = 'pending'"),
                    {sealed.value(), now, id}));
                !r)
                return r;
        }
        // VisitStateMachine::refused: only a visit still Queued becomes Rejected.
        VisitRepository visits(m_store);
        auto move = localMove(visits, e.visitId, &VisitStateMachine::refused);
        if (!move)
            return move.error();
        if (!move.value())
            return {};
        VisitRepository::Change change = *move.value();
        change.rejectedReason = reason;
        change.updatedAt = now;
        return check(visits.update(e.visitId, change));
    });
}

} // namespace clinicdesk
