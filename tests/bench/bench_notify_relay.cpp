// What patient notifications cost the relay (issue 17, item 6): events/s of VisitEventApplier
// applying the same provider events with and without notification rows in their transaction.
// The events are DOCTOR_CHAT messages, page by page (100 events, one durable transaction each, as
// the relay applies an inbox page): on a visit waiting for more information each one queues a
// "more information needed" message per channel (two rows: consent looked up, rows inserted);
// on a prescribed visit the same event leaves the visit as it is and writes none. Same payloads,
// same timeline entries, same store size; every patient consented to both channels. Rounds
// alternate between the two stores; the figure is each side's median. Goal: the rows cost < 10 %
// of the events/s.
//   bench_notify_relay [VISITS=1000] [ROUNDS=5]
#include "BenchSupport.h"
#include "BoardFixture.h"
#include "TestSupport.h"
#include "base/TimeText.h"
#include "relay/VisitEventApplier.h"
#include "store/PatientConsentStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <array>
#include <cstdio>

using namespace clinicdesk;
using Status = VisitStateMachine::Status;

namespace {

constexpr int kPage = 100;
constexpr int kEventsPerVisitPerRound = 2;

struct Side
{
    const char *name;
    Status status;
    std::unique_ptr<KeyFileKeyProvider> keys;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<test::BoardFixture> fx;
    QStringList visits;
    qint64 cursor = 1000000;
    QList<double> perSecond;
};

bool fill(Side &side, const QString &dir, int visits)
{
    side.keys = std::make_unique<KeyFileKeyProvider>(dir + QStringLiteral(".key"));
    side.store = test::openStore(dir, *side.keys);
    side.fx = std::make_unique<test::BoardFixture>(*side.store);
    side.fx->deferEvents();
    PatientConsentStore consent(side.store->db(), side.store->cipher());
    for (int i = 0; i < visits; ++i) {
        const QString patient =
            side.fx->addPatient(QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i),
                                QDate(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                                QStringLiteral("51256%1").arg(i, 5, 10, QLatin1Char('0')));
        if (!consent.setConsent(patient, true, true, QStringLiteral("en"), QStringLiteral("ana")))
            return false;
        side.visits << side.fx->addVisit({patient, QStringLiteral("ED"), side.status,
                                          side.status == Status::Prescribed
                                              ? VisitStateMachine::RxStatus::Written
                                              : VisitStateMachine::RxStatus::None,
                                          QStringLiteral("ana")});
    }
    side.fx->finish();
    return true;
}

qint64 notificationRows(LocalStore &store)
{
    auto n = store.db().exec(QStringLiteral("SELECT COUNT(*) FROM notifications"));
    return n && n->next() ? n->value(0).toLongLong() : -1;
}

// One round: every visit gets kEventsPerVisitPerRound chats, applied page by page. Events/s, or
// -1 when an event was not applied.
double round(Side &side)
{
    QList<QJsonObject> events;
    for (int k = 0; k < kEventsPerVisitPerRound; ++k) {
        for (const QString &visit : std::as_const(side.visits)) {
            ++side.cursor;
            const QJsonObject payload{
                {QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                {QStringLiteral("masterId"), side.fx->masterIdOf(visit)},
                {QStringLiteral("content"), QStringLiteral("Please send a photo of the label.")}};
            events << QJsonObject{
                {QStringLiteral("cursor"), side.cursor},
                {QStringLiteral("id"), QStringLiteral("msg_bench_%1").arg(side.cursor)},
                {QStringLiteral("provider"), QStringLiteral("beluga")},
                {QStringLiteral("receivedAt"), TimeText::utcNow()},
                {QStringLiteral("payload"), payload}};
        }
    }
    VisitEventApplier applier(*side.store);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype from = 0; from < events.size(); from += kPage) {
        auto report = applier.applyBatch(events.mid(from, kPage));
        if (!report || report->applied != int(std::min<qsizetype>(kPage, events.size() - from)))
            return -1;
    }
    return double(events.size()) * 1e9 / double(timer.nsecsElapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*.info=false"));
    const int kVisits = argc > 1 ? std::max(10, QByteArray(argv[1]).toInt()) : 1000;
    const int kRounds = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 5;
    QTemporaryDir dir(bench::storageTemplate());
    bench::noteStorage(dir.path());

    Side with{"with", Status::NeedsInfo, {}, {}, {}, {}, 1000000, {}};
    Side without{"without", Status::Prescribed, {}, {}, {}, {}, 1000000, {}};
    if (!fill(with, dir.filePath(QStringLiteral("with")), kVisits) ||
        !fill(without, dir.filePath(QStringLiteral("without")), kVisits)) {
        std::fprintf(stderr, "bench_notify_relay: the stores could not be filled\n");
        return 1;
    }
    const qint64 rowsWith = notificationRows(*with.store);
    const qint64 rowsWithout = notificationRows(*without.store);
    // A warm-up round each (page cache, prepared statements), not counted.
    if (round(with) < 0 || round(without) < 0) {
        std::fprintf(stderr, "bench_notify_relay: an event was not applied\n");
        return 1;
    }
    const qint64 warmRowsWith = notificationRows(*with.store);
    for (int r = 0; r < kRounds; ++r) {
        const std::array<Side *, 2> order =
            r % 2 ? std::array<Side *, 2>{&without, &with} : std::array<Side *, 2>{&with, &without};
        for (Side *side : order) {
            const double perSecond = round(*side);
            if (perSecond < 0) {
                std::fprintf(stderr, "bench_notify_relay: an event was not applied\n");
                return 1;
            }
            side->perSecond << perSecond;
            std::fprintf(stderr, "bench_notify_relay: round %d, %s rows: %.0f events/s\n", r + 1,
                         side->name, perSecond);
        }
    }
    // The A/B holds only if one side wrote two rows per event and the other none.
    const qint64 events = qint64(kVisits) * kEventsPerVisitPerRound;
    if (warmRowsWith - rowsWith != 2 * events || notificationRows(*without.store) != rowsWithout ||
        notificationRows(*with.store) != warmRowsWith + 2 * events * kRounds) {
        std::fprintf(stderr, "bench_notify_relay: notification rows not as expected\n");
        return 1;
    }
    const double a = bench::median(with.perSecond);
    const double b = bench::median(without.perSecond);
    const double cost = (b - a) * 100.0 / b;
    std::printf("BENCH-NOTE relay notifications: %d visits, %lld events per round, pages of %d, "
                "%d rounds per side\n",
                kVisits, events, kPage, kRounds);
    std::printf("BENCH relay_apply_events_per_second_without_notices %.0f events/s\n", b);
    std::printf("BENCH relay_apply_events_per_second_with_notices %.0f events/s\n", a);
    std::printf("BENCH relay_notification_rows_cost %.1f %% (goal < 10 %%)\n", cost);
    return 0;
}
