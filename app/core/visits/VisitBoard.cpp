#include "visits/VisitBoard.h"

#include "audit/AuditLog.h"
#include "base/Logging.h"
#include "base/TimeText.h"
#include "crypto/BlindIndex.h"
#include "store/LocalStore.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace clinicdesk {

namespace {

using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

constexpr qint64 kMsPerMinute = 60 * 1000;
constexpr qint64 kMsPerHour = 60 * kMsPerMinute;

// What the user has seen, and what the outbox still owes: both small, read whole and joined in
// memory (a per-row join costs more than the scan at 100,000 visits).
// %1: nothing (every visit), or " AND visit_id IN (?,…)" for the visits asked for.
const char *const kSelectSeen = "SELECT visit_id, seen_at FROM visit_seen WHERE user_name = ?%1";
const char *const kSelectOutbox =
    "SELECT visit_id,"
    " MIN(CASE WHEN state = 'pending' THEN created_at END),"
    " MAX(CASE WHEN state = 'pending' THEN attempts ELSE 0 END),"
    " SUM(CASE WHEN state = 'rejected' AND kind <> 'visit' THEN 1 ELSE 0 END)"
    " FROM outbox WHERE state <> 'sent'%1 GROUP BY visit_id";

// The stored state names as bytes, indexed like the enums (VisitStateMachine::name).
template<typename Enum, int Last> QList<QByteArray> namesOf()
{
    QList<QByteArray> names;
    for (int i = 0; i <= Last; ++i)
        names << VisitStateMachine::name(Enum(i)).toLatin1();
    return names;
}
const QList<QByteArray> &kStatusNames()
{
    static const QList<QByteArray> names = namesOf<Status, int(Status::Rejected)>();
    return names;
}
const QList<QByteArray> &kRxNames()
{
    static const QList<QByteArray> names = namesOf<RxStatus, int(RxStatus::Delivered)>();
    return names;
}
template<typename Enum>
bool parseName(QByteArrayView text, const QList<QByteArray> &names, Enum *out)
{
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i) == text) {
            *out = Enum(i);
            return true;
        }
    }
    return false;
}

int digitsAt(QByteArrayView text, int from, int count, bool *ok)
{
    int value = 0;
    for (int i = from; i < from + count; ++i) {
        const char c = text.at(i);
        if (c < '0' || c > '9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

WaitingFor VisitBoardRow::waitingFor() const
{
    if (outboxRejected)
        return WaitingFor::Clinic;
    switch (status) {
    case Status::Draft:
    case Status::Rejected:
        return WaitingFor::Clinic;
    case Status::NeedsInfo:
        return waitingForPatientSinceMs ? WaitingFor::Patient : WaitingFor::Clinic;
    case Status::Queued:
    case Status::Submitted:
        return WaitingFor::Provider;
    case Status::Prescribed:
        return rx == RxStatus::Delivered ? WaitingFor::Nobody : WaitingFor::Pharmacy;
    case Status::Referred:
    case Status::Canceled:
        return WaitingFor::Nobody;
    }
    return WaitingFor::Nobody;
}

void VisitBoardRow::computeAttention(const AttentionRules &rules, qint64 nowMs)
{
    quint8 flags = NoAttention;
    if (status == Status::NeedsInfo && !waitingForPatientSinceMs)
        flags |= NeedsInfo;
    if (status == Status::Rejected || outboxRejected)
        flags |= Rejected;
    if (outboxPendingSinceMs &&
        (outboxAttempts >= rules.stuckAfterAttempts ||
         nowMs - outboxPendingSinceMs >= rules.stuckAfterMinutes * kMsPerMinute))
        flags |= Stuck;
    const bool open = status == Status::Submitted || status == Status::NeedsInfo;
    const qint64 lastNews = std::max(updatedAtMs, waitingForPatientSinceMs);
    if (open && nowMs - lastNews >= rules.silentAfterHours * kMsPerHour)
        flags |= Silent;
    attention = flags;
}

BoardSearch BoardSearch::parse(const QString &text)
{
    BoardSearch search;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return search;

    static const QRegularExpression usDate(QStringLiteral("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b"));
    static const QRegularExpression isoDate(QStringLiteral("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    QString rest = trimmed;
    if (const auto m = usDate.match(trimmed); m.hasMatch()) {
        search.dob = QDate(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
        rest.remove(m.capturedStart(), m.capturedLength());
    } else if (const auto iso = isoDate.match(trimmed); iso.hasMatch()) {
        search.dob =
            QDate(iso.captured(1).toInt(), iso.captured(2).toInt(), iso.captured(3).toInt());
        rest.remove(iso.capturedStart(), iso.capturedLength());
    }

    static const QRegularExpression letters(QStringLiteral("\\p{L}"));
    if (!rest.contains(letters)) {
        const QString phone = BlindIndex::normalizePhone(trimmed);
        if (phone.size() == 10) {
            search.kind = Kind::Phone;
            search.phone = phone;
            return search;
        }
        search.kind = Kind::Invalid;
        return search;
    }

    // "Last, First" is the usual clinic spelling; otherwise words are in first-last order.
    QString names = rest.simplified();
    if (const int comma = names.indexOf(QLatin1Char(',')); comma > 0)
        names = names.mid(comma + 1).trimmed() + QLatin1Char(' ') + names.left(comma).trimmed();
    names.remove(QLatin1Char(','));
    search.nameWords = names.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    search.kind =
        search.dob.isValid() && search.nameWords.size() >= 2 ? Kind::NameDob : Kind::Invalid;
    return search;
}

VisitBoardSource::VisitBoardSource(LocalStore &store, QString userName)
    : m_store(store)
    , m_user(std::move(userName))
{}

qint64 VisitBoardSource::parseTimeMs(QByteArrayView iso)
{
    // The store writes Qt::ISODateWithMs in UTC ("2026-11-24T01:50:00.123Z"); parsing that by
    // hand is ~20x faster than QDateTime::fromString, which matters at 100,000 rows.
    if (iso.size() >= 20 && iso.at(4) == '-' && iso.at(10) == 'T' && iso.endsWith('Z')) {
        bool ok = true;
        const int y = digitsAt(iso, 0, 4, &ok), mo = digitsAt(iso, 5, 2, &ok),
                  d = digitsAt(iso, 8, 2, &ok), h = digitsAt(iso, 11, 2, &ok),
                  mi = digitsAt(iso, 14, 2, &ok), s = digitsAt(iso, 17, 2, &ok);
        int ms = 0;
        if (iso.size() == 24 && iso.at(19) == '.')
            ms = digitsAt(iso, 20, 3, &ok);
        else if (iso.size() != 20)
            ok = false;
        const QDate date(y, mo, d);
        if (ok && date.isValid() && h < 24 && mi < 60 && s < 61)
            return (date.toJulianDay() - 2440588) * 86400000LL + ((h * 60LL + mi) * 60 + s) * 1000 +
                   ms;
    }
    if (iso.isEmpty())
        return 0;
    const QDateTime parsed = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : 0;
}

QString VisitBoardSource::intern(QByteArrayView utf8)
{
    // Few distinct values (visit types, staff): a short list beats hashing a new key per row.
    for (const auto &[bytes, text] : std::as_const(m_strings))
        if (bytes == utf8)
            return text;
    const QString text = QString::fromUtf8(utf8);
    if (m_strings.size() < 256)
        m_strings.append({utf8.toByteArray(), text});
    return text;
}

QString VisitBoardSource::displayName(QByteArrayView userKey)
{
    if (!m_userNamesLoaded) {
        m_userNamesLoaded = true;
        auto users =
            m_store.db().exec(QStringLiteral("SELECT id, username, display_name FROM users"));
        if (users) {
            while (users->next()) {
                const QString name = users->value(2).toString();
                m_userNames.insert(users->value(0).toString().toUtf8(), name);
                m_userNames.insert(users->value(1).toString().toUtf8(), name);
            }
        }
    }
    for (const auto &[key, name] : std::as_const(m_displayNames))
        if (key == userKey)
            return name;
    const QByteArray key = userKey.toByteArray();
    const auto it = m_userNames.constFind(key);
    const QString name = it != m_userNames.cend() ? *it : QString::fromUtf8(userKey);
    if (m_displayNames.size() < 256)
        m_displayNames.append({key, name});
    return name;
}

Result<QList<VisitBoardRow>> VisitBoardSource::query(const QStringList &visitIds)
{
    struct Owed
    {
        qint64 pendingSinceMs = 0;
        int attempts = 0;
        bool rejected = false;
    };
    // The same id filter on all three reads: a live notice about one visit reads that visit's
    // seen mark and outbox entries, not the whole tables.
    QString inIds;
    QVariantList ids;
    if (!visitIds.isEmpty()) {
        inIds = QStringLiteral(" IN (%1)")
                    .arg(QStringList(visitIds.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        for (const QString &id : visitIds)
            ids << id;
    }
    const QString andIds = inIds.isEmpty() ? QString() : QStringLiteral(" AND visit_id") + inIds;
    QHash<QByteArray, qint64> seen;
    QHash<QByteArray, Owed> owed;
    Database &db = m_store.db();
    auto seenRead = db.scan(QString::fromLatin1(kSelectSeen).arg(andIds),
                            QVariantList{m_user} + ids, [&](const QList<QByteArrayView> &c) {
                                seen.insert(c[0].toByteArray(), parseTimeMs(c[1]));
                                return true;
                            });
    if (!seenRead)
        return seenRead.error();
    auto owedRead = db.scan(
        QString::fromLatin1(kSelectOutbox).arg(andIds), ids, [&](const QList<QByteArrayView> &c) {
            owed.insert(c[0].toByteArray(), {parseTimeMs(c[1]), c[2].toByteArray().toInt(),
                                             c[3].toByteArray().toInt() > 0});
            return true;
        });
    if (!owedRead)
        return owedRead.error();

    QList<VisitBoardRow> result;
    // Raw column bytes (VisitRepository::scanBoard): at 100,000 visits, Qt Sql's per-value
    // conversions cost more than the query itself.
    auto scanned =
        VisitRepository(m_store).scanBoard(visitIds, [&](const VisitRepository::BoardColumns &c) {
            VisitBoardRow row;
            row.visitId = QString::fromLatin1(c.id);
            row.patientId = QString::fromLatin1(c.patientId);
            row.visitType = intern(c.visitType);
            if (!parseName(c.status, kStatusNames(), &row.status))
                qCWarning(lcVisits) << "board: visit" << row.visitId << "has an unknown status";
            parseName(c.rx, kRxNames(), &row.rx);
            row.createdBy = displayName(c.createdBy);
            row.createdAtMs = parseTimeMs(c.createdAt);
            row.updatedAtMs = parseTimeMs(c.updatedAt);
            row.waitingForPatientSinceMs = parseTimeMs(c.waitingForPatientSince);
            if (!seen.isEmpty())
                row.seenAtMs = seen.value(c.id.toByteArray());
            if (!owed.isEmpty()) {
                const auto it = owed.constFind(c.id.toByteArray());
                if (it != owed.cend()) {
                    row.outboxPendingSinceMs = it->pendingSinceMs;
                    row.outboxAttempts = it->attempts;
                    row.outboxRejected = it->rejected;
                }
            }
            result.append(std::move(row));
            return true;
        });
    if (!scanned)
        return scanned.error();
    return result;
}

Result<QList<VisitBoardRow>> VisitBoardSource::loadAll()
{
    return query({});
}

Result<QList<VisitBoardRow>> VisitBoardSource::load(const QStringList &visitIds)
{
    QList<VisitBoardRow> all;
    // Bound parameters in chunks (SQLite's default limit is 32,766; stay well below).
    constexpr int kChunk = 500;
    for (qsizetype from = 0; from < visitIds.size(); from += kChunk) {
        auto rows = query(visitIds.mid(from, kChunk));
        if (!rows)
            return rows.error();
        all += rows.value();
    }
    return all;
}

Result<QString> VisitBoardSource::patientName(const QString &patientId) const
{
    auto patient = PatientRepository(m_store).get(patientId);
    if (!patient)
        return patient.error();
    return patient->lastName + QStringLiteral(", ") + patient->firstName;
}

Result<QHash<QString, QString>> VisitBoardSource::allPatientNames() const
{
    auto rows = m_store.db().exec(QStringLiteral("SELECT id, first_name, last_name FROM patients"));
    if (!rows)
        return rows.error();
    QHash<QString, QString> names;
    const QString table = QStringLiteral("patients");
    const QString firstColumn = QStringLiteral("first_name");
    const QString lastColumn = QStringLiteral("last_name");
    while (rows->next()) {
        const QString id = rows->value(0).toString();
        auto first =
            m_store.cipher().openText(table, id, firstColumn, rows->value(1).toByteArray());
        if (!first)
            return first.error();
        auto last = m_store.cipher().openText(table, id, lastColumn, rows->value(2).toByteArray());
        if (!last)
            return last.error();
        names.insert(id, last.value() + QStringLiteral(", ") + first.value());
    }
    return names;
}

Result<QSet<QString>> VisitBoardSource::findPatients(const BoardSearch &search, AuditLog *audit)
{
    QSet<QString> ids;
    QList<QPair<QString, QByteArray>> lookups; // column, digest
    const BlindIndex &index = m_store.blindIndex();
    switch (search.kind) {
    case BoardSearch::Kind::Empty:
    case BoardSearch::Kind::Invalid:
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("a search needs a 10-digit phone number, or a first and "
                                        "last name with a date of birth"));
    case BoardSearch::Kind::Phone:
        lookups.append({QStringLiteral("phone_bidx"), index.phone(search.phone)});
        break;
    case BoardSearch::Kind::NameDob:
        // Every split of the words into first and last name ("Ana María Ruiz").
        for (qsizetype split = 1; split < search.nameWords.size(); ++split) {
            const QString first = search.nameWords.mid(0, split).join(QLatin1Char(' '));
            const QString last = search.nameWords.mid(split).join(QLatin1Char(' '));
            lookups.append(
                {QStringLiteral("name_dob_bidx"), index.nameDob(first, last, search.dob)});
        }
        break;
    }
    for (const auto &[column, digest] : std::as_const(lookups)) {
        auto rows = m_store.db().exec(
            QStringLiteral("SELECT id FROM patients WHERE %1 = ?").arg(column), {digest});
        if (!rows)
            return rows.error();
        while (rows->next())
            ids.insert(rows->value(0).toString());
    }
    if (audit) {
        AuditEvent event;
        event.action = AuditAction::PhiView;
        event.user = m_user;
        event.entityType = QStringLiteral("patient_search");
        event.entityId = search.kind == BoardSearch::Kind::Phone ? QStringLiteral("phone")
                                                                 : QStringLiteral("name_dob");
        event.detail = QStringLiteral("board search, %1 patient(s) matched").arg(ids.size());
        if (auto appended = audit->append(event); !appended)
            return appended.error();
    }
    return ids;
}

Result<void> VisitBoardSource::markSeen(const QString &visitId)
{
    auto done = m_store.db().exec(
        QStringLiteral(
            "INSERT INTO visit_seen (user_name, visit_id, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_name, visit_id) DO UPDATE SET seen_at = excluded.seen_at"),
        {m_user, visitId, TimeText::utcNow()});
    if (!done)
        return done.error();
    return {};
}

Result<void> VisitBoardSource::setWaitingForPatient(const QString &visitId, bool waiting,
                                                    AuditLog *audit)
{
    return m_store.db().transaction([&]() -> Result<void> {
        const QString now = TimeText::utcNow();
        // Only a visit waiting for information can wait for the patient; stopping always works.
        VisitRepository::Change change;
        if (waiting)
            change.from = Status::NeedsInfo;
        change.waitingForPatientSince = waiting ? now : QString();
        change.updatedAt = now;
        auto done = VisitRepository(m_store).update(visitId, change);
        if (!done)
            return done.error();
        if (!done.value())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("only a visit waiting for information can wait for "
                                            "the patient"));
        if (audit) {
            AuditEvent event;
            event.action = AuditAction::Update;
            event.user = m_user;
            event.entityType = QStringLiteral("visit");
            event.entityId = visitId;
            event.detail = waiting ? QStringLiteral("waiting for the patient")
                                   : QStringLiteral("no longer waiting for the patient");
            if (auto appended = audit->append(event); !appended)
                return appended.error();
        }
        return {};
    });
}

} // namespace clinicdesk
