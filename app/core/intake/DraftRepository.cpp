#include "intake/DraftRepository.h"

#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "store/LocalStore.h"

#include <QJsonDocument>
#include <QUuid>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("drafts");
const QString kPayload = QStringLiteral("payload");
const QString kSelect =
    QStringLiteral("SELECT id, patient_id, visit_type, questionnaire, owner_user, "
                   "page, completion, payload, created_at, updated_at, version FROM drafts");

Result<Draft> decode(const FieldCipher &cipher, const QSqlQuery &row)
{
    Draft d;
    d.id = row.value(0).toString();
    d.patientId = row.value(1).toString();
    d.visitType = row.value(2).toString();
    d.questionnaire = row.value(3).toString();
    d.ownerUser = row.value(4).toString();
    d.page = row.value(5).toInt();
    d.completion = row.value(6).toInt();
    auto plain = cipher.open(kTable, d.id, kPayload, row.value(7).toByteArray());
    if (!plain)
        return plain.error();
    d.answers = QJsonDocument::fromJson(plain.value()).object();
    d.createdAt = QDateTime::fromString(row.value(8).toString(), Qt::ISODateWithMs);
    d.updatedAt = QDateTime::fromString(row.value(9).toString(), Qt::ISODateWithMs);
    d.version = row.value(10).toLongLong();
    return d;
}

} // namespace

Result<QString> DraftRepository::save(const Draft &draft)
{
    return save(m_store.db(), m_store.cipher(), draft);
}

Result<QString> DraftRepository::save(Database &db, const FieldCipher &cipher, const Draft &draft,
                                      qint64 *savedVersion)
{
    const QString id =
        draft.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : draft.id;
    QByteArray json = QJsonDocument(draft.answers).toJson(QJsonDocument::Compact);
    auto sealed = cipher.seal(kTable, id, kPayload, json);
    crypto::wipe(json);
    if (!sealed)
        return sealed.error();
    const QString now = TimeText::utcNow();
    const QString created = draft.createdAt.isValid() ? TimeText::utc(draft.createdAt) : now;
    // One upsert (not DELETE + INSERT): autosave runs this for every change, and with
    // secure_delete a delete rewrites pages (see bench_autosave). A draft read from the store
    // (version > 0) replaces only that version: if another workstation saved it meanwhile (its
    // lease had expired), nothing is written and the caller hears of the conflict.
    QString sql =
        QStringLiteral("INSERT INTO drafts (id, patient_id, visit_type, questionnaire, owner_user, "
                       "page, completion, payload, created_at, updated_at, version) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                       "ON CONFLICT (id) DO UPDATE SET patient_id = excluded.patient_id, "
                       "visit_type = excluded.visit_type, questionnaire = excluded.questionnaire, "
                       "owner_user = excluded.owner_user, page = excluded.page, "
                       "completion = excluded.completion, payload = excluded.payload, "
                       "updated_at = excluded.updated_at, version = drafts.version + 1");
    QVariantList values = {id,
                           draft.patientId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                     : draft.patientId,
                           draft.visitType,
                           draft.questionnaire,
                           draft.ownerUser,
                           draft.page,
                           draft.completion,
                           sealed.value(),
                           created,
                           now};
    if (draft.version > 0) {
        sql += QStringLiteral(" WHERE drafts.version = ?");
        values << draft.version;
    }
    auto r = db.exec(sql + QStringLiteral(" RETURNING version"), values);
    if (!r)
        return r.error();
    if (!r->next())
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("the draft was changed at another workstation since it "
                                        "was opened here; these changes were not saved"));
    if (savedVersion)
        *savedVersion = r->value(0).toLongLong();
    return id;
}

Result<Draft> DraftRepository::get(const QString &id)
{
    auto row = m_store.db().exec(kSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!row)
        return row.error();
    if (!row->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no draft with id %1").arg(id));
    return decode(m_store.cipher(), row.value());
}

Result<QList<Draft>> DraftRepository::list()
{
    auto rows = m_store.db().exec(kSelect + QStringLiteral(" ORDER BY updated_at DESC"));
    if (!rows)
        return rows.error();
    QList<Draft> out;
    while (rows->next()) {
        auto d = decode(m_store.cipher(), rows.value());
        if (!d)
            return d.error();
        out << d.value();
    }
    return out;
}

Result<void> DraftRepository::reassign(const QString &id, const QString &ownerUser)
{
    if (ownerUser.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no user to hand the draft to"));
    auto r = m_store.db().exec(QStringLiteral("UPDATE drafts SET owner_user = ? WHERE id = ?"),
                               {ownerUser, id});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("no draft with id %1").arg(id));
    return {};
}

Result<void> DraftRepository::remove(const QString &id)
{
    auto r = m_store.db().exec(QStringLiteral("DELETE FROM drafts WHERE id = ?"), {id});
    if (!r)
        return r.error();
    if (r->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("no draft with id %1").arg(id));
    return {};
}

} // namespace clinicdesk
