#include "SandboxStore.h"

#include "SandboxSchema.h"

#include "crypto/Crypto.h"
#include "keys/KeyProvider.h"
#include "store/StoreKeyOpener.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

namespace clinicdesk {
namespace {

const QString kVisitColumns = QStringLiteral(
    "master_id, visit_id, phone_bidx, visit_type, visit_status, resolved_status, outcome,"
    " decision, decide_at, awaiting_reply, created_at, updated_at, create_requests, request,"
    " resolved_at, id_status, photos_required, rx_changes");

const QString kWebhookColumns =
    QStringLiteral("seq, id, master_id, event, body, attempts, next_at, delivered_at, last_status");

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QString::fromLatin1(crypto::randomBytes(12).toHex());
}

Result<void> check(const Result<QSqlQuery> &q)
{
    if (!q)
        return q.error();
    return {};
}

} // namespace

const QList<Migration> &SandboxStore::migrations()
{
    return SandboxSchema::migrations();
}

Result<std::unique_ptr<SandboxStore>> SandboxStore::open(const QString &dataDir, KeyProvider &keys)
{
    auto db = Database::openSqlite(QDir(dataDir).filePath(QStringLiteral("sandbox.db")));
    if (!db)
        return db.error();
    auto store = std::unique_ptr<SandboxStore>(new SandboxStore);
    store->m_db = std::move(db).value();
    if (auto r = store->m_db->migrate(migrations()); !r)
        return r.error();
    if (auto r = store->loadOrCreateKeys(keys); !r)
        return r.error();
    return store;
}

Result<void> SandboxStore::loadOrCreateKeys(KeyProvider &keys)
{
    auto opened = StoreKeyOpener::open(
        *m_db, keys,
        {QStringLiteral("the sandbox store"),
         QStringLiteral("sandbox-") + QString::fromLatin1(crypto::randomBytes(8).toHex()),
         QByteArrayLiteral("clinicdesk-sandbox key check"),
         {}});
    if (!opened)
        return opened.error();
    m_cipher = opened->cipher;
    const KeyRing &ring = m_cipher.ring();
    m_blindIndex = BlindIndex(ring.key(ring.ids().first()));
    return {};
}

QByteArray SandboxStore::phoneIndex(const QString &phone) const
{
    return m_blindIndex.phone(phone);
}

Result<QByteArray> SandboxStore::seal(const QString &table, const QString &rowId,
                                      const QString &column, const QByteArray &plain) const
{
    return m_cipher.seal(table, rowId, column, plain);
}

Result<QByteArray> SandboxStore::open(const QString &table, const QString &rowId,
                                      const QString &column, const QByteArray &sealed) const
{
    return m_cipher.open(table, rowId, column, sealed);
}

Result<SandboxStore::Visit> SandboxStore::readVisit(const QSqlQuery &q) const
{
    Visit v;
    v.masterId = q.value(0).toString();
    v.visitId = q.value(1).toString();
    v.visitType = q.value(3).toString();
    v.visitStatus = q.value(4).toString();
    v.resolvedStatus = q.value(5).toString();
    v.outcome = q.value(6).toString();
    v.decision = q.value(7).toString();
    v.decideAtMs = q.value(8).toLongLong();
    v.awaitingReply = q.value(9).toInt() != 0;
    v.createdAtMs = q.value(10).toLongLong();
    v.updatedAtMs = q.value(11).toLongLong();
    v.createRequests = q.value(12).toInt();
    auto request = open(QStringLiteral("visits"), v.masterId, QStringLiteral("request"),
                        q.value(13).toByteArray());
    if (!request)
        return request.error();
    v.request = QJsonDocument::fromJson(request.value()).object();
    v.resolvedAtMs = q.value(14).toLongLong();
    v.idStatus = q.value(15).toString();
    v.photosRequired = q.value(16).toInt() != 0;
    v.rxChanges = q.value(17).toInt();
    v.phone = v.request.value(QLatin1String("formObj"))
                  .toObject()
                  .value(QLatin1String("phone"))
                  .toString();
    return v;
}

Result<QList<SandboxStore::Visit>> SandboxStore::readVisits(QSqlQuery &q) const
{
    QList<Visit> all;
    while (q.next()) {
        auto v = readVisit(q);
        if (!v)
            return v.error();
        all << v.value();
    }
    return all;
}

Result<std::optional<SandboxStore::Visit>> SandboxStore::visit(const QString &masterId)
{
    auto q = m_db->exec(
        QStringLiteral("SELECT %1 FROM visits WHERE master_id = ?").arg(kVisitColumns), {masterId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Visit>();
    auto v = readVisit(q.value());
    if (!v)
        return v.error();
    return std::optional<Visit>(v.value());
}

Result<std::optional<SandboxStore::Visit>> SandboxStore::visitByVisitId(const QString &visitId)
{
    auto q =
        m_db->exec(QStringLiteral("SELECT master_id FROM visits WHERE visit_id = ?"), {visitId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Visit>();
    return visit(q->value(0).toString());
}

Result<QList<SandboxStore::Visit>> SandboxStore::visits()
{
    auto q = m_db->exec(
        QStringLiteral("SELECT %1 FROM visits ORDER BY created_at, master_id").arg(kVisitColumns));
    if (!q)
        return q.error();
    return readVisits(q.value());
}

Result<QList<SandboxStore::Visit>> SandboxStore::visitsOfPatient(const QString &phone)
{
    auto q = m_db->exec(QStringLiteral("SELECT %1 FROM visits WHERE phone_bidx = ? ORDER BY "
                                       "created_at")
                            .arg(kVisitColumns),
                        {phoneIndex(phone)});
    if (!q)
        return q.error();
    return readVisits(q.value());
}

Result<void> SandboxStore::countCreateRequest(const QString &masterId)
{
    return check(m_db->exec(QStringLiteral("UPDATE visits SET create_requests = create_requests + "
                                           "1 WHERE master_id = ?"),
                            {masterId}));
}

Result<void> SandboxStore::insertVisit(const Visit &v)
{
    auto request =
        seal(QStringLiteral("visits"), v.masterId, QStringLiteral("request"), compact(v.request));
    if (!request)
        return request.error();
    return check(m_db->exec(
        QStringLiteral("INSERT INTO visits (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?)")
            .arg(kVisitColumns),
        {v.masterId, v.visitId, phoneIndex(v.phone), v.visitType, v.visitStatus, v.resolvedStatus,
         v.outcome.isEmpty() ? QVariant() : QVariant(v.outcome),
         v.decision.isEmpty() ? QVariant() : QVariant(v.decision),
         v.decideAtMs ? QVariant(v.decideAtMs) : QVariant(), int(v.awaitingReply), v.createdAtMs,
         v.updatedAtMs, v.createRequests, request.value(),
         v.resolvedAtMs ? QVariant(v.resolvedAtMs) : QVariant(),
         v.idStatus.isNull() ? QStringLiteral("") : v.idStatus, int(v.photosRequired),
         v.rxChanges}));
}

Result<void> SandboxStore::updateVisit(const Visit &v)
{
    return check(m_db->exec(
        QStringLiteral("UPDATE visits SET visit_status = ?, resolved_status = ?, outcome = ?,"
                       " decision = ?, decide_at = ?, awaiting_reply = ?, updated_at = ?,"
                       " resolved_at = ?, id_status = ?, photos_required = ?, rx_changes = ?"
                       " WHERE master_id = ?"),
        {v.visitStatus, v.resolvedStatus, v.outcome.isEmpty() ? QVariant() : QVariant(v.outcome),
         v.decision.isEmpty() ? QVariant() : QVariant(v.decision),
         v.decideAtMs ? QVariant(v.decideAtMs) : QVariant(), int(v.awaitingReply), v.updatedAtMs,
         v.resolvedAtMs ? QVariant(v.resolvedAtMs) : QVariant(),
         v.idStatus.isNull() ? QStringLiteral("") : v.idStatus, int(v.photosRequired), v.rxChanges,
         v.masterId}));
}

Result<void> SandboxStore::updateRequest(const QString &masterId, const QJsonObject &request)
{
    auto sealed =
        seal(QStringLiteral("visits"), masterId, QStringLiteral("request"), compact(request));
    if (!sealed)
        return sealed.error();
    return check(m_db->exec(QStringLiteral("UPDATE visits SET request = ? WHERE master_id = ?"),
                            {sealed.value(), masterId}));
}

Result<int> SandboxStore::openVisitCount(const QString &phone, const QString &visitType)
{
    auto q = m_db->exec(QStringLiteral("SELECT COUNT(*) FROM visits WHERE phone_bidx = ? AND "
                                       "visit_type = ? AND resolved_status = 'open'"),
                        {phoneIndex(phone), visitType});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<QList<SandboxStore::Visit>> SandboxStore::dueDecisions(qint64 nowMs)
{
    auto q = m_db->exec(QStringLiteral("SELECT %1 FROM visits WHERE decide_at IS NOT NULL AND "
                                       "decide_at <= ? ORDER BY decide_at")
                            .arg(kVisitColumns),
                        {nowMs});
    if (!q)
        return q.error();
    return readVisits(q.value());
}

Result<void> SandboxStore::upsertPatient(const QJsonObject &formObj, qint64 nowMs)
{
    const QString id =
        QString::fromLatin1(phoneIndex(formObj.value(QLatin1String("phone")).toString()).toHex());
    auto sealed =
        seal(QStringLiteral("patients"), id, QStringLiteral("form_obj"), compact(formObj));
    if (!sealed)
        return sealed.error();
    return check(m_db->exec(
        QStringLiteral("INSERT INTO patients (id, form_obj, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET form_obj = excluded.form_obj, "
                       "updated_at = excluded.updated_at"),
        {id, sealed.value(), nowMs}));
}

Result<std::optional<QJsonObject>> SandboxStore::patient(const QString &phone)
{
    const QByteArray index = phoneIndex(phone);
    if (index.isEmpty())
        return std::optional<QJsonObject>();
    const QString id = QString::fromLatin1(index.toHex());
    auto q = m_db->exec(QStringLiteral("SELECT form_obj FROM patients WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QJsonObject>();
    auto plain =
        open(QStringLiteral("patients"), id, QStringLiteral("form_obj"), q->value(0).toByteArray());
    if (!plain)
        return plain.error();
    return std::optional<QJsonObject>(QJsonDocument::fromJson(plain.value()).object());
}

Result<void> SandboxStore::addMessage(const QString &masterId, const QString &direction,
                                      const QString &content, qint64 nowMs)
{
    const QString id = newId();
    auto sealed = seal(QStringLiteral("messages"), id, QStringLiteral("content"), content.toUtf8());
    if (!sealed)
        return sealed.error();
    return check(m_db->exec(QStringLiteral("INSERT INTO messages (id, master_id, direction, "
                                           "content, at) VALUES (?, ?, ?, ?, ?)"),
                            {id, masterId, direction, sealed.value(), nowMs}));
}

Result<int> SandboxStore::messageCount(const QString &masterId, const QString &direction)
{
    auto q = m_db->exec(
        QStringLiteral("SELECT COUNT(*) FROM messages WHERE master_id = ? AND direction = ?"),
        {masterId, direction});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<void> SandboxStore::addRx(const QString &masterId, const QJsonObject &rx, qint64 nowMs)
{
    const QString id = newId();
    auto sealed = seal(QStringLiteral("rx"), id, QStringLiteral("rx"), compact(rx));
    if (!sealed)
        return sealed.error();
    return check(
        m_db->exec(QStringLiteral("INSERT INTO rx (id, master_id, rx, at) VALUES (?, ?, ?, ?)"),
                   {id, masterId, sealed.value(), nowMs}));
}

Result<QList<QJsonObject>> SandboxStore::rxHistory(const QString &masterId)
{
    auto all = prescriptions(masterId);
    if (!all)
        return all.error();
    QList<QJsonObject> history;
    for (const Rx &rx : all.value())
        history << rx.rx;
    return history;
}

Result<QList<SandboxStore::Rx>> SandboxStore::prescriptions(const QString &masterId)
{
    auto q =
        m_db->exec(QStringLiteral("SELECT id, rx, at FROM rx WHERE master_id = ? ORDER BY at, id"),
                   {masterId});
    if (!q)
        return q.error();
    QList<Rx> all;
    while (q->next()) {
        Rx rx;
        rx.id = q->value(0).toString();
        auto plain =
            open(QStringLiteral("rx"), rx.id, QStringLiteral("rx"), q->value(1).toByteArray());
        if (!plain)
            return plain.error();
        rx.rx = QJsonDocument::fromJson(plain.value()).object();
        rx.atMs = q->value(2).toLongLong();
        all << rx;
    }
    return all;
}

Result<void> SandboxStore::enqueueWebhook(const QString &masterId, const QString &event,
                                          const QByteArray &body, qint64 nextAtMs)
{
    const QString id = QStringLiteral("msg_") +
                       QString::fromLatin1(crypto::randomBytes(18).toBase64(
                           QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    auto sealed = seal(QStringLiteral("webhooks"), id, QStringLiteral("body"), body);
    if (!sealed)
        return sealed.error();
    return check(m_db->exec(QStringLiteral("INSERT INTO webhooks (id, master_id, event, body, "
                                           "next_at) VALUES (?, ?, ?, ?, ?)"),
                            {id, masterId, event, sealed.value(), nextAtMs}));
}

Result<QList<SandboxStore::Webhook>> SandboxStore::readWebhooks(QSqlQuery &q) const
{
    QList<Webhook> all;
    while (q.next()) {
        Webhook w;
        w.seq = q.value(0).toLongLong();
        w.id = q.value(1).toString();
        w.masterId = q.value(2).toString();
        w.event = q.value(3).toString();
        auto body = open(QStringLiteral("webhooks"), w.id, QStringLiteral("body"),
                         q.value(4).toByteArray());
        if (!body)
            return body.error();
        w.body = body.value();
        w.attempts = q.value(5).toInt();
        w.nextAtMs = q.value(6).toLongLong();
        w.deliveredAtMs = q.value(7).toLongLong();
        w.lastStatus = q.value(8).toInt();
        all << w;
    }
    return all;
}

Result<QList<SandboxStore::Webhook>> SandboxStore::dueWebhooks(qint64 nowMs, int limit,
                                                               bool inOrder)
{
    // In order: only the oldest undelivered event, when it is due (first in, first out).
    auto q = inOrder ? m_db->exec(QStringLiteral("SELECT * FROM (SELECT %1 FROM webhooks WHERE "
                                                 "delivered_at IS NULL ORDER BY seq LIMIT 1) "
                                                 "WHERE next_at <= ?")
                                      .arg(kWebhookColumns),
                                  {nowMs})
                     : m_db->exec(QStringLiteral("SELECT %1 FROM webhooks WHERE delivered_at IS "
                                                 "NULL AND next_at <= ? ORDER BY seq LIMIT ?")
                                      .arg(kWebhookColumns),
                                  {nowMs, limit});
    if (!q)
        return q.error();
    return readWebhooks(q.value());
}

Result<void> SandboxStore::markWebhook(qint64 seq, int attempts, int lastStatus, qint64 nextAtMs,
                                       bool delivered, qint64 nowMs)
{
    return check(m_db->exec(
        QStringLiteral("UPDATE webhooks SET attempts = ?, last_status = ?, "
                       "next_at = ?, delivered_at = ? WHERE seq = ?"),
        {attempts, lastStatus, nextAtMs, delivered ? QVariant(nowMs) : QVariant(), seq}));
}

Result<QList<SandboxStore::Webhook>> SandboxStore::webhooks()
{
    auto q =
        m_db->exec(QStringLiteral("SELECT %1 FROM webhooks ORDER BY seq").arg(kWebhookColumns));
    if (!q)
        return q.error();
    return readWebhooks(q.value());
}

} // namespace clinicdesk
