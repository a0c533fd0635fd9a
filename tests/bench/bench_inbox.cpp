// The inbox's HTTP layer under load (issue 13, point 2; issue 19), on loopback against the real
// clinicdesk-inbox and, as the yardstick, nginx (Debian nginx-light, `return 204` over TLS with the
// same kind of certificate), in the same run, driven by the same senders:
//  1. throughput: 32 keep-alive TLS senders post signed webhooks; the inbox's figure counts only
//     2xx answers and the benchmark fails (no figure) unless its store then holds exactly that
//     many events; printed as webhooks/s, as a fraction of nginx's requests/s, with p50/p99, and
//     the CPU the inbox used (cores);
//  2. slow clients: while 30 connections dribble a chunked body one byte at a time and 600 hold
//     a 1 MiB body they never send (all from 127.0.0.2), how long /healthz and a genuine webhook
//     take from 127.0.0.1.
#include "../inbox/InboxTestSupport.h"
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>

using namespace clinicdesk;

namespace {

constexpr int kSenders = 32;
constexpr int kPerSender = 600;

void bench(const char *name, double figure, const char *unit, const char *goal)
{
    std::printf("BENCH %s %.2f %s (goal %s)\n", name, figure, unit, goal);
    std::fflush(stdout);
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values[qsizetype(p * double(values.size() - 1))]) / 1000.0; // µs -> ms
}

struct Totals
{
    QList<qint64> latenciesUs; // 2xx answers only
    int ok = 0;
    int other = 0;
    int finished = 0;
};

// One sender: requests one after another on a keep-alive TLS connection.
class Sender : public QObject
{
public:
    using Request = std::function<QByteArray(int sender, int n)>;

    Sender(int index, const QSslConfiguration &tls, quint16 port, Totals *totals, Request request)
        : m_index(index)
        , m_totals(totals)
        , m_request(std::move(request))
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] { sendNext(); });
        connect(&m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
        connect(&m_socket, &QAbstractSocket::disconnected, this, [this] { finish(); });
        connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                finish();
        });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port,
                                        QStringLiteral("127.0.0.1"));
    }

private:
    void sendNext()
    {
        m_timer.start();
        m_socket.write(m_request(m_index, m_sent++));
    }

    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const int status = m_buffer.mid(9, 3).toInt();
            const QByteArray head = m_buffer.left(headEnd).toLower();
            const qsizetype at = head.indexOf("\r\ncontent-length:");
            const qint64 length = at < 0 ? 0
                                         : head.mid(at + 17, head.indexOf('\r', at + 2) - at - 17)
                                               .trimmed()
                                               .toLongLong();
            if (m_buffer.size() < headEnd + 4 + length)
                return;
            m_buffer.remove(0, headEnd + 4 + length);
            ++m_answered;
            if (status >= 200 && status < 300) {
                ++m_totals->ok;
                m_totals->latenciesUs.append(m_timer.nsecsElapsed() / 1000);
            } else {
                ++m_totals->other;
            }
            if (m_sent < kPerSender)
                sendNext();
            else
                finish();
        }
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_totals->other += kPerSender - m_answered; // never answered: a failure too
        ++m_totals->finished;
        m_socket.disconnectFromHost();
    }

    QSslSocket m_socket;
    int m_index;
    int m_sent = 0;
    int m_answered = 0;
    bool m_done = false;
    Totals *m_totals;
    Request m_request;
    QElapsedTimer m_timer;
    QByteArray m_buffer;
};

struct Round
{
    double seconds = 0;
    Totals totals;
};

Round load(const QSslConfiguration &tls, quint16 port, const Sender::Request &request)
{
    Round round;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<Sender>> senders;
    for (int i = 0; i < kSenders; ++i)
        senders.push_back(std::make_unique<Sender>(i, tls, port, &round.totals, request));
    QDeadlineTimer deadline(600000);
    while (round.totals.finished < kSenders && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    round.seconds = double(timer.nsecsElapsed()) / 1e9;
    senders.clear();
    return round;
}

QByteArray webhook(int sender, int n, const QByteArray &prefix)
{
    const QByteArray id = prefix + QByteArray::number(sender) + '_' + QByteArray::number(n);
    const QByteArray body = "{\"masterId\":\"BM" + QByteArray::number(sender) +
                            "\",\"event\":\"CS_MESSAGE\",\"content\":\"benchmark message\"}";
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return "POST /webhooks/beluga HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "webhook-id: " +
           id + "\r\nwebhook-timestamp: " + ts + "\r\nwebhook-signature: v1," +
           WebhookVerifier::sign(inboxtest::referenceKey(), id, ts, body) +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Ticks (utime + stime) of a process, from /proc.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong();
}

// nginx on loopback, `return 204` over TLS: the yardstick.
class Nginx
{
public:
    explicit Nginx(const QString &root)
        : m_root(root)
    {}
    ~Nginx() { stop(); }

    bool start(quint16 port)
    {
        const QString binary = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (binary.isEmpty()) {
            std::printf("nginx not found (Debian package nginx-light)\n");
            return false;
        }
        QDir().mkpath(m_root + QStringLiteral("/tmp"));
        const QString cert = m_root + QStringLiteral("/cert.pem");
        const QString key = m_root + QStringLiteral("/key.pem");
        if (!TlsIdentity::generateSelfSigned(cert, key)) {
            std::printf("cannot make nginx's certificate\n");
            return false;
        }
        QFile conf(m_root + QStringLiteral("/nginx.conf"));
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        const QByteArray tmp = QFile::encodeName(m_root + QStringLiteral("/tmp"));
        conf.write("worker_processes auto;\ndaemon off;\nmaster_process on;\npid " +
                   QFile::encodeName(m_root) + "/nginx.pid;\nerror_log " +
                   QFile::encodeName(m_root) +
                   "/error.log;\nevents { worker_connections 4096; }\nhttp {\n access_log off;\n"
                   " client_body_temp_path " +
                   tmp + ";\n proxy_temp_path " + tmp + ";\n fastcgi_temp_path " + tmp +
                   ";\n uwsgi_temp_path " + tmp + ";\n scgi_temp_path " + tmp +
                   ";\n keepalive_requests 1000000;\n server {\n  listen 127.0.0.1:" +
                   QByteArray::number(port) + " ssl;\n  ssl_certificate " +
                   QFile::encodeName(cert) + ";\n  ssl_certificate_key " + QFile::encodeName(key) +
                   ";\n  ssl_protocols TLSv1.2 TLSv1.3;\n  location / { return 204; }\n }\n}\n");
        conf.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(binary,
                        {QStringLiteral("-p"), m_root, QStringLiteral("-c"), conf.fileName()});
        if (!m_process.waitForStarted(10000))
            return false;
        m_port = port;
        // Ready once it accepts connections.
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            if (probe.waitForConnected(200))
                return true;
            if (m_process.state() != QProcess::Running)
                break;
        }
        std::printf("nginx did not start listening\n");
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGQUIT);
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QSslConfiguration tls() const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(m_root + QStringLiteral("/cert.pem")));
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        return config;
    }

private:
    QString m_root;
    QProcess m_process;
    quint16 m_port = 0;
};

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Events in the inbox's store, counted through the consumer API.
qint64 storedEvents(inboxtest::Inbox &inbox)
{
    qint64 count = 0;
    qint64 after = 0;
    for (;;) {
        auto page = inbox.getEvents(QStringLiteral("?after=%1&limit=1000").arg(after));
        if (page.status != 200)
            return -1;
        const QJsonArray events = page.json().value(QStringLiteral("events")).toArray();
        if (events.isEmpty())
            return count;
        count += events.size();
        after = page.json().value(QStringLiteral("nextCursor")).toInteger();
    }
}

struct InboxRound
{
    Round round;
    double cores = 0;
    qint64 stored = 0;
};

InboxRound inboxRound(const QString &root, int index)
{
    InboxRound result;
    inboxtest::Inbox inbox(root + QStringLiteral("/inbox-%1").arg(index));
    if (!inbox.start()) {
        std::printf("inbox did not start: %s\n", qPrintable(inbox.process.failureReason()));
        return result;
    }
    const qint64 before = cpuTicks(inbox.process.processId());
    const QByteArray prefix = "r" + QByteArray::number(index) + '_';
    result.round = load(inbox.tls(), quint16(inbox.url.port()),
                        [&](int sender, int n) { return webhook(sender, n, prefix); });
    const qint64 ticks = cpuTicks(inbox.process.processId()) - before;
    result.cores = double(ticks) / double(::sysconf(_SC_CLK_TCK)) / result.round.seconds;
    result.stored = storedEvents(inbox);
    inbox.process.signalAndWait(SIGTERM);
    return result;
}

bool benchThroughput(const QString &root)
{
    // Two rounds each, alternating; the better round of each counts (the same treatment).
    Round nginxBest;
    InboxRound inboxBest;
    for (int i = 0; i < 2; ++i) {
        Nginx nginx(root + QStringLiteral("/nginx-%1").arg(i));
        const quint16 port = freePort();
        if (!nginx.start(port))
            return false;
        Round n =
            load(nginx.tls(), port, [](int sender, int k) { return webhook(sender, k, "n_"); });
        nginx.stop();
        std::printf("nginx round %d: %d 2xx, %d other in %.2f s\n", i, n.totals.ok, n.totals.other,
                    n.seconds);
        if (n.totals.ok / n.seconds > nginxBest.totals.ok / qMax(nginxBest.seconds, 1e-9))
            nginxBest = n;
        InboxRound r = inboxRound(root, i);
        std::printf("inbox round %d: %d 2xx, %d other in %.2f s, %lld events stored, %.2f cores\n",
                    i, r.round.totals.ok, r.round.totals.other, r.round.seconds,
                    qlonglong(r.stored), r.cores);
        if (r.stored != r.round.totals.ok) {
            std::printf("the inbox acknowledged %d webhooks but stores %lld events: no figure\n",
                        r.round.totals.ok, qlonglong(r.stored));
            return false;
        }
        if (r.round.totals.ok / r.round.seconds >
            inboxBest.round.totals.ok / qMax(inboxBest.round.seconds, 1e-9))
            inboxBest = r;
    }
    if (inboxBest.round.totals.ok == 0 || nginxBest.totals.ok == 0) {
        std::printf("no request succeeded: no figure\n");
        return false;
    }
    const double inboxRate = inboxBest.round.totals.ok / inboxBest.round.seconds;
    const double nginxRate = nginxBest.totals.ok / nginxBest.seconds;
    bench("inbox_webhooks_per_second", inboxRate, "webhooks/s", ">= 5000/s");
    bench("nginx_requests_per_second", nginxRate, "requests/s", "-");
    bench("inbox_vs_nginx_ratio", inboxRate / nginxRate, "x", ">= 0.35");
    bench("inbox_webhook_p50", percentile(inboxBest.round.totals.latenciesUs, 0.50), "ms", "-");
    bench("inbox_webhook_p99", percentile(inboxBest.round.totals.latenciesUs, 0.99), "ms",
          "< 10 ms");
    bench("nginx_request_p99", percentile(nginxBest.totals.latenciesUs, 0.99), "ms", "-");
    bench("inbox_cpu_cores", inboxBest.cores, "cores", "> 1");
    return true;
}

// How long one request takes on a new TLS connection from 127.0.0.1 (-1: no answer).
double timedRequest(const inboxtest::Inbox &inbox, const QByteArray &request, int *status)
{
    QElapsedTimer timer;
    timer.start();
    QSslSocket socket;
    socket.setSslConfiguration(inbox.tls());
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(inbox.url.port()),
                                  QStringLiteral("127.0.0.1"));
    if (!socket.waitForEncrypted(30000))
        return -1;
    socket.write(request);
    QByteArray reply;
    while (!reply.contains("\r\n\r\n") && socket.waitForReadyRead(30000))
        reply += socket.readAll();
    *status = reply.mid(9, 3).toInt();
    return double(timer.nsecsElapsed()) / 1e6;
}

bool benchSlowClients(const QString &root)
{
    inboxtest::Inbox inbox(root + QStringLiteral("/attacked"));
    if (!inbox.start())
        return false;
    const quint16 port = quint16(inbox.url.port());
    const QHostAddress attacker(QStringLiteral("127.0.0.2"));
    std::vector<std::unique_ptr<QSslSocket>> attackers;
    auto open = [&](const QByteArray &head) {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(inbox.tls());
        socket->bind(attacker, 0);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port,
                                       QStringLiteral("127.0.0.1"));
        if (socket->waitForEncrypted(10000))
            socket->write(head);
        attackers.push_back(std::move(socket));
    };
    for (int i = 0; i < 600; ++i)
        open("POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n");
    const size_t idle = attackers.size();
    for (int i = 0; i < 30; ++i)
        open("POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    QTimer dribble;
    QObject::connect(&dribble, &QTimer::timeout, [&] {
        for (size_t i = idle; i < attackers.size(); ++i) {
            if (attackers[i]->state() == QAbstractSocket::ConnectedState)
                attackers[i]->write("1\r\na\r\n");
        }
    });
    dribble.start(50);
    QList<qint64> healthz;
    int failures = 0;
    for (int i = 0; i < 20; ++i) {
        int status = 0;
        const double ms = timedRequest(inbox, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", &status);
        if (status != 200)
            ++failures;
        healthz.append(qint64(ms * 1000));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20); // the dribblers go on
    }
    int status = 0;
    const QByteArray body =
        inboxtest::eventBody(QStringLiteral("m-a"), QStringLiteral("CS_MESSAGE"));
    const QNetworkRequest signedRequest = inbox.webhookRequest("bench_attack_1", body);
    QByteArray raw = "POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &h : {QByteArray("webhook-id"), QByteArray("webhook-timestamp"),
                                QByteArray("webhook-signature")})
        raw += h + ": " + signedRequest.rawHeader(h) + "\r\n";
    const double webhookMs = timedRequest(inbox, raw + "\r\n" + body, &status);
    dribble.stop();
    std::printf("under attack: /healthz %d of 20 not 200; a genuine webhook got %d\n", failures,
                status);
    attackers.clear();
    inbox.process.signalAndWait(SIGTERM);
    if (failures > 0 || (status != 200 && status != 429))
        return false;
    std::sort(healthz.begin(), healthz.end());
    bench("inbox_healthz_under_attack_max", double(healthz.last()) / 1000.0, "ms", "< 100 ms");
    bench("inbox_healthz_under_attack_median", double(healthz[healthz.size() / 2]) / 1000.0, "ms",
          "-");
    bench("inbox_webhook_under_attack", webhookMs, "ms", "-");
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("clinicdesk.*.info=false"));
    // Beside a real data dir (not a tmpfs): the inbox's fsyncs are part of what is measured.
    const QString parent = QDir::home().filePath(QStringLiteral(".cache"));
    QDir().mkpath(parent);
    QTemporaryDir dir(parent + QStringLiteral("/clinicdesk-bench-XXXXXX"));
    std::printf("bench stores in %s\n", qPrintable(dir.path()));
    const bool throughput = benchThroughput(dir.path());
    const bool slow = benchSlowClients(dir.path());
    return throughput && slow ? 0 : 1;
}
