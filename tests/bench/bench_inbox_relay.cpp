// Speed of the webhook path (issue 5, point 7), on loopback against the real programs (the
// inbox's own throughput, beside nginx in the same run, is bench_inbox):
//  1. clinicdesk-relay: events per second from an inbox holding a backlog to a console store
//     that has applied them all and an inbox that has their cursors committed: HTTPS long-poll
//     pages, JSON parsing, the store transaction per page and the cursor commits, from the
//     relay's start (its store opening included). Every event changes its visit (a visit goes
//     Submitted -> NeedsInfo -> Prescribed, its prescription Written -> ... -> Delivered);
//  2. webhook-to-console latency through the real clinicdesk-relay long-poll: from the POST to
//     the ConsoleNotifier message naming the visit, p50/p95.
// Visits are made by submitting intakes (tests/common/IntakeSupport.h), stores live beside a
// real data dir (BenchSupport.h says which file system). A figure that could not be measured
// completely (an event that never arrived, a visit left unchanged) is not printed, and the
// program exits non-zero.
#include "../inbox/InboxTestSupport.h"
#include "../relay/RelayTestSupport.h"
#include "BenchSupport.h"
#include "IntakeSupport.h"
#include "TestSupport.h"
#include "keys/KeyFileKeyProvider.h"
#include "relay/ConsoleNotifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>

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

// Starts the real relay on `consoleDir` against `inbox`; false when it does not say "polling".
bool startRelay(QProcess &relay, const inboxtest::Inbox &inbox, const QString &consoleDir,
                const QString &keyFile)
{
    relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")),
                {QStringLiteral("--data-dir"), consoleDir, QStringLiteral("--key-file"), keyFile,
                 QStringLiteral("--inbox"), inbox.url.toString(), QStringLiteral("--token-file"),
                 inbox.tokenFile, QStringLiteral("--ca-file"),
                 TlsIdentity::generatedCertificatePath(inbox.dataDir)});
    if (!relay.waitForStarted(10000))
        return false;
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!out.contains("polling ") && !deadline.hasExpired() &&
           relay.state() == QProcess::Running) {
        if (relay.waitForReadyRead(100))
            out += relay.readAllStandardOutput();
    }
    return out.contains("polling ");
}

// The relay consumer's lag in the inbox's /metrics (-1 when unreadable).
qint64 relayLag(inboxtest::Inbox &inbox)
{
    const QByteArray metrics =
        inboxtest::Inbox::finish(inbox.network.get(inbox.request(QStringLiteral("/metrics")))).body;
    const QByteArray key = "clinicdesk_inbox_consumer_lag{consumer=\"relay\"} ";
    const qsizetype at = metrics.indexOf(key);
    if (at < 0)
        return -1;
    return metrics.mid(at + key.size(), metrics.indexOf('\n', at) - at - key.size()).toLongLong();
}

// Posts every body with its id, 32 at a time; false unless every one was answered 200.
bool postAll(inboxtest::Inbox &inbox, const QList<QPair<QByteArray, QByteArray>> &webhooks)
{
    qsizetype next = 0;
    int inFlight = 0;
    int failed = 0;
    std::function<void()> pump = [&] {
        while (inFlight < 32 && next < webhooks.size()) {
            const auto &[id, body] = webhooks.at(next++);
            QNetworkReply *reply = inbox.network.post(inbox.webhookRequest(id, body), body);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
                --inFlight;
                reply->deleteLater();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    ++failed;
                pump();
            });
        }
    };
    pump();
    QDeadlineTimer deadline(600000);
    while ((inFlight > 0 || next < webhooks.size()) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return inFlight == 0 && next == webhooks.size() && failed == 0;
}

QJsonObject stageEvent(const QString &masterId, int stage, int visit)
{
    const QString order = QStringLiteral("ord-%1").arg(visit);
    switch (stage) {
    case 0:
        return relaytest::payload(masterId, QStringLiteral("DOCTOR_CHAT"),
                                  {{QStringLiteral("content"), QStringLiteral("Any allergies?")}});
    case 1:
        return relaytest::payload(masterId, QStringLiteral("CONSULT_CONCLUDED"),
                                  {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}});
    case 2:
        return relaytest::payload(
            masterId, QStringLiteral("RX_WRITTEN"),
            {{QStringLiteral("docName"), QStringLiteral("Dr. Bench")},
             {QStringLiteral("medsPrescribed"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Finasteride")},
                                     {QStringLiteral("strength"), QStringLiteral("1 mg")}}}}});
    case 3:
        return relaytest::payload(masterId, QStringLiteral("PHARMACY_ORDER_IN_FULFILLMENT"),
                                  {{QStringLiteral("orderId"), order}});
    case 4:
        return relaytest::payload(
            masterId, QStringLiteral("PHARMACY_ORDER_SHIPPED"),
            {{QStringLiteral("orderId"), order},
             {QStringLiteral("info"),
              QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                          {QStringLiteral("tracking"), QStringLiteral("1Z%1").arg(visit)}}}});
    default:
        return relaytest::payload(masterId, QStringLiteral("PHARMACY_ORDER_DELIVERED"),
                                  {{QStringLiteral("orderId"), order}});
    }
}

bool benchRelay(const QString &root)
{
    constexpr int kVisits = 3000;
    constexpr int kStages = 6;
    constexpr int kEvents = kVisits * kStages;
    inboxtest::Inbox inbox(root + QStringLiteral("/relay-inbox"));
    if (!inbox.start()) {
        std::printf("relay: the inbox did not start: %s\n",
                    qPrintable(inbox.process.failureReason()));
        return false;
    }
    const QString consoleDir = root + QStringLiteral("/relay-console");
    const QString keyFile = root + QStringLiteral("/relay.key");
    KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
    KeyFileKeyProvider keys(keyFile);
    auto store = LocalStore::open({consoleDir, &keys, false});
    if (!store)
        return false;
    QStringList masterIds;
    for (int v = 0; v < kVisits; ++v)
        masterIds << test::submitVisit(*store.value(),
                                       QStringLiteral("31255%1").arg(v, 5, 10, QLatin1Char('0')))
                         .masterId;
    QList<QPair<QByteArray, QByteArray>> webhooks;
    for (int stage = 0; stage < kStages; ++stage) {
        for (int v = 0; v < kVisits; ++v)
            webhooks.append({"rl_" + QByteArray::number(v) + '_' + QByteArray::number(stage),
                             QJsonDocument(stageEvent(masterIds.at(v), stage, v))
                                 .toJson(QJsonDocument::Compact)});
    }
    if (!postAll(inbox, webhooks) || relayLag(inbox) != kEvents) {
        std::printf("relay: the inbox did not store the %d events\n", kEvents);
        return false;
    }

    QProcess relay;
    QElapsedTimer timer;
    timer.start();
    if (!startRelay(relay, inbox, consoleDir, keyFile)) {
        std::printf("relay: clinicdesk-relay did not start\n");
        return false;
    }
    QDeadlineTimer deadline(600000);
    // The lag is asked every 5 ms (at most 5 ms late), not in a busy loop: back to back, these
    // /metrics requests took about a core of this machine's two from the relay and the inbox
    // they measure (processEvents returns at once when nothing is pending).
    while (relayLag(inbox) != 0 && !deadline.hasExpired() && relay.state() == QProcess::Running) {
        QEventLoop pause;
        QTimer::singleShot(5, &pause, &QEventLoop::quit);
        pause.exec();
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    ::kill(pid_t(relay.processId()), SIGTERM);
    relay.waitForFinished(15000);
    const qint64 processed =
        relaytest::count(*store.value(), QStringLiteral("SELECT COUNT(*) FROM processed_events "
                                                        "WHERE id LIKE 'beluga:rl_%'"));
    const qint64 changed = relaytest::count(
        *store.value(), QStringLiteral("SELECT COUNT(*) FROM visits WHERE status = 'Prescribed' "
                                       "AND rx_status = 'Delivered'"));
    if (relayLag(inbox) != 0 || processed != kEvents || changed != kVisits) {
        std::printf("relay: %lld of %d events applied, %lld of %d visits delivered\n",
                    qlonglong(processed), kEvents, qlonglong(changed), kVisits);
        return false;
    }
    std::printf("relay: %d events over %d visits in %.2f s\n", kEvents, kVisits, seconds);
    bench("relay_events_applied_per_second", kEvents / seconds, "events/s",
          ">= 20000/s; the real relay: HTTPS pages, JSON, store, cursor commits");
    inbox.process.signalAndWait(SIGTERM);
    return true;
}

bool benchLatency(const QString &root)
{
    constexpr int kEvents = 200;
    inboxtest::Inbox inbox(root + QStringLiteral("/latency-inbox"));
    if (!inbox.start())
        return false;
    const QString consoleDir = root + QStringLiteral("/latency-console");
    const QString keyFile = root + QStringLiteral("/latency.key");
    KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
    KeyFileKeyProvider keys(keyFile);
    auto store = LocalStore::open({consoleDir, &keys, false});
    if (!store)
        return false;
    QStringList visits, masterIds;
    for (int v = 0; v < kEvents; ++v) {
        const auto out = test::submitVisit(
            *store.value(), QStringLiteral("41255%1").arg(v, 5, 10, QLatin1Char('0')));
        visits << out.visitId;
        masterIds << out.masterId;
    }
    ConsoleNotifierServer console;
    if (!console.listen(consoleDir))
        return false;
    QSet<QString> seen;
    QObject::connect(
        &console, &ConsoleNotifierServer::visitsChanged, &console,
        [&](const QStringList &ids) { seen.unite(QSet<QString>(ids.begin(), ids.end())); });
    QProcess relay;
    if (!startRelay(relay, inbox, consoleDir, keyFile)) {
        std::printf("latency: clinicdesk-relay did not start\n");
        return false;
    }
    // Let the relay park its first long-poll.
    QDeadlineTimer settle(1000);
    while (!settle.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QList<qint64> latencies;
    bool complete = true;
    for (int i = 0; i < kEvents; ++i) {
        const QString &visit = visits.at(i);
        const QByteArray body =
            QJsonDocument(stageEvent(masterIds.at(i), 0, i)).toJson(QJsonDocument::Compact);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply =
            inbox.network.post(inbox.webhookRequest("lat_" + QByteArray::number(i), body), body);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        QDeadlineTimer deadline(10000);
        while (!seen.contains(visit) && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        if (!seen.contains(visit)) {
            std::printf("latency: visit %d never reached the console; no figure\n", i);
            complete = false;
            break;
        }
        latencies.append(timer.nsecsElapsed() / 1000);
    }
    ::kill(pid_t(relay.processId()), SIGTERM);
    relay.waitForFinished(10000);
    inbox.process.signalAndWait(SIGTERM);
    if (!complete || latencies.size() != kEvents)
        return false;
    bench("webhook_to_console_p50", percentile(latencies, 0.50), "ms", "-");
    bench("webhook_to_console_p95", percentile(latencies, 0.95), "ms", "< 1000 ms");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*.info=false"));
    QTemporaryDir dir(bench::storageTemplate());
    bench::noteStorage(dir.path());
    const bool relayMeasured = benchRelay(dir.path());
    const bool latencyMeasured = benchLatency(dir.path());
    return relayMeasured && latencyMeasured ? 0 : 1;
}
