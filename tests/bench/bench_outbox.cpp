// BENCH: the provider outbox against the real sandbox over HTTPS on loopback: N submissions
// (default 300) stored, then sent by OutboxSender, first with no faults, then with 30% of
// requests failing. Figures: submissions per second (goal >= 20/s clean) and requests per
// submission under faults. The submissions are intakes submitted through IntakeSubmission (their
// real createNoPay bodies); the store lives beside a real data dir (BenchSupport.h). Prints
// figures; asserts only that every submission landed once.
#include "../provider/ProviderTestSupport.h"
#include "BenchSupport.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

using namespace clinicdesk;

namespace {

struct Run
{
    qint64 ms = 0;
    int requests = 0;
};

Run send(SandboxProcess &sandbox, const QString &dir, const QString &keyFile, int count, int *phone)
{
    KeyFileKeyProvider keys(keyFile);
    auto store = test::openStore(dir, keys);
    for (int i = 0; i < count; ++i)
        providertest::submitQueuedVisit(*store, QStringLiteral("51256%1").arg(10000 + ++*phone));
    const int before = sandbox.state().value("counters").toObject().value("requests").toInt();
    ProviderClient client(sandbox.clientConfig(1000));
    OutboxSender::Options options;
    options.baseBackoffMs = 20;
    options.maxBackoffMs = 400;
    OutboxSender sender(*store, client, options);
    QEventLoop loop;
    int sent = 0;
    QObject::connect(&sender, &OutboxSender::entrySent, &loop, [&] {
        if (++sent == count)
            loop.quit();
    });
    QTimer::singleShot(600'000, &loop, [&] { qFatal("outbox bench did not finish in 10 min"); });
    QElapsedTimer timer;
    timer.start();
    sender.start();
    loop.exec();
    Run run;
    run.ms = timer.elapsed();
    run.requests = sandbox.state().value("counters").toObject().value("requests").toInt() - before;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 300;
    QTemporaryDir dir(bench::storageTemplate());
    bench::noteStorage(dir.path());
    const QString keyFile = test::writeKeyFile(dir);
    SandboxProcess sandbox(dir.filePath(QStringLiteral("sandbox")));
    if (!sandbox.start() || !sandbox.setClinician({{"decision", "manual"}}))
        qFatal("cannot start the sandbox: %s", qPrintable(sandbox.failure()));
    int phone = 0;
    const Run clean = send(sandbox, dir.filePath(QStringLiteral("clean")), keyFile, count, &phone);
    sandbox.setFaults(
        {{"failRate", 0.3},
         {"modes", QJsonArray{"5xx", "5xx-after", "reset", "drop", "200-error", "429", "delay"}},
         {"delayMs", 1500},
         {"retryAfterSeconds", 0}});
    const Run flaky = send(sandbox, dir.filePath(QStringLiteral("flaky")), keyFile, count, &phone);
    sandbox.setFaults({{"failRate", 0}});
    if (sandbox.visitCount() != 2 * count)
        qFatal("expected %d sandbox visits, found %d", 2 * count, sandbox.visitCount());
    std::printf("BENCH outbox_submit_clean %.1f submissions/s (goal >= 20; %d in %lld ms, %d "
                "requests)\n",
                count * 1000.0 / double(qMax<qint64>(1, clean.ms)), count, clean.ms,
                clean.requests);
    std::printf("BENCH outbox_submit_30pct_faults %.1f submissions/s (%d in %lld ms, %.2f "
                "requests per submission, every one landed exactly once)\n",
                count * 1000.0 / double(qMax<qint64>(1, flaky.ms)), count, flaky.ms,
                double(flaky.requests) / count);
    sandbox.stop();
    return 0;
}
