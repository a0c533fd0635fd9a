// DueList (issue 15, "What is due") over a real store: programme visits written through
// VisitRepository as the intake and the relay write them (queued, submitted, then Prescribed with
// the prescription written, which records the resolution), and every window edge of DESIGN's
// nextTitration rules with an injected "now": the prescription 14/15 and 60/61 days ago (1-month),
// 59/60 and 120/121 (3-month), the resolution 74/75 and 89/90 days ago (check-in due, titration
// refused), a check-in created 74/75 days after the resolution, and 179/180 (programme over).
#include "BoardFixture.h"
#include "TestSupport.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QDateTime>
#include <QTest>
#include <QUuid>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Kind = DueList::Kind;
using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

namespace {

const QDateTime kResolved(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);

QString at(const QDateTime &moment)
{
    return moment.toUTC().toString(Qt::ISODateWithMs);
}

// A write that changed its row.
bool changed(const Result<bool> &r)
{
    return r && r.value();
}

qint64 day(int days, qint64 extraMs = 0)
{
    return kResolved.addDays(days).toMSecsSinceEpoch() + extraMs;
}

} // namespace

class TestDueList : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    int m_patients = 0;

    QString patient()
    {
        return BoardFixture(*m_store).addPatient(
            QStringLiteral("Ana"), QStringLiteral("Ruiz"), QDate(1985, 3, 14),
            QStringLiteral("51255502%1").arg(++m_patients, 2, 10, QLatin1Char('0')));
    }

    // A visit of `type` created at `created`; with `resolved`, concluded with a prescription
    // of `months` then, as the relay records it.
    QString visit(const QString &patientId, const QString &type, const QDateTime &created,
                  const QDateTime &resolved = {}, int months = 1)
    {
        VisitRepository visits(*m_store);
        VisitRepository::NewVisit v;
        v.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        v.masterId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        v.patientId = patientId;
        v.visitType = type;
        v.createdBy = QStringLiteral("ana");
        v.createdAt = at(created);
        v.rxMonths = months;
        [&] { QVERIFY(visits.insert(v)); }();
        VisitRepository::Change submitted;
        submitted.status = Status::Submitted;
        submitted.updatedAt = at(created);
        [&] { QVERIFY(changed(visits.update(v.id, submitted))); }();
        if (resolved.isValid()) {
            VisitStateMachine::State state{Status::Prescribed, RxStatus::Written};
            VisitRepository::Batch relay(m_store->db());
            [&] {
                QVERIFY(relay.prepare());
                QVERIFY(relay.setState(v.id, state, at(resolved)));
            }();
        }
        return v.id;
    }

    // The programme visit of a new patient, resolved (and first prescribed) at kResolved.
    std::pair<QString, QString> programme(int months = 1)
    {
        const QString p = patient();
        return {p, visit(p, DueList::programmeType(), kResolved.addDays(-2), kResolved, months)};
    }

    QList<DueList::Item> due(qint64 nowMs)
    {
        auto list = DueList::compute(*m_store, nowMs);
        if (!list)
            qFatal("due: %s", qPrintable(list.error().message));
        list->sortByDaysLeft();
        return list->items();
    }
    // The patient's item of `kind`, if listed.
    static std::optional<DueList::Item> find(const QList<DueList::Item> &items,
                                             const QString &patientId, Kind kind)
    {
        for (const DueList::Item &i : items)
            if (i.patientId == patientId && i.kind == kind)
                return i;
        return std::nullopt;
    }

private Q_SLOTS:
    void init()
    {
        const QString dataDir = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_keys = std::make_unique<KeyFileKeyProvider>(dataDir + QStringLiteral(".key"));
        m_store = openStore(dataDir, *m_keys);
        m_patients = 0;
    }
    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void resolutionIsRecordedOnce()
    {
        const auto [p, v] = programme();
        // A later event (the prescription shipped) does not move the resolution.
        VisitRepository::Batch relay(m_store->db());
        QVERIFY(relay.prepare());
        QVERIFY(
            relay.setState(v, {Status::Prescribed, RxStatus::Shipped}, at(kResolved.addDays(20))));
        const auto items = due(day(15));
        const auto t = find(items, p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysSince, 15);
        QCOMPARE(t->visitId, v);
    }

    void titrationWindowOneMonth()
    {
        const auto [p, v] = programme();
        QVERIFY(due(day(14)).isEmpty());
        // 1 ms before day 15 is still day 14 (whole days, floor).
        QVERIFY(due(day(15, -1)).isEmpty());
        auto t = find(due(day(15)), p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysLeft, 45);
        t = find(due(day(60, DueList::kDayMs - 1)), p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysLeft, 0);
        QVERIFY(!find(due(day(61)), p, Kind::Titration));
    }

    void titrationWindowThreeMonth()
    {
        const auto [p, v] = programme(3);
        // The check-in is due from day 75, so it lists a check-in, never a titration, there.
        QVERIFY(due(day(59)).isEmpty());
        auto t = find(due(day(60)), p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysLeft, 60);
        // A check-in 75 days after the resolution lets the titration through after day 90.
        visit(p, DueList::checkinType(), kResolved.addDays(75));
        t = find(due(day(120)), p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysLeft, 0);
        QVERIFY(!find(due(day(121)), p, Kind::Titration));
    }

    void checkinDue()
    {
        const auto [p, v] = programme();
        QVERIFY(!find(due(day(74)), p, Kind::Checkin));
        auto c = find(due(day(75)), p, Kind::Checkin);
        QVERIFY(c);
        QCOMPARE(c->daysLeft, 15);
        c = find(due(day(89)), p, Kind::Checkin);
        QVERIFY(c);
        QCOMPARE(c->daysLeft, 1);
        c = find(due(day(90)), p, Kind::Checkin);
        QVERIFY(c);
        QCOMPARE(c->daysLeft, 0);
    }

    void overdueCheckinBlocksTitration()
    {
        const auto [p, v] = programme();
        // The next prescription written on day 75: its window opens on day 90.
        QVERIFY(
            changed(VisitRepository(*m_store).recordPrescription(v, at(kResolved.addDays(75)), 1)));
        QVERIFY(find(due(day(89)), p, Kind::Checkin));
        QVERIFY(!find(due(day(90)), p, Kind::Titration)); // NEEDS_CHECKIN at the provider
        // A check-in created 74 days after the resolution does not count...
        visit(p, DueList::checkinType(), kResolved.addDays(74));
        QVERIFY(find(due(day(90)), p, Kind::Checkin));
        QVERIFY(!find(due(day(90)), p, Kind::Titration));
        // ...one created 75 days after does.
        visit(p, DueList::checkinType(), kResolved.addDays(75));
        const auto items = due(day(90));
        QVERIFY(!find(items, p, Kind::Checkin));
        const auto t = find(items, p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->daysSince, 15);
        QCOMPARE(t->daysLeft, 45);
    }

    void programmeEnds()
    {
        const auto [p, v] = programme();
        visit(p, DueList::checkinType(), kResolved.addDays(80));
        QVERIFY(!find(due(day(179)), p, Kind::ProgrammeEnded));
        const auto items = due(day(180));
        const auto e = find(items, p, Kind::ProgrammeEnded);
        QVERIFY(e);
        QCOMPARE(e->daysLeft, 0);
        QCOMPARE(items.size(), 1);
        QCOMPARE(find(due(day(200)), p, Kind::ProgrammeEnded)->daysLeft, -20);
    }

    void programmeEndsAtMaxMonths()
    {
        const auto [p, v] = programme(3);
        VisitRepository visits(*m_store);
        QVERIFY(!find(due(day(60)), p, Kind::ProgrammeEnded));
        QVERIFY(changed(visits.recordPrescription(v, at(kResolved.addDays(60)), 3)));
        const auto e = find(due(day(61)), p, Kind::ProgrammeEnded);
        QVERIFY(e);
        QCOMPARE(e->daysLeft, 0);
    }

    void latestResolvedVisitCountsAndOpenOnesAreInHand()
    {
        const auto [p, first] = programme();
        // A follow-up resolved 40 days later is the programme visit now.
        const QString followup =
            visit(p, DueList::followupType(), kResolved.addDays(38), kResolved.addDays(40));
        auto t = find(due(day(55)), p, Kind::Titration);
        QVERIFY(t);
        QCOMPARE(t->visitId, followup);
        QCOMPARE(t->daysSince, 15);
        // A new follow-up submitted since: in hand, nothing is listed.
        visit(p, DueList::followupType(), kResolved.addDays(50));
        QVERIFY(due(day(55)).isEmpty());
        // Other visit types and unresolved programme visits are never listed.
        const QString other = patient();
        visit(other, QStringLiteral("hairloss"), kResolved.addDays(-2), kResolved);
        visit(other, DueList::programmeType(), kResolved.addDays(-2));
        QVERIFY(due(day(20)).isEmpty());
    }

    void countsAndSorting()
    {
        const auto [a, va] = programme(); // day 80: titration out of its window, check-in due
        const auto [b, vb] = programme(); // the same as a
        const QString late = visit(patient(), DueList::programmeType(), kResolved.addDays(18),
                                   kResolved.addDays(20));
        const auto [c, vc] = programme(); // the same as a
        Q_UNUSED(vb);
        Q_UNUSED(vc);
        Q_UNUSED(va);
        // Resolved 20 days later: the last day of its titration window at day 80.
        auto list = DueList::compute(*m_store, day(80));
        QVERIFY(list);
        const DueList::Counts n = list->counts();
        QCOMPARE(n.checkin, 3);   // a, b, c: day 80 since their resolution
        QCOMPARE(n.titration, 1); // the late one: day 60 of its Rx
        QCOMPARE(n.ended, 0);
        QCOMPARE(n.total(), 4);
        QCOMPARE(list->ofKind(Kind::Titration).first().visitId, late);
        list->sortByDaysLeft(Qt::AscendingOrder);
        QCOMPARE(list->items().first().daysLeft, 0); // the late one's last day
        QCOMPARE(list->items().last().daysLeft, 10); // check-ins: 90 - 80
        list->sortByDaysLeft(Qt::DescendingOrder);
        QCOMPARE(list->items().first().daysLeft, 10);
        QCOMPARE(list->items().last().visitId, late);
    }
};

QTEST_GUILESS_MAIN(TestDueList)
#include "tst_duelist.moc"
