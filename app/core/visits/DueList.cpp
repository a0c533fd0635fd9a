#include "visits/DueList.h"

#include "store/LocalStore.h"
#include "store/VisitRepository.h"
#include "visits/VisitBoard.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <tuple>

namespace clinicdesk {
namespace {

// One patient's programme, gathered from their visits in one pass.
struct Programme
{
    QByteArray visitId;
    qint64 resolvedMs = 0; // 0: no resolved programme visit
    qint64 rxMs = 0;       // 0: no prescription written
    int rxMonths = 1;
    int monthsTotal = 0;
    qint64 latestOpenCreatedMs = 0;
    QVarLengthArray<qint64, 4> checkinsCreatedMs;
};

bool isOpen(QByteArrayView status)
{
    return status == "Queued" || status == "Submitted" || status == "NeedsInfo";
}

int wholeDays(qint64 fromMs, qint64 toMs)
{
    // Floor, also for a moment in the future (a clock set back): -1 day, not 0.
    const qint64 diff = toMs - fromMs;
    return int(diff >= 0 ? diff / DueList::kDayMs
                         : -((-diff + DueList::kDayMs - 1) / DueList::kDayMs));
}

} // namespace

const QString &DueList::programmeType()
{
    static const QString type = QStringLiteral("weightloss");
    return type;
}

const QString &DueList::followupType()
{
    static const QString type = QStringLiteral("weightlossfollowup");
    return type;
}

const QString &DueList::checkinType()
{
    static const QString type = QStringLiteral("weightlossCheckin");
    return type;
}

Result<DueList> DueList::compute(LocalStore &store, qint64 nowMs)
{
    QHash<QByteArray, Programme> patients;
    const QByteArray checkin = checkinType().toLatin1();
    auto scanned = VisitRepository(store).scanCare(
        {programmeType(), followupType(), checkinType()},
        [&](const VisitRepository::CareColumns &c) {
            // Looked up without a copy of the id; copied once, when the patient is new.
            auto found =
                patients.find(QByteArray::fromRawData(c.patientId.data(), c.patientId.size()));
            if (found == patients.end())
                found = patients.insert(c.patientId.toByteArray(), Programme{});
            Programme &p = *found;
            if (c.visitType == checkin) {
                p.checkinsCreatedMs.append(VisitBoardSource::parseTimeMs(c.createdAt));
                return true;
            }
            if (isOpen(c.status)) {
                p.latestOpenCreatedMs =
                    std::max(p.latestOpenCreatedMs, VisitBoardSource::parseTimeMs(c.createdAt));
                return true;
            }
            if (c.status != "Prescribed" || c.resolvedAt.isEmpty())
                return true;
            const qint64 resolved = VisitBoardSource::parseTimeMs(c.resolvedAt);
            if (resolved <= p.resolvedMs)
                return true;
            p.visitId = c.id.toByteArray();
            p.resolvedMs = resolved;
            p.rxMs = VisitBoardSource::parseTimeMs(c.rxWrittenAt);
            p.rxMonths = QByteArray(c.rxMonths.data(), c.rxMonths.size()).toInt() == 3 ? 3 : 1;
            p.monthsTotal = QByteArray(c.rxMonthsTotal.data(), c.rxMonthsTotal.size()).toInt();
            return true;
        });
    if (!scanned)
        return scanned.error();

    DueList list;
    for (auto it = patients.cbegin(); it != patients.cend(); ++it) {
        const Programme &p = it.value();
        if (p.resolvedMs == 0 || p.latestOpenCreatedMs > p.resolvedMs)
            continue;
        Item item;
        item.patientId = QString::fromLatin1(it.key());
        item.visitId = QString::fromLatin1(p.visitId);
        const int sinceResolved = wholeDays(p.resolvedMs, nowMs);
        if (sinceResolved >= kProgrammeDays || p.monthsTotal >= kMaxMonths) {
            item.kind = Kind::ProgrammeEnded;
            item.daysSince = sinceResolved;
            item.daysLeft = sinceResolved >= kProgrammeDays ? kProgrammeDays - sinceResolved : 0;
            list.m_items.append(item);
            continue;
        }
        const bool checkinDone = std::any_of(
            p.checkinsCreatedMs.cbegin(), p.checkinsCreatedMs.cend(),
            [&](qint64 created) { return wholeDays(p.resolvedMs, created) >= kCheckinCountsFrom; });
        const bool checkinDue = !checkinDone && sinceResolved >= kCheckinCountsFrom;
        if (checkinDue) {
            item.kind = Kind::Checkin;
            item.daysSince = sinceResolved;
            item.daysLeft = kCheckinDue - sinceResolved;
            list.m_items.append(item);
        }
        if (p.rxMs == 0 || (checkinDue && sinceResolved >= kCheckinDue))
            continue;
        const int sinceRx = wholeDays(p.rxMs, nowMs);
        const int from = p.rxMonths == 3 ? kTitrationFrom3Month : kTitrationFrom1Month;
        const int to = p.rxMonths == 3 ? kTitrationTo3Month : kTitrationTo1Month;
        if (sinceRx >= from && sinceRx <= to) {
            item.kind = Kind::Titration;
            item.daysSince = sinceRx;
            item.daysLeft = to - sinceRx;
            list.m_items.append(item);
        }
    }
    return list;
}

DueList::Counts DueList::counts() const
{
    Counts c;
    for (const Item &item : m_items) {
        switch (item.kind) {
        case Kind::Titration:
            ++c.titration;
            break;
        case Kind::Checkin:
            ++c.checkin;
            break;
        case Kind::ProgrammeEnded:
            ++c.ended;
            break;
        }
    }
    return c;
}

void DueList::sortByDaysLeft(Qt::SortOrder order)
{
    auto key = [](const Item &i) { return std::tie(i.daysLeft, i.kind, i.patientId); };
    if (order == Qt::AscendingOrder)
        std::sort(m_items.begin(), m_items.end(),
                  [&](const Item &a, const Item &b) { return key(a) < key(b); });
    else
        std::sort(m_items.begin(), m_items.end(),
                  [&](const Item &a, const Item &b) { return key(b) < key(a); });
}

QList<DueList::Item> DueList::ofKind(Kind kind) const
{
    QList<Item> out;
    for (const Item &item : m_items)
        if (item.kind == kind)
            out.append(item);
    return out;
}

} // namespace clinicdesk
