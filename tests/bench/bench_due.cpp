// The Due list (issue 15, "What is due") at 100,000 visits of the weight-loss programme (30,000
// patients: their first visits, follow-ups, check-ins and a few still open), every one submitted
// as an intake and so carrying its real sealed body and QuestionnaireResponse, so a read that
// touched the table instead of the visits_care covering index would show. Times DueList::compute
// (the store read, the grouping by patient and the windows) and the sort by days left. Goal: < 100
// ms.
#include "BenchSupport.h"
#include "BoardFixture.h"
#include "TestSupport.h"
#include "base/TimeText.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <cstdio>
#include <ctime>

using namespace clinicdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int kVisits = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int kPatients = std::max(1, kVisits * 3 / 10);
    QTemporaryDir dir(bench::storageTemplate());
    bench::noteStorage(dir.path());
    KeyFileKeyProvider keys(test::writeKeyFile(dir));
    auto store = test::openStore(dir.filePath(QStringLiteral("store")), keys);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto daysAgo = [&](int days) {
        return TimeText::utcFromMs(now - days * DueList::kDayMs);
    };
    QElapsedTimer timer;
    timer.start();
    // Every visit an intake of its type submitted through IntakeSubmission for its patient and
    // accepted by the provider as the outbox records it (BoardFixture); a resolved one then
    // concluded with a delivered prescription by VisitRepository at the moment it was resolved,
    // the write the relay makes when the events arrive (which the relay would stamp now); a
    // 3-month prescription is a titration the provider confirmed (recordPrescription).
    test::BoardFixture fx(*store);
    fx.deferEvents();
    auto filled = store->db().transaction([&]() -> Result<void> {
        QStringList patients;
        for (int i = 0; i < kPatients; ++i)
            patients << fx.addPatient(QStringLiteral("First%1").arg(i),
                                      QStringLiteral("Last%1").arg(i),
                                      QDate(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                                      QStringLiteral("51255%1").arg(i, 5, 10, QLatin1Char('0')));
        VisitRepository visits(*store);
        for (int i = 0; i < kVisits; ++i) {
            // Per patient: a first visit, then a follow-up, a check-in, or one still open.
            const int round = i / kPatients;
            const int resolvedAgo = (i * 7) % 200;
            QString type = DueList::programmeType();
            int resolved = resolvedAgo + 250;
            if (round == 1)
                resolved = resolvedAgo;
            if (round == 1 && i % 2)
                type = DueList::followupType();
            if (round == 2)
                type = DueList::checkinType();
            if (round >= 2)
                resolved = -1;
            const int created = round == 2 ? (i * 11) % 120 : resolvedAgo + 2;
            test::BoardFixture::Visit v;
            v.patientId = patients.at(i % kPatients);
            v.type = type;
            v.status = VisitStateMachine::Status::Submitted;
            v.createdMsAgo = v.updatedMsAgo = qint64(created) * DueList::kDayMs;
            const QString id = fx.addVisit(v);
            if (resolved < 0)
                continue;
            VisitRepository::Change concluded;
            concluded.from = VisitStateMachine::Status::Submitted;
            concluded.status = VisitStateMachine::Status::Prescribed;
            concluded.rx = VisitStateMachine::RxStatus::Delivered;
            concluded.updatedAt = daysAgo(resolved);
            if (auto r = visits.update(id, concluded); !r || !r.value())
                return r ? makeError(ErrorCode::Conflict, QStringLiteral("not concluded"))
                         : r.error();
            if (i % 4 == 0) {
                if (auto r = visits.recordPrescription(id, daysAgo(resolved), 3); !r)
                    return r.error();
            }
        }
        return {};
    });
    if (!filled)
        qFatal("%s", qPrintable(filled.error().message));
    fx.finish();
    std::printf("due bench: %d visits, %d patients written in %.1f s\n", kVisits, kPatients,
                timer.elapsed() / 1000.0);

    // Wall time, and the process's CPU time for the same call: on a loaded machine (the shared
    // build host) the wall figure mostly measures waiting for a core.
    QList<double> computeMs, sortMs, cpuMs;
    DueList::Counts counts;
    for (int run = 0; run < 11; ++run) {
        const std::clock_t cpuStart = std::clock();
        timer.start();
        auto list = DueList::compute(*store, now);
        const double cpu = double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC;
        if (!list)
            qFatal("%s", qPrintable(list.error().message));
        const double computed = timer.nsecsElapsed() / 1e6;
        list->sortByDaysLeft();
        const double sorted = timer.nsecsElapsed() / 1e6;
        counts = list->counts();
        if (run == 0)
            continue; // the first run warms SQLite's page cache
        computeMs << computed;
        cpuMs << cpu;
        sortMs << sorted;
    }
    // A list that found nothing would time nothing.
    if (counts.titration == 0 || counts.checkin == 0 || counts.ended == 0)
        qFatal("due bench: a kind is empty (titration %d, check-in %d, ended %d)", counts.titration,
               counts.checkin, counts.ended);
    std::printf("due bench: %d due (titration %d, check-in %d, programme ended %d)\n",
                counts.total(), counts.titration, counts.checkin, counts.ended);
    std::printf("BENCH due_compute_median %.1f ms (goal < 100 ms)\n", bench::median(computeMs));
    std::printf("BENCH due_compute_cpu_median %.1f ms\n", bench::median(cpuMs));
    std::printf("BENCH due_compute_sorted_max %.1f ms (goal < 100 ms)\n",
                *std::max_element(sortMs.cbegin(), sortMs.cend()));
    return 0;
}
