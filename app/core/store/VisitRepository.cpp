#include "store/VisitRepository.h"

#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "store/LocalStore.h"

#include <QJsonDocument>

namespace clinicdesk {
namespace {

const QString kTable = QStringLiteral("visits");
const QString kCreateBody = QStringLiteral("form_obj");
const QString kResponse = QStringLiteral("questionnaire_response");
const QString kRejectedReason = QStringLiteral("rejected_reason");

// Row's columns, in readRow()'s order.
const QString kColumns = QStringLiteral(
    "id, master_id, provider_visit_id, patient_id, visit_type, status, rx_status, created_by, "
    "created_at, updated_at, provider_checked_at");

// The board's columns (BoardColumns' order), all in the visits_board index.
const QString kBoardColumns =
    QStringLiteral("id, patient_id, visit_type, status, rx_status, created_by, created_at, "
                   "updated_at, waiting_for_patient_since");

// CareColumns' order, all in the visits_care index.
const QString kCareColumns =
    QStringLiteral("id, patient_id, visit_type, status, created_at, resolved_at, rx_written_at, "
                   "rx_months, rx_months_total");

// The first time a visit is Prescribed is its resolution, and the first time its prescription
// track leaves None its first prescription (which counts its months): both kept once set. Bound
// by careMarkValues(). SQLite reads the old row on the right of every assignment, so
// rx_months_total sees the old rx_written_at.
const QString kCareMarks = QStringLiteral(
    "resolved_at = CASE WHEN resolved_at IS NULL AND ? = 'Prescribed' THEN ?"
    " ELSE resolved_at END,"
    " rx_months_total = CASE WHEN rx_written_at IS NULL AND ? <> 'None' THEN rx_months"
    " ELSE rx_months_total END,"
    " rx_written_at = CASE WHEN rx_written_at IS NULL AND ? <> 'None' THEN ?"
    " ELSE rx_written_at END");

QVariantList careMarkValues(const QString &status, const QString &rx, const QString &at)
{
    return {status, at, rx, rx, at};
}

QVariant textOrNull(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

void parseState(const QVariant &status, const QVariant &rx, VisitRepository::Row *row)
{
    row->statusKnown = VisitStateMachine::parse(status.toString(), &row->state.status);
    row->rxKnown = VisitStateMachine::parse(rx.toString(), &row->state.rx);
}

VisitRepository::Row readRow(const QSqlQuery &q)
{
    VisitRepository::Row r;
    r.id = q.value(0).toString();
    r.masterId = q.value(1).toString();
    r.providerVisitId = q.value(2).toString();
    r.patientId = q.value(3).toString();
    r.visitType = q.value(4).toString();
    parseState(q.value(5), q.value(6), &r);
    r.createdBy = q.value(7).toString();
    r.createdAt = q.value(8).toString();
    r.updatedAt = q.value(9).toString();
    r.providerCheckedAt = q.value(10).toString();
    return r;
}

} // namespace

Result<void> VisitRepository::insert(const NewVisit &v)
{
    const FieldCipher &cipher = m_store.cipher();
    auto body = cipher.seal(kTable, v.id, kCreateBody,
                            QJsonDocument(v.createBody).toJson(QJsonDocument::Compact));
    if (!body)
        return body.error();
    auto response =
        cipher.seal(kTable, v.id, kResponse,
                    QJsonDocument(v.questionnaireResponse).toJson(QJsonDocument::Compact));
    if (!response)
        return response.error();
    auto ins = m_store.db().exec(
        QStringLiteral("INSERT INTO visits (id, master_id, patient_id, visit_type, status, "
                       "form_obj, questionnaire_response, created_by, created_at, "
                       "updated_at, rx_months) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {v.id, v.masterId, v.patientId, v.visitType,
         VisitStateMachine::name(VisitStateMachine::Status::Queued), body.value(), response.value(),
         v.createdBy, v.createdAt, v.createdAt, v.rxMonths});
    if (!ins)
        return ins.error();
    return {};
}

Result<QList<VisitRepository::Row>> VisitRepository::select(const QString &where,
                                                            const QVariantList &values)
{
    auto q =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM visits %2").arg(kColumns, where), values);
    if (!q)
        return q.error();
    QList<Row> rows;
    while (q->next())
        rows << readRow(q.value());
    return rows;
}

Result<std::optional<VisitRepository::Row>> VisitRepository::find(const QString &id)
{
    auto rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Row>() : std::optional<Row>(rows->first());
}

Result<std::optional<VisitRepository::Row>> VisitRepository::findByMasterId(const QString &masterId)
{
    auto rows = select(QStringLiteral("WHERE master_id = ?"), {masterId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Row>() : std::optional<Row>(rows->first());
}

Result<QList<VisitRepository::Row>> VisitRepository::all()
{
    return select(QStringLiteral("ORDER BY created_at"), {});
}

Result<QStringList> VisitRepository::queuedWithoutOutboxEntry()
{
    auto q = m_store.db().exec(
        QStringLiteral("SELECT v.id FROM visits v WHERE v.status = ? AND NOT EXISTS "
                       "(SELECT 1 FROM outbox o WHERE o.visit_id = v.id AND o.kind = 'visit') "
                       "ORDER BY v.created_at"),
        {VisitStateMachine::name(Status::Queued)});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<QList<VisitRepository::Row>> VisitRepository::silentSince(const QString &cutoff, int limit)
{
    return select(QStringLiteral("WHERE status IN (?, ?) AND COALESCE(provider_checked_at, "
                                 "updated_at) <= ? ORDER BY COALESCE(provider_checked_at, "
                                 "updated_at) LIMIT ?"),
                  {VisitStateMachine::name(Status::Submitted),
                   VisitStateMachine::name(Status::NeedsInfo), cutoff, limit});
}

Result<bool> VisitRepository::update(const QString &id, const Change &change)
{
    QStringList assignments;
    QVariantList values;
    auto set = [&](const char *column, const QVariant &value) {
        assignments << QLatin1String(column) + QStringLiteral(" = ?");
        values << value;
    };
    if (change.status)
        set("status", VisitStateMachine::name(*change.status));
    if (change.rx)
        set("rx_status", VisitStateMachine::name(*change.rx));
    if (change.providerVisitId)
        set("provider_visit_id", textOrNull(*change.providerVisitId));
    if (change.rejectedReason) {
        auto sealed =
            m_store.cipher().sealText(kTable, id, kRejectedReason, *change.rejectedReason);
        if (!sealed)
            return sealed.error();
        set("rejected_reason", sealed->isNull() ? QVariant(QMetaType::fromType<QByteArray>())
                                                : QVariant(sealed.value()));
    }
    if (change.providerCheckedAt)
        set("provider_checked_at", *change.providerCheckedAt);
    if (change.waitingForPatientSince)
        set("waiting_for_patient_since", textOrNull(*change.waitingForPatientSince));
    if (change.updatedAt)
        set("updated_at", *change.updatedAt);
    if (assignments.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a visit update changes nothing"));
    if (change.status || change.rx) {
        // Resolution and first prescription, as the relay's Batch records them.
        assignments << kCareMarks;
        values << careMarkValues(
            change.status ? VisitStateMachine::name(*change.status) : QString(),
            change.rx ? VisitStateMachine::name(*change.rx) : QStringLiteral("None"),
            change.updatedAt ? *change.updatedAt : TimeText::utcNow());
    }
    QString sql = QStringLiteral("UPDATE visits SET %1 WHERE id = ?")
                      .arg(assignments.join(QStringLiteral(", ")));
    values << id;
    if (change.from) {
        sql += QStringLiteral(" AND status = ?");
        values << VisitStateMachine::name(*change.from);
    }
    auto q = m_store.db().exec(sql, values);
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<std::optional<QByteArray>> VisitRepository::openSealed(const QString &id,
                                                              const QString &column)
{
    auto q =
        m_store.db().exec(QStringLiteral("SELECT %1 FROM visits WHERE id = ?").arg(column), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no visit %1").arg(id));
    if (q->value(0).isNull())
        return std::optional<QByteArray>();
    auto plain = m_store.cipher().open(kTable, id, column, q->value(0).toByteArray());
    if (!plain)
        return plain.error();
    return std::optional<QByteArray>(std::move(plain).value());
}

Result<QByteArray> VisitRepository::openCreateBody(const QString &id)
{
    auto plain = openSealed(id, kCreateBody);
    if (!plain)
        return plain.error();
    return plain->value_or(QByteArray()); // NOT NULL in the schema
}

Result<std::optional<QByteArray>> VisitRepository::openQuestionnaireResponse(const QString &id)
{
    return openSealed(id, kResponse);
}

Result<QString> VisitRepository::openRejectedReason(const QString &id)
{
    auto plain = openSealed(id, kRejectedReason);
    if (!plain)
        return plain.error();
    if (!plain->has_value())
        return QString();
    QString text = QString::fromUtf8(**plain);
    crypto::wipe(**plain);
    return text;
}

Result<void> VisitRepository::replaceCreateBody(const QString &id, const QJsonObject &body)
{
    QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto sealed = m_store.cipher().seal(kTable, id, kCreateBody, json);
    crypto::wipe(json);
    if (!sealed)
        return sealed.error();
    auto u = m_store.db().exec(QStringLiteral("UPDATE visits SET form_obj = ? WHERE id = ?"),
                               {*sealed, id});
    if (!u)
        return u.error();
    return {};
}

Result<void> VisitRepository::scanBoard(const QStringList &ids, const BoardVisitor &visit)
{
    QString sql = QStringLiteral("SELECT %1 FROM visits").arg(kBoardColumns);
    QVariantList values;
    if (!ids.isEmpty()) {
        sql += QStringLiteral(" WHERE id IN (%1)")
                   .arg(QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        for (const QString &id : ids)
            values << id;
    }
    return m_store.db().scan(sql, values, [&](const QList<QByteArrayView> &c) {
        return visit(BoardColumns{c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
    });
}

int VisitRepository::monthsOfSupply(int daysSupply)
{
    return daysSupply >= 84 ? 3 : 1;
}

Result<void> VisitRepository::scanCare(const QStringList &visitTypes, const CareVisitor &visit)
{
    if (visitTypes.isEmpty())
        return {};
    const QString sql =
        QStringLiteral("SELECT %1 FROM visits WHERE visit_type IN (%2)")
            .arg(kCareColumns,
                 QStringList(visitTypes.size(), QStringLiteral("?")).join(QLatin1Char(',')));
    QVariantList values;
    for (const QString &type : visitTypes)
        values << type;
    return m_store.db().scan(sql, values, [&](const QList<QByteArrayView> &c) {
        return visit(CareColumns{c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]});
    });
}

Result<bool> VisitRepository::recordPrescription(const QString &id, const QString &writtenAt,
                                                 int months)
{
    auto q = m_store.db().exec(
        QStringLiteral("UPDATE visits SET rx_written_at = ?, rx_months = ?, "
                       "rx_months_total = rx_months_total + ?, updated_at = ? WHERE id = ?"),
        {writtenAt, months, months, writtenAt, id});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

VisitRepository::Batch::Batch(Database &db)
    : m_find(db.handle())
    , m_update(db.handle())
{}

Result<void> VisitRepository::Batch::prepare()
{
    if (auto r = Database::prepare(
            m_find,
            QStringLiteral(
                "SELECT id, status, rx_status, patient_id FROM visits WHERE master_id = ?"));
        !r)
        return r;
    return Database::prepare(m_update,
                             QStringLiteral("UPDATE visits SET status = ?, rx_status = ?, "
                                            "updated_at = ?, %1 WHERE id = ?")
                                 .arg(kCareMarks));
}

Result<std::optional<VisitRepository::Row>>
VisitRepository::Batch::findByMasterId(const QString &masterId)
{
    if (auto r = Database::run(m_find, {masterId}); !r)
        return r.error();
    if (!m_find.next()) {
        m_find.finish();
        return std::optional<Row>();
    }
    Row row;
    row.id = m_find.value(0).toString();
    row.masterId = masterId;
    parseState(m_find.value(1), m_find.value(2), &row);
    row.patientId = m_find.value(3).toString();
    m_find.finish();
    return std::optional<Row>(std::move(row));
}

Result<void> VisitRepository::Batch::setState(const QString &id, VisitStateMachine::State state,
                                              const QString &updatedAt)
{
    const QString status = VisitStateMachine::name(state.status);
    const QString rx = VisitStateMachine::name(state.rx);
    return Database::run(m_update, QVariantList{status, rx, updatedAt} +
                                       careMarkValues(status, rx, updatedAt) + QVariantList{id});
}

} // namespace clinicdesk
