// Relay commit -> every open console, on PostgreSQL (issue 16, "webhook -> every open console p95
// with 5 consoles, goal < 1 s"). A throwaway cluster (scripts/pg-cluster, fsync on), the relay's
// store instance and five console store instances (own data dir, own key ring copy) on one
// schema, each console with its ChangeFeed. For each of kEvents provider messages the relay
// applies it (VisitEventApplier, its own transaction: what clinicdesk-relay does with a webhook
// it fetched), and each console, when its feed says the visit changed, reads the visit as its open
// detail does (VisitRecordReader). The figure is from just before the relay's apply to that read's
// end, over every (event, console) pair. The inbox -> relay leg is bench_inbox_relay's.
#include "BenchSupport.h"
#include "BoardFixture.h"
#include "TestSupport.h"
#include "store/ChangeFeed.h"
#include "visits/VisitRecord.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>

#include <algorithm>
#include <cstdio>

using namespace clinicdesk;
using namespace clinicdesk::test;

namespace {

constexpr int kConsoles = 5;
constexpr int kEvents = 200;

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString envFile = dir.filePath(QStringLiteral("pg.env"));
    QProcess cluster;
    cluster.start(
        qEnvironmentVariable("CLINICDESK_SOURCE_DIR", QStringLiteral(CLINICDESK_SOURCE_TREE)) +
            QStringLiteral("/scripts/pg-cluster"),
        {QStringLiteral("start"), QStringLiteral("--fsync"), QStringLiteral("on"),
         QStringLiteral("--env-file"), envFile});
    if (!cluster.waitForFinished(120'000) || cluster.exitCode() != 0)
        qFatal("pg-cluster start failed: %s", cluster.readAllStandardError().constData());
    qputenv("CLINICDESK_TEST_PG_ENV", envFile.toUtf8());
    qputenv("CLINICDESK_TEST_BACKEND", "postgresql");
    int status = 0;
    {
        const QString relayDir = dir.filePath(QStringLiteral("relay"));
        const QString keyFile = dir.filePath(QStringLiteral("relay.key"));
        KeyFileKeyProvider relayKeys(keyFile);
        auto relay = openStore(relayDir, relayKeys);
        const StoreLocation location = storeLocation(relayDir);
        BoardFixture fx(*relay);
        const QString patient = fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                              QDate(1980, 1, 2), QStringLiteral("5125550110"));
        const QString visit =
            fx.addVisit({patient, QStringLiteral("ED"), VisitStateMachine::Status::Submitted,
                         VisitStateMachine::RxStatus::None, QStringLiteral("ana")});

        std::vector<std::unique_ptr<KeyFileKeyProvider>> keys;
        std::vector<std::unique_ptr<LocalStore>> consoles;
        std::vector<std::unique_ptr<ChangeFeed>> feeds;
        QElapsedTimer clock;
        QList<double> samples;
        int pending = 0;
        for (int c = 0; c < kConsoles; ++c) {
            const QString key = dir.filePath(QStringLiteral("console-%1.key").arg(c));
            QFile::copy(keyFile, key);
            keys.push_back(std::make_unique<KeyFileKeyProvider>(key));
            auto store = LocalStore::open({dir.filePath(QStringLiteral("console-%1").arg(c)),
                                           keys.back().get(), false, location, false});
            if (!store)
                qFatal("console store: %s", qPrintable(store.error().message));
            consoles.push_back(std::move(store).value());
            auto feed =
                ChangeFeed::open(consoles.back()->db(), consoles.back()->connectionOpener());
            if (!feed || !feed.value())
                qFatal("change feed did not open");
            LocalStore *console = consoles.back().get();
            QObject::connect(feed.value().get(), &ChangeFeed::visitsChanged,
                             [&, console](const QStringList &ids) {
                                 if (!ids.contains(visit) || pending == 0)
                                     return;
                                 if (!VisitRecordReader(*console).read(visit))
                                     qFatal("console could not read the visit");
                                 samples << clock.nsecsElapsed() / 1e6;
                                 --pending;
                             });
            feeds.push_back(std::move(feed).value());
        }

        for (int i = 0; i < kEvents; ++i) {
            const QJsonObject event{
                {QStringLiteral("cursor"), i + 1},
                {QStringLiteral("id"), QStringLiteral("msg_bench_%1").arg(i)},
                {QStringLiteral("provider"), QStringLiteral("beluga")},
                {QStringLiteral("receivedAt"), TimeText::utcNow()},
                {QStringLiteral("payload"),
                 QJsonObject{{QStringLiteral("masterId"), fx.masterIdOf(visit)},
                             {QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                             {QStringLiteral("content"), QStringLiteral("Message %1").arg(i)}}}};
            pending = kConsoles;
            clock.start();
            auto applied = VisitEventApplier(*relay).applyBatch({event});
            if (!applied || applied->applied != 1)
                qFatal("relay did not apply the event");
            QDeadlineTimer deadline(10'000);
            while (pending > 0 && !deadline.hasExpired())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            if (pending > 0) {
                std::printf("BENCH-FAIL event %d reached %d of %d consoles in 10 s\n", i,
                            kConsoles - pending, kConsoles);
                status = 1;
                break;
            }
        }
        if (!samples.isEmpty()) {
            std::printf("BENCH relay_commit_to_%d_consoles_p50 %.1f ms\n", kConsoles,
                        percentile(samples, 0.50));
            std::printf("BENCH relay_commit_to_%d_consoles_p95 %.1f ms (goal < 1000 ms)\n",
                        kConsoles, percentile(samples, 0.95));
            std::printf("BENCH relay_commit_to_%d_consoles_max %.1f ms (%lld samples)\n", kConsoles,
                        percentile(samples, 1.0), qlonglong(samples.size()));
        }
        feeds.clear();
        consoles.clear();
    }
    QProcess stop;
    stop.start(
        qEnvironmentVariable("CLINICDESK_SOURCE_DIR", QStringLiteral(CLINICDESK_SOURCE_TREE)) +
            QStringLiteral("/scripts/pg-cluster"),
        {QStringLiteral("stop"), envFile});
    stop.waitForFinished(60'000);
    return status;
}
