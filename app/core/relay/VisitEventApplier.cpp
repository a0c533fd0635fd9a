#include "relay/VisitEventApplier.h"

#include "base/Logging.h"
#include "base/TestSeam.h"
#include "base/TimeText.h"
#include "crypto/Crypto.h"
#include "domain/PatientNotice.h"
#include "domain/VisitStateMachine.h"
#include "store/LabOrderRepository.h"
#include "store/NotificationRepository.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

#include <map>

namespace clinicdesk {
namespace {

const QString kTimeline = QStringLiteral("visit_events");
const QString kPending = QStringLiteral("pending_events");
const QString kQuarantine = QStringLiteral("quarantined_events");
const QString kPayload = QStringLiteral("payload");

} // namespace

// One visit as a batch sees it: read once, written once at the end (Statements::flushVisits).
struct VisitEventApplier::CachedVisit
{
    QString id;
    QString patientId;
    VisitStateMachine::State state;  // as the events have moved it
    VisitStateMachine::State stored; // as in the table
    // A status this class does not know (set by a newer console) counts as Queued; it is
    // replaced by the first event that touches the visit.
    bool storedKnown = true;
    bool touched = false;

    bool needsWrite() const { return !(state == stored) || (touched && !storedKnown); }
};

// The batch's statements, prepared once and bound per event (a batch holds hundreds).
class VisitEventApplier::Statements
{
public:
    Statements(Database &db, const FieldCipher &cipher)
        : recordProcessed(db.handle())
        , insertTimeline(db.handle())
        , insertPending(db.handle())
        , insertQuarantine(db.handle())
        , visitRows(db)
        , notifications(db, cipher)
    {}

    Result<void> prepare()
    {
        const std::pair<QSqlQuery *, QString> all[] = {
            {&recordProcessed,
             QStringLiteral("INSERT INTO processed_events (id, inbox_cursor, outcome, "
                            "processed_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")},
            {&insertTimeline,
             QStringLiteral("INSERT INTO visit_events (id, visit_id, inbox_cursor, event_type, "
                            "received_at, applied_at, status_after, rx_status_after, payload) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")},
            {&insertPending,
             QStringLiteral("INSERT INTO pending_events (id, master_id, inbox_cursor, event_type, "
                            "received_at, payload) VALUES (?, ?, ?, ?, ?, ?)")},
            {&insertQuarantine,
             QStringLiteral("INSERT INTO quarantined_events (id, inbox_cursor, reason, "
                            "quarantined_at, payload) VALUES (?, ?, ?, ?, ?)")},
        };
        for (const auto &[query, sql] : all) {
            if (auto r = Database::prepare(*query, sql); !r)
                return r;
        }
        if (auto r = notifications.prepare(); !r)
            return r;
        return visitRows.prepare();
    }

    static Result<void> run(QSqlQuery &query, const QVariantList &values)
    {
        return Database::run(query, values);
    }

    Result<CachedVisit *> visit(const QString &masterId)
    {
        if (auto it = visits.find(masterId); it != visits.end())
            return &it->second;
        auto row = visitRows.findByMasterId(masterId);
        if (!row)
            return row.error();
        if (!row.value())
            return static_cast<CachedVisit *>(nullptr);
        CachedVisit v;
        v.id = row.value()->id;
        v.patientId = row.value()->patientId;
        v.state = v.stored = row.value()->state;
        v.storedKnown = row.value()->statusKnown && row.value()->rxKnown;
        return &visits.emplace(masterId, std::move(v)).first->second;
    }

    Result<void> flushVisits()
    {
        const QString now = TimeText::utcNow();
        for (auto &[masterId, v] : visits) {
            if (!v.needsWrite())
                continue;
            if (auto r = visitRows.setState(v.id, v.state, now); !r)
                return r;
            v.stored = v.state;
            v.storedKnown = true;
        }
        return {};
    }

    QSqlQuery recordProcessed, insertTimeline, insertPending, insertQuarantine;
    VisitRepository::Batch visitRows; // the visits table is VisitRepository's
    // Messages to the patient, in the event's transaction (issue 17: the outbox).
    NotificationRepository::Batch notifications;
    // Node-based: a pointer handed out by visit() stays valid while others are added.
    std::map<QString, CachedVisit> visits;
    using CachedVisitPtr = CachedVisit *;
    const QString now = TimeText::utcNow(); // one timestamp per batch
};

VisitEventApplier::VisitEventApplier(LocalStore &store)
    : m_store(store)
{}

QString VisitEventApplier::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Applied:
        return QStringLiteral("applied");
    case Outcome::Duplicate:
        return QStringLiteral("duplicate");
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Quarantined:
        return QStringLiteral("quarantined");
    }
    return QString();
}

Result<VisitEventApplier::Report> VisitEventApplier::applyBatch(const QList<QJsonObject> &events)
{
    Report report;
    // Synced: the relay commits its cursor at the inbox next, after which the inbox may purge
    // these events; a power cut must not take the batch back.
    auto result = m_store.db().transaction(
        [&]() -> Result<void> {
            Statements statements(m_store.db(), m_store.cipher());
            if (auto r = statements.prepare(); !r)
                return r;
            for (qsizetype i = 0; i < events.size(); ++i) {
                if (i == events.size() / 2 && i > 0)
                    testseam::pauseAt("relay-mid-batch");
                auto outcome = applyOne(statements, events[i], report);
                if (!outcome)
                    return outcome.error();
            }
            return statements.flushVisits();
        },
        Database::Durability::Synced);
    if (!result)
        return result.error();
    report.changedVisits.removeDuplicates();
    return report;
}

Result<VisitEventApplier::Outcome>
VisitEventApplier::applyOne(Statements &statements, const QJsonObject &object, Report &report)
{
    const FieldCipher &cipher = m_store.cipher();
    const qint64 cursor = qint64(object.value(QLatin1String("cursor")).toDouble());
    auto parsed = VisitEvent::fromInboxEvent(object);
    QString key;
    if (parsed) {
        key = parsed->key();
    } else {
        const QString id = object.value(QLatin1String("id")).toString();
        const QString provider = object.value(QLatin1String("provider")).toString();
        key = !id.isEmpty() && !provider.isEmpty() && id.size() + provider.size() < 400
                  ? provider + QLatin1Char(':') + id
                  : QStringLiteral("unidentified:") +
                        QString::fromLatin1(
                            crypto::sha256(QJsonDocument(object).toJson(QJsonDocument::Compact))
                                .toHex());
    }

    // The processed-event record goes first: a conflict on its key is a redelivery, and then
    // nothing else is written (one statement instead of a look-up plus an insert).
    Statements::CachedVisitPtr visit = nullptr;
    Outcome outcome = Outcome::Quarantined;
    if (parsed) {
        auto found = statements.visit(parsed->masterId);
        if (!found)
            return found.error();
        visit = found.value();
        outcome = visit ? Outcome::Applied : Outcome::Pending;
    }
    if (auto r = Statements::run(statements.recordProcessed,
                                 {key, cursor, outcomeName(outcome), statements.now});
        !r)
        return r.error();
    if (statements.recordProcessed.numRowsAffected() == 0) {
        ++report.duplicates;
        return Outcome::Duplicate;
    }

    if (!parsed) {
        const QByteArray raw = QJsonDocument(object).toJson(QJsonDocument::Compact);
        auto sealed = cipher.seal(kQuarantine, key, kPayload, raw);
        if (!sealed)
            return sealed.error();
        if (auto r =
                Statements::run(statements.insertQuarantine,
                                {key, cursor, parsed.error().message, statements.now, *sealed});
            !r)
            return r.error();
        ++report.quarantined;
        qCWarning(lcRelay) << "event at cursor" << cursor
                           << "quarantined:" << parsed.error().message;
    } else if (visit) {
        if (auto r = applyToVisit(statements, parsed.value(), *visit, report); !r)
            return r.error();
        ++report.applied;
    } else {
        const VisitEvent &event = parsed.value();
        const QByteArray raw = QJsonDocument(event.payload).toJson(QJsonDocument::Compact);
        auto sealed = cipher.seal(kPending, key, kPayload, raw);
        if (!sealed)
            return sealed.error();
        if (auto r = Statements::run(
                statements.insertPending,
                {key, event.masterId, event.cursor, event.typeName(), event.receivedAt, *sealed});
            !r)
            return r.error();
        ++report.pending;
    }
    return outcome;
}

Result<void> VisitEventApplier::applyToVisit(Statements &statements, const VisitEvent &event,
                                             CachedVisit &visit, Report &report)
{
    // An unknown stored status counts as Queued (CachedVisit): the join then only ever raises it
    // to a state the events prove.
    const VisitStateMachine::State next = VisitStateMachine::apply(visit.state, event);
    const QString statusAfter = VisitStateMachine::name(next.status);
    const QString rxAfter = VisitStateMachine::name(next.rx);
    QJsonObject payload = event.payload;
    if (event.type == VisitEvent::Type::NameUpdate) {
        if (auto r = applyNameUpdate(visit.patientId, payload); !r)
            return r;
    }
    if (event.isLab()) {
        // The order's row, and the requisition PDF sealed in it: the timeline keeps only its
        // size, so the PDF is stored once.
        LabOrderRepository labs(m_store.db(), m_store.cipher());
        if (auto r = labs.record(visit.id, event, statements.now); !r)
            return r;
        if (payload.contains(QLatin1String("labReqPdf"))) {
            payload.remove(QStringLiteral("labReqPdf"));
            payload.insert(QStringLiteral("labReqPdfBytes"), double(event.labPdf.size()));
        }
    }
    const QByteArray raw = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    auto sealed = m_store.cipher().seal(kTimeline, event.key(), kPayload, raw);
    if (!sealed)
        return sealed.error();
    if (auto r = Statements::run(statements.insertTimeline,
                                 {event.key(), visit.id, event.cursor, event.typeName(),
                                  event.receivedAt, statements.now, statusAfter, rxAfter, *sealed});
        !r)
        return r;
    if (const auto notice =
            PatientNotice::forEvent(event, next.status == VisitStateMachine::Status::NeedsInfo)) {
        if (auto r = statements.notifications.enqueue(visit.id, visit.patientId, event.key(),
                                                      *notice, statements.now);
            !r)
            return r.error();
    }
    visit.state = next;
    visit.touched = true;
    report.changedVisits.append(visit.id);
    return {};
}

// NAME_UPDATE: the provider now holds this name for the patient, so the patient record takes it
// (in the batch's transaction). The name it replaces is added to the timeline entry's sealed
// payload (previousFirstName/previousLastName), so the visit record shows both. A payload without
// a name, or a name the patient already has, changes only the timeline.
Result<void> VisitEventApplier::applyNameUpdate(const QString &patientId, QJsonObject &payload)
{
    const QString first = payload.value(QLatin1String("firstName")).toString().trimmed();
    const QString last = payload.value(QLatin1String("lastName")).toString().trimmed();
    if (patientId.isEmpty() || (first.isEmpty() && last.isEmpty()))
        return {};
    PatientRepository patients(m_store);
    auto patient = patients.get(patientId);
    if (!patient)
        return patient.error();
    Patient p = std::move(patient).value();
    const QString newFirst = first.isEmpty() ? p.firstName : first;
    const QString newLast = last.isEmpty() ? p.lastName : last;
    if (newFirst == p.firstName && newLast == p.lastName)
        return {};
    payload.insert(QStringLiteral("previousFirstName"), p.firstName);
    payload.insert(QStringLiteral("previousLastName"), p.lastName);
    p.firstName = newFirst;
    p.lastName = newLast;
    if (auto saved = patients.save(p); !saved)
        return saved.error();
    return {};
}

Result<VisitEventApplier::Report> VisitEventApplier::applyPending()
{
    Report report;
    Database &db = m_store.db();
    auto result = db.transaction([&]() -> Result<void> {
        auto rows = db.exec(QStringLiteral("SELECT id, inbox_cursor, received_at, payload, "
                                           "master_id FROM pending_events ORDER BY inbox_cursor"));
        if (!rows)
            return rows.error();
        struct Row
        {
            QString key;
            qint64 cursor;
            QString receivedAt;
            QByteArray payload;
            QString masterId;
        };
        QList<Row> found;
        while (rows->next())
            found.append(Row{rows->value(0).toString(), rows->value(1).toLongLong(),
                             rows->value(2).toString(), rows->value(3).toByteArray(),
                             rows->value(4).toString()});
        rows->finish();
        if (found.isEmpty())
            return {};
        Statements statements(db, m_store.cipher());
        if (auto r = statements.prepare(); !r)
            return r;
        for (const Row &row : std::as_const(found)) {
            // Still waiting for its visit: left pending, its payload not even opened.
            auto waiting = statements.visit(row.masterId);
            if (!waiting)
                return waiting.error();
            if (!waiting.value())
                continue;
            auto plain = m_store.cipher().open(kPending, row.key, kPayload, row.payload);
            if (!plain)
                return plain.error();
            auto body = VisitEvent::parseBody(plain.value());
            crypto::wipe(plain.value());
            auto event =
                body ? VisitEvent::fromPayload(body.value()) : Result<VisitEvent>(body.error());
            if (!event)
                return event.error(); // it parsed when it was stored: the store is damaged
            VisitEvent e = std::move(event).value();
            const qsizetype colon = row.key.indexOf(QLatin1Char(':'));
            e.provider = row.key.left(colon);
            e.id = row.key.mid(colon + 1);
            e.cursor = row.cursor;
            e.receivedAt = row.receivedAt;
            auto visit = statements.visit(e.masterId);
            if (!visit)
                return visit.error();
            if (!visit.value())
                continue;
            if (auto r = applyToVisit(statements, e, *visit.value(), report); !r)
                return r;
            if (auto r =
                    db.exec(QStringLiteral("DELETE FROM pending_events WHERE id = ?"), {row.key});
                !r)
                return r.error();
            if (auto r = db.exec(QStringLiteral("UPDATE processed_events SET outcome = ? "
                                                "WHERE id = ?"),
                                 {outcomeName(Outcome::Applied), row.key});
                !r)
                return r.error();
            ++report.applied;
        }
        return statements.flushVisits();
    });
    if (!result)
        return result.error();
    report.changedVisits.removeDuplicates();
    if (report.applied > 0)
        qCInfo(lcRelay) << "applied" << report.applied << "pending events";
    return report;
}

} // namespace clinicdesk
