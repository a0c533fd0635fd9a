// The visit board at 100,000 visits (30,000 patients): open to first paint, search by phone and
// by name + date of birth through the blind index (audited, as in the console), the first sort
// by patient name (which opens every name), and the console process's memory with the board
// open. Run with QT_QPA_PLATFORM=offscreen (the bench target does).
#include "BenchSupport.h"
#include "BoardFixture.h"
#include "TestSupport.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"
#include "audit/AuditLog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace clinicdesk;
using Status = VisitStateMachine::Status;

namespace {

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Paint events on the table's viewport: "first paint" is the first one after show().
class PaintProbe : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

void waitForPaint(PaintProbe &probe)
{
    probe.painted = false;
    QElapsedTimer guard;
    guard.start();
    while (!probe.painted && guard.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (!probe.painted)
        qFatal("the board did not paint");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int kVisits = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int kPatients = std::max(1, kVisits * 3 / 10);
    QTemporaryDir dir;
    KeyFileKeyProvider keys(test::writeKeyFile(dir));
    auto store = test::openStore(dir.filePath(QStringLiteral("store")), keys);

    QElapsedTimer timer;
    timer.start();
    QStringList patients;
    {
        test::BoardFixture fx(*store);
        const QList<Status> statuses = {Status::Queued,     Status::Submitted, Status::NeedsInfo,
                                        Status::Prescribed, Status::Referred,  Status::Canceled,
                                        Status::Rejected};
        const QStringList types = {QStringLiteral("weightloss"), QStringLiteral("ED"),
                                   QStringLiteral("hairloss"), QStringLiteral("PE")};
        const QStringList staff = {QStringLiteral("ana"), QStringLiteral("luis"),
                                   QStringLiteral("marta")};
        // Submitted and answered in one transaction; the provider's events for all of them then
        // go in as one relay batch (finish()), which commits durably on its own.
        fx.deferEvents();
        auto filled = store->db().transaction([&]() -> Result<void> {
            for (int i = 0; i < kPatients; ++i)
                patients << fx.addPatient(
                    QStringLiteral("First%1").arg(i), QStringLiteral("Last%1").arg(i),
                    QDate(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                    QStringLiteral("51255%1").arg(i, 5, 10, QLatin1Char('0')));
            for (int i = 0; i < kVisits; ++i) {
                test::BoardFixture::Visit v;
                v.patientId = patients.at(i % kPatients);
                v.type = types.at(i % types.size());
                // Mostly concluded, as in a clinic's history; a few hundred open or stuck.
                v.status =
                    i % 50 == 0 ? statuses.at((i / 50) % statuses.size()) : Status::Prescribed;
                v.createdBy = staff.at(i % staff.size());
                v.createdMsAgo = qint64(kVisits - i) * 60 * 1000;
                v.updatedMsAgo = v.createdMsAgo / 2;
                fx.addVisit(v);
            }
            return {};
        });
        if (!filled)
            qFatal("%s", qPrintable(filled.error().message));
        fx.finish();
    }
    std::printf("board bench: %d visits, %d patients written in %.1f s\n", kVisits, kPatients,
                timer.elapsed() / 1000.0);

    AuditLog audit(*store, nullptr);
    const double rssBefore = rssMiB();

    // Open: read every row, build the page, and paint the first screen of the table.
    timer.start();
    VisitBoardPage page(*store, &audit, QStringLiteral("ana"));
    PaintProbe probe;
    page.view()->viewport()->installEventFilter(&probe);
    page.reloadAll();
    page.resize(1366, 700);
    page.show();
    waitForPaint(probe);
    const double openMs = timer.nsecsElapsed() / 1e6;
    const double rssAfter = rssMiB();
    if (page.proxy()->rowCount() != kVisits)
        qFatal("the board shows %d rows, not %d", page.proxy()->rowCount(), kVisits);

    // Search: blind-index lookup, audit entry, filter over every row, repaint.
    QList<double> phoneMs, nameMs;
    for (int i = 0; i < 15; ++i) {
        const int p = (i * 7919) % kPatients;
        page.searchField()->setText(QStringLiteral("51255%1").arg(p, 5, 10, QLatin1Char('0')));
        timer.start();
        page.search();
        waitForPaint(probe);
        phoneMs << timer.nsecsElapsed() / 1e6;
        if (page.proxy()->rowCount() < 1)
            qFatal("the phone search found nothing");
        page.clearSearch();
        QCoreApplication::processEvents();

        page.searchField()->setText(QStringLiteral("First%1 Last%1 %2/%3/%4")
                                        .arg(p)
                                        .arg(1 + p % 12, 2, 10, QLatin1Char('0'))
                                        .arg(1 + p % 28, 2, 10, QLatin1Char('0'))
                                        .arg(1950 + p % 50));
        timer.start();
        page.search();
        waitForPaint(probe);
        nameMs << timer.nsecsElapsed() / 1e6;
        if (page.proxy()->rowCount() < 1)
            qFatal("the name search found nothing");
        page.clearSearch();
        QCoreApplication::processEvents();
    }

    // The first sort by patient opens every name once.
    timer.start();
    page.view()->horizontalHeader()->setSortIndicator(VisitBoardModel::PatientColumn,
                                                      Qt::AscendingOrder);
    waitForPaint(probe);
    const double sortMs = timer.nsecsElapsed() / 1e6;
    const double rssSorted = rssMiB();

    std::printf("BENCH board_open_100k %.0f ms (goal < 300 ms to first paint; %d visits)\n", openMs,
                kVisits);
    std::printf("BENCH board_search_phone_100k %.1f ms (goal < 50 ms; median of %lld, max %.1f)\n",
                bench::median(phoneMs), qint64(phoneMs.size()),
                *std::max_element(phoneMs.cbegin(), phoneMs.cend()));
    std::printf("BENCH board_search_name_dob_100k %.1f ms (goal < 50 ms; median of %lld, max "
                "%.1f)\n",
                bench::median(nameMs), qint64(nameMs.size()),
                *std::max_element(nameMs.cbegin(), nameMs.cend()));
    std::printf("BENCH board_sort_by_patient_100k %.0f ms (no goal; opens %d names once)\n", sortMs,
                kPatients);
    std::printf("BENCH console_memory_100k %.0f MiB (goal < 300 MiB; board open %.0f MiB, after "
                "sorting by name %.0f MiB; board's share %.0f MiB)\n",
                rssAfter, rssAfter, rssSorted, rssAfter - rssBefore);
    return 0;
}
