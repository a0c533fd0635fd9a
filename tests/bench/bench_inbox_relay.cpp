// Speed of the webhook path (issue 5, point 7), on loopback against the real programs (the
// inbox's own throughput is bench_inbox):
//  1. VisitEventApplier: events applied to the console store per second (batches of 500, as the
//     relay applies an inbox page, each batch synced before the relay would commit its cursor);
//  2. webhook-to-console latency through the real clinicdesk-relay long-poll: from the POST to
//     the ConsoleNotifier message naming the visit, p50/p95.
#include "../inbox/InboxTestSupport.h"
#include "../relay/RelayTestSupport.h"
#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "relay/ConsoleNotifier.h"
#include "relay/VisitEventApplier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <csignal>
#include <cstdio>

using namespace clinicdesk;

namespace {

void bench(const char *name, double figure, const char *unit, const char *goal)
{
    std::printf("BENCH %s %.1f %s (goal %s)\n", name, figure, unit, goal);
    std::fflush(stdout);
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values[qsizetype(p * double(values.size() - 1))]) / 1000.0; // µs -> ms
}

void benchApplier(const QString &root)
{
    constexpr int kVisits = 200;
    constexpr int kEvents = 50000;
    constexpr int kBatch = 500;
    const QString keyFile = root + QStringLiteral("/applier.key");
    KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
    KeyFileKeyProvider keys(keyFile);
    auto store = LocalStore::open({root + QStringLiteral("/applier"), &keys, false});
    if (!store)
        return;
    for (int v = 0; v < kVisits; ++v)
        relaytest::addVisit(*store.value(), QStringLiteral("bv%1").arg(v),
                            QStringLiteral("BM%1").arg(v));
    const char *types[] = {"CS_MESSAGE", "DOCTOR_CHAT", "RX_WRITTEN", "PHARMACY_ORDER_SHIPPED"};
    QList<QJsonObject> events;
    events.reserve(kEvents);
    for (int i = 0; i < kEvents; ++i)
        events.append(relaytest::inboxEvent(
            i + 1, QStringLiteral("ev%1").arg(i),
            relaytest::payload(
                QStringLiteral("BM%1").arg(i % kVisits), QLatin1String(types[i % 4]),
                {{QStringLiteral("content"), QStringLiteral("benchmark message")}})));
    VisitEventApplier applier(*store.value());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kEvents; i += kBatch) {
        if (!applier.applyBatch(events.mid(i, kBatch))) {
            std::printf("applier failed\n");
            return;
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    bench("relay_events_applied_per_second", kEvents / seconds, "events/s", ">= 20000/s");
}

void benchLatency(const QString &root)
{
    constexpr int kEvents = 200;
    inboxtest::Inbox inbox(root + QStringLiteral("/latency-inbox"));
    if (!inbox.start())
        return;
    const QString consoleDir = root + QStringLiteral("/latency-console");
    const QString keyFile = root + QStringLiteral("/latency.key");
    KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
    KeyFileKeyProvider keys(keyFile);
    auto store = LocalStore::open({consoleDir, &keys, false});
    if (!store)
        return;
    for (int v = 0; v < kEvents; ++v)
        relaytest::addVisit(*store.value(), QStringLiteral("lv%1").arg(v),
                            QStringLiteral("LM%1").arg(v));
    ConsoleNotifierServer console;
    console.listen(consoleDir);
    QSet<QString> seen;
    QObject::connect(
        &console, &ConsoleNotifierServer::visitsChanged, &console,
        [&](const QStringList &ids) { seen.unite(QSet<QString>(ids.begin(), ids.end())); });
    QProcess relay;
    relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                {QStringLiteral("--data-dir"), consoleDir, QStringLiteral("--key-file"), keyFile,
                 QStringLiteral("--inbox"), inbox.url.toString(), QStringLiteral("--token-file"),
                 inbox.tokenFile, QStringLiteral("--ca-file"),
                 TlsIdentity::generatedCertificatePath(inbox.dataDir)});
    relay.waitForStarted(10000);
    // Let the relay park its first long-poll.
    QDeadlineTimer settle(1000);
    while (!settle.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QList<qint64> latencies;
    for (int i = 0; i < kEvents; ++i) {
        const QString visit = QStringLiteral("lv%1").arg(i);
        const QByteArray body = QJsonDocument(relaytest::payload(QStringLiteral("LM%1").arg(i),
                                                                 QStringLiteral("CS_MESSAGE")))
                                    .toJson(QJsonDocument::Compact);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply =
            inbox.network.post(inbox.webhookRequest("lat_" + QByteArray::number(i), body), body);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        QDeadlineTimer deadline(10000);
        while (!seen.contains(visit) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (!seen.contains(visit)) {
            std::printf("visit %d never reached the console\n", i);
            break;
        }
        latencies.append(timer.nsecsElapsed() / 1000);
    }
    bench("webhook_to_console_p50", percentile(latencies, 0.50), "ms", "-");
    bench("webhook_to_console_p95", percentile(latencies, 0.95), "ms", "< 1000 ms");
    ::kill(pid_t(relay.processId()), SIGTERM);
    relay.waitForFinished(10000);
    inbox.process.signalAndWait(SIGTERM);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*.info=false"));
    QTemporaryDir dir;
    benchApplier(dir.path());
    benchLatency(dir.path());
    return 0;
}
