#include "InboxTestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSslSocket>

#include <csignal>

using namespace inboxtest;

// DESIGN's two inbox contracts, driven against the real clinicdesk-inbox over HTTPS on loopback,
// plus the hostile-input limits (huge heads, slow senders, half-open connections).
class TestInboxContract : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inbox> m_inbox;

    // A raw TLS connection for requests QNetworkAccessManager would not send.
    std::unique_ptr<QSslSocket> rawConnection()
    {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(m_inbox->tls());
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_inbox->url.port()),
                                       QStringLiteral("127.0.0.1"));
        if (!socket->waitForEncrypted(10000))
            return nullptr;
        return socket;
    }

    static QByteArray readReply(QSslSocket &socket, int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        QByteArray all;
        while (!deadline.hasExpired() && !all.contains("\r\n\r\n")) {
            if (!socket.bytesAvailable() && !socket.waitForReadyRead(int(deadline.remainingTime())))
                break;
            all += socket.readAll();
        }
        return all;
    }

    QByteArray metrics(Inbox *inbox = nullptr)
    {
        return inboxtest::metrics(inbox ? *inbox : *m_inbox);
    }

    bool healthy()
    {
        auto reply =
            Inbox::finish(m_inbox->network.get(m_inbox->request(QStringLiteral("/healthz"))));
        return reply.status == 200;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inbox = std::make_unique<Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_INBOX_MAX_CONNECTIONS"), QStringLiteral("64"));
        QVERIFY2(m_inbox->start(env), qPrintable(m_inbox->process.failureReason()));
        QCOMPARE(m_inbox->url.scheme(), QStringLiteral("https"));
    }

    void storedEventIsAcknowledgedAndServed()
    {
        const QByteArray body = eventBody(QStringLiteral("m-1"), QStringLiteral("DOCTOR_CHAT"));
        auto reply = m_inbox->postWebhook("msg_stored_1", body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
        const qint64 cursor = reply.json().value(QStringLiteral("cursor")).toInteger();
        QVERIFY(cursor >= 1);

        auto page = m_inbox->getEvents(QStringLiteral("?after=%1&limit=10").arg(cursor - 1));
        QCOMPARE(page.status, 200);
        const QJsonArray events = page.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.first().toObject();
        QCOMPARE(e.value(QStringLiteral("cursor")).toInteger(), cursor);
        QCOMPARE(e.value(QStringLiteral("id")).toString(), QStringLiteral("msg_stored_1"));
        QCOMPARE(e.value(QStringLiteral("provider")).toString(), QStringLiteral("beluga"));
        const QDateTime at = QDateTime::fromString(e.value(QStringLiteral("receivedAt")).toString(),
                                                   Qt::ISODateWithMs);
        QVERIFY(at.isValid());
        QCOMPARE(at.timeSpec(), Qt::UTC);
        QCOMPARE(e.value(QStringLiteral("payload")).toObject(),
                 QJsonDocument::fromJson(body).object());
        QCOMPARE(page.json().value(QStringLiteral("nextCursor")).toInteger(), cursor);
    }

    void duplicateIsAcknowledgedAndStoredOnce()
    {
        const QByteArray body = eventBody(QStringLiteral("m-2"), QStringLiteral("CS_MESSAGE"));
        auto first = m_inbox->postWebhook("msg_dup", body);
        auto second = m_inbox->postWebhook("msg_dup", body);
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(second.json().value(QStringLiteral("cursor")),
                 first.json().value(QStringLiteral("cursor")));
        auto page = m_inbox->getEvents(QStringLiteral("?after=0&limit=1000"));
        int seen = 0;
        for (const QJsonValue &e : page.json().value(QStringLiteral("events")).toArray())
            seen +=
                e.toObject().value(QStringLiteral("id")).toString() == QStringLiteral("msg_dup");
        QCOMPARE(seen, 1);
    }

    void repliesExactlyAsDesignLists()
    {
        const QByteArray body = eventBody(QStringLiteral("m-3"), QStringLiteral("CS_MESSAGE"));
        // 401: wrong key, stale, future.
        QNetworkRequest wrongKey = m_inbox->webhookRequest("msg_a", body, 0, QByteArray(32, 'x'));
        QCOMPARE(Inbox::finish(m_inbox->network.post(wrongKey, body)).status, 401);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(Inbox::finish(
                     m_inbox->network.post(m_inbox->webhookRequest("msg_b", body, now - 360), body))
                     .status,
                 401);
        QCOMPARE(Inbox::finish(
                     m_inbox->network.post(m_inbox->webhookRequest("msg_c", body, now + 360), body))
                     .status,
                 401);
        QCOMPARE(Inbox::finish(
                     m_inbox->network.post(m_inbox->webhookRequest("msg_d", body, now - 240), body))
                     .status,
                 200);
        // Signed over other bytes.
        QCOMPARE(
            Inbox::finish(m_inbox->network.post(m_inbox->webhookRequest("msg_e", body), body + ' '))
                .status,
            401);
        // 400: a missing header, a body that is not JSON.
        for (const QByteArray &header : {QByteArray("webhook-id"), QByteArray("webhook-timestamp"),
                                         QByteArray("webhook-signature")}) {
            QNetworkRequest req = m_inbox->webhookRequest("msg_f", body);
            req.setRawHeader(header, QByteArray());
            QCOMPARE(Inbox::finish(m_inbox->network.post(req, body)).status, 400);
        }
        QCOMPARE(Inbox::finish(m_inbox->network.post(m_inbox->webhookRequest("msg_g", "not json"),
                                                     QByteArray("not json")))
                     .status,
                 400);
        // 404: unknown provider.
        QCOMPARE(
            Inbox::finish(
                m_inbox->network.post(
                    m_inbox->webhookRequest("msg_h", body, 0, {}, QStringLiteral("acme")), body))
                .status,
            404);
        // 413: one byte over 1 MiB; exactly 1 MiB passes the size check (and is JSON).
        QByteArray big = "{\"masterId\":\"m-4\",\"event\":\"CS_MESSAGE\",\"pad\":\"";
        big += QByteArray(1024 * 1024 - big.size() - 2, 'a') + "\"}";
        QCOMPARE(big.size(), 1024 * 1024);
        QCOMPARE(
            Inbox::finish(m_inbox->network.post(m_inbox->webhookRequest("msg_i", big), big)).status,
            200);
        const QByteArray over = big + ' ';
        QCOMPARE(Inbox::finish(m_inbox->network.post(m_inbox->webhookRequest("msg_j", over), over))
                     .status,
                 413);
        // None of the rejected ids was stored.
        auto page = m_inbox->getEvents(QStringLiteral("?after=0&limit=1000"));
        QStringList ids;
        for (const QJsonValue &e : page.json().value(QStringLiteral("events")).toArray())
            ids << e.toObject().value(QStringLiteral("id")).toString();
        for (const char *rejected :
             {"msg_a", "msg_b", "msg_c", "msg_e", "msg_f", "msg_g", "msg_h", "msg_j"})
            QVERIFY2(!ids.contains(QLatin1String(rejected)), rejected);
        QVERIFY(ids.contains(QStringLiteral("msg_d")));
        QVERIFY(ids.contains(QStringLiteral("msg_i")));
    }

    void tokensAndCursors()
    {
        QCOMPARE(m_inbox->getEvents(QString(), "not-the-token-at-all").status, 401);
        QNetworkRequest bare = m_inbox->request(QStringLiteral("/v1/events"));
        QCOMPARE(Inbox::finish(m_inbox->network.get(bare)).status, 401);
        QNetworkRequest commit = m_inbox->request(QStringLiteral("/v1/events/commit"));
        commit.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QCOMPARE(Inbox::finish(m_inbox->network.post(commit, QByteArray("{\"cursor\":1}"))).status,
                 401);

        // Without `after`, reading starts from the consumer's committed cursor.
        auto all = m_inbox->getEvents(QStringLiteral("?after=0&limit=1000"));
        const qint64 last = all.json().value(QStringLiteral("nextCursor")).toInteger();
        QVERIFY(last >= 3);
        QCOMPARE(m_inbox->commit(last - 1).status, 200);
        auto fromCommitted = m_inbox->getEvents(QStringLiteral("?limit=1000"));
        const QJsonArray rest = fromCommitted.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.first().toObject().value(QStringLiteral("cursor")).toInteger(), last);
        // Limit, strictly increasing cursors.
        auto two = m_inbox->getEvents(QStringLiteral("?after=0&limit=2"));
        const QJsonArray twoEvents = two.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(twoEvents.size(), 2);
        QVERIFY(twoEvents[0].toObject().value(QStringLiteral("cursor")).toInteger() <
                twoEvents[1].toObject().value(QStringLiteral("cursor")).toInteger());
        // A commit never moves the cursor back; beyond the newest event is refused.
        QCOMPARE(m_inbox->commit(1).json().value(QStringLiteral("committed")).toInteger(),
                 last - 1);
        QCOMPARE(m_inbox->commit(last + 1000).status, 400);
        QCOMPARE(m_inbox->getEvents(QStringLiteral("?after=x")).status, 400);
    }

    void longPollWakesWhenAnEventIsStored()
    {
        auto page = m_inbox->getEvents(QStringLiteral("?after=0&limit=1000"));
        const qint64 last = page.json().value(QStringLiteral("nextCursor")).toInteger();
        // The longest wait there is (30 s): an answer well before it can only be the wake-up.
        QNetworkRequest req =
            m_inbox->request(QStringLiteral("/v1/events?after=%1&wait=30").arg(last));
        req.setRawHeader("Authorization", "Bearer " + m_inbox->token);
        QNetworkReply *poll = m_inbox->network.get(req);
        QSignalSpy finished(poll, &QNetworkReply::finished);
        QTRY_VERIFY_WITH_TIMEOUT(metrics().contains("\nclinicdesk_inbox_long_polls 1\n"), 20000);
        QVERIFY(!poll->isFinished()); // parked
        const QByteArray body = eventBody(QStringLiteral("m-5"), QStringLiteral("CS_MESSAGE"));
        QCOMPARE(m_inbox->postWebhook("msg_wake", body).status, 200);
        QVERIFY2(poll->isFinished() || finished.wait(20000),
                 "the long-poll was not woken by the stored event");
        auto reply = Inbox::finish(poll);
        QCOMPARE(reply.status, 200);
        const QJsonArray events = reply.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("msg_wake"));

        // An empty wait ends with an empty page and the same cursor.
        QElapsedTimer timer;
        timer.start();
        auto empty = m_inbox->getEvents(QStringLiteral("?after=%1&wait=1").arg(last + 1));
        QCOMPARE(empty.status, 200);
        QVERIFY(timer.elapsed() >= 900);
        QCOMPARE(empty.json().value(QStringLiteral("events")).toArray().size(), 0);
        QCOMPARE(empty.json().value(QStringLiteral("nextCursor")).toInteger(), last + 1);
    }

    void healthzAndMetrics()
    {
        QVERIFY(healthy());
        auto metrics =
            Inbox::finish(m_inbox->network.get(m_inbox->request(QStringLiteral("/metrics"))));
        QCOMPARE(metrics.status, 200);
        const QByteArray text = metrics.body;
        for (const char *line :
             {"clinicdesk_inbox_webhooks_received_total{provider=\"beluga\"}",
              "clinicdesk_inbox_webhooks_rejected_total{reason=\"signature\"}",
              "clinicdesk_inbox_webhooks_rejected_total{reason=\"too_large\"} 1",
              "clinicdesk_inbox_webhooks_duplicate_total 1", "clinicdesk_inbox_events_stored_total",
              "clinicdesk_inbox_events_served_total{consumer=\"relay\"}",
              "clinicdesk_inbox_consumer_lag{consumer=\"relay\"}",
              "# TYPE clinicdesk_inbox_consumer_lag gauge"})
            QVERIFY2(text.contains(line), line);
    }

    void bodiesAreSealedAtRest()
    {
        const QByteArray canary = "CANARY-PHI-7731-do-not-store-in-clear";
        const QByteArray body =
            "{\"masterId\":\"m-6\",\"event\":\"DOCTOR_CHAT\",\"content\":\"" + canary + "\"}";
        QCOMPARE(m_inbox->postWebhook("msg_canary", body).status, 200);
        QByteArray all;
        for (const QFileInfo &info : QDir(m_inbox->dataDir).entryInfoList(QDir::Files)) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        QVERIFY(!all.isEmpty());
        QVERIFY(!all.contains(canary));
        QVERIFY(!all.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        QVERIFY(!all.contains(m_inbox->token));
    }

    void hugeHeadIsRefusedAndTheInboxStaysUp()
    {
        auto socket = rawConnection();
        QVERIFY(socket);
        QByteArray request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ";
        request += QByteArray(64 * 1024, 'a');
        socket->write(request);
        const QByteArray reply = readReply(*socket);
        QVERIFY2(reply.startsWith("HTTP/1.1 431"), reply.left(40).constData());
        QVERIFY(healthy());
        // A declared body over the limit is refused before it is sent.
        auto second = rawConnection();
        QVERIFY(second);
        second->write(
            "POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n");
        QVERIFY(readReply(*second).startsWith("HTTP/1.1 413"));
    }

    void chunkedBodiesAreVerifiedAndLimited()
    {
        const QByteArray body = eventBody(QStringLiteral("m-11"), QStringLiteral("CS_MESSAGE"));
        const QNetworkRequest signedRequest = m_inbox->webhookRequest("msg_chunked", body);
        QByteArray head = "POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\n"
                          "Transfer-Encoding: chunked\r\n";
        for (const QByteArray &h : {QByteArray("webhook-id"), QByteArray("webhook-timestamp"),
                                    QByteArray("webhook-signature")})
            head += h + ": " + signedRequest.rawHeader(h) + "\r\n";
        const qsizetype half = body.size() / 2;
        const QByteArray chunked = QByteArray::number(half, 16) + "\r\n" + body.left(half) +
                                   "\r\n" + QByteArray::number(body.size() - half, 16) + "\r\n" +
                                   body.mid(half) + "\r\n0\r\n\r\n";
        auto socket = rawConnection();
        QVERIFY(socket);
        socket->write(head + "\r\n" + chunked);
        const QByteArray reply = readReply(*socket);
        QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.left(60).constData());

        // Chunks adding up to more than 1 MiB: 413 without reading on.
        auto big = rawConnection();
        QVERIFY(big);
        big->write(head + "\r\n" + QByteArray::number(1024 * 1024, 16) + "\r\n" +
                   QByteArray(1024 * 1024, 'a') + "\r\n" + "10\r\n");
        const QByteArray refused = readReply(*big);
        QVERIFY2(refused.startsWith("HTTP/1.1 413"), refused.left(60).constData());
    }

    void slowSendersAndHalfOpenConnectionsDoNotExhaustIt()
    {
        // 64 connections allowed (CLINICDESK_INBOX_MAX_CONNECTIONS). 150 TCP connections that
        // never start TLS, and 40 TLS connections that trickle a request head one byte at a time.
        QList<QTcpSocket *> halfOpen;
        for (int i = 0; i < 150; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->connectToHost(QHostAddress::LocalHost, quint16(m_inbox->url.port()));
            halfOpen.append(socket);
        }
        std::vector<std::unique_ptr<QSslSocket>> slow;
        for (int i = 0; i < 40; ++i) {
            auto socket = rawConnection();
            if (socket) {
                socket->write("P");
                slow.push_back(std::move(socket));
            }
        }
        // Meanwhile the inbox answers new senders (they evict the quiet ones).
        for (int i = 0; i < 5; ++i) {
            QVERIFY(healthy());
            for (auto &socket : slow)
                socket->write("O"); // still trickling
            QCOMPARE(
                m_inbox
                    ->postWebhook("msg_under_attack_" + QByteArray::number(i),
                                  eventBody(QStringLiteral("m-7"), QStringLiteral("CS_MESSAGE"), i))
                    .status,
                200);
        }
        for (QTcpSocket *socket : halfOpen)
            socket->deleteLater();
        // A slow sender that never finishes its head is cut after the head timeout (10 s).
        auto lone = rawConnection();
        QVERIFY(lone);
        lone->write("POST /webhooks/beluga HTTP/1.1\r\n");
        const QByteArray timedOut = readReply(*lone, 30000);
        QVERIFY2(timedOut.startsWith("HTTP/1.1 408"), timedOut.left(40).constData());
        QVERIFY(healthy());
    }

    void retentionPurgesOnlyWhatEveryConsumerCommitted()
    {
        // A second inbox: 1 s retention, purged every second, and a static-header provider.
        Inbox purging(m_dir.filePath(QStringLiteral("purging")));
        const QString acme = m_dir.filePath(QStringLiteral("purging/acme.secret"));
        QVERIFY(writePrivateFile(acme, "static X-Acme-Token acme-shared-secret-0123456789\n"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_INBOX_RETENTION_SECONDS"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLINICDESK_INBOX_PURGE_INTERVAL_SECONDS"), QStringLiteral("1"));
        purging.process.setEnvironment(env);
        QVERIFY2(purging.process.startService(purging.arguments()
                                              << QStringLiteral("--provider")
                                              << QStringLiteral("acme=") + acme),
                 qPrintable(purging.process.failureReason()));
        purging.url = purging.process.url();
        purging.ca = QSslCertificate::fromPath(
            clinicdesk::TlsIdentity::generatedCertificatePath(purging.dataDir));

        // Static mode: the header must carry one of the configured secrets.
        const QByteArray body = eventBody(QStringLiteral("m-8"), QStringLiteral("CS_MESSAGE"));
        QNetworkRequest acmeRequest = purging.request(QStringLiteral("/webhooks/acme"));
        acmeRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
        QCOMPARE(Inbox::finish(purging.network.post(acmeRequest, body)).status, 401);
        acmeRequest.setRawHeader("X-Acme-Token", "acme-shared-secret-0123456789");
        acmeRequest.setRawHeader("webhook-id", "acme_1");
        auto acmeReply = Inbox::finish(purging.network.post(acmeRequest, body));
        QCOMPARE(acmeReply.status, 200);
        QCOMPARE(Inbox::finish(purging.network.post(acmeRequest, body))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("duplicate"));

        auto first = purging.postWebhook(
            "old_1", eventBody(QStringLiteral("m-9"), QStringLiteral("CS_MESSAGE")));
        auto second = purging.postWebhook(
            "old_2", eventBody(QStringLiteral("m-9"), QStringLiteral("CS_MESSAGE")));
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        const qint64 firstCursor = first.json().value(QStringLiteral("cursor")).toInteger();
        QCOMPARE(purging.commit(firstCursor).status, 200);
        // old_1 (committed, older than 1 s) goes; old_2 (not committed) stays however old.
        const auto ids = [&] {
            QStringList out;
            auto page = purging.getEvents(QStringLiteral("?after=0&limit=100"));
            for (const QJsonValue &e : page.json().value(QStringLiteral("events")).toArray())
                out << e.toObject().value(QStringLiteral("id")).toString();
            return out;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!ids().contains(QStringLiteral("old_1")), 15000);
        QVERIFY(ids().contains(QStringLiteral("old_2")));
        // Cursors are never reused after a purge.
        auto third = purging.postWebhook(
            "old_3", eventBody(QStringLiteral("m-9"), QStringLiteral("CS_MESSAGE")));
        QVERIFY(third.json().value(QStringLiteral("cursor")).toInteger() >
                second.json().value(QStringLiteral("cursor")).toInteger());
        QVERIFY(purging.process.signalAndWait(SIGTERM));
    }

    void overloadAnswers429WithRetryAfter()
    {
        // A commit queue of one, and a commit that cannot finish (the database's write lock is
        // held here): the first webhook waits in the commit, every other one is told to come
        // back later, and only what got 200 is stored.
        Inbox small(m_dir.filePath(QStringLiteral("small")));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_INBOX_MAX_QUEUED"), QStringLiteral("1"));
        QVERIFY2(small.start(env), qPrintable(small.process.failureReason()));
        QList<QSslSocket *> sockets;
        for (int i = 1; i < 24; ++i) {
            auto *socket = new QSslSocket(this);
            socket->setSslConfiguration(small.tls());
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(small.url.port()),
                                           QStringLiteral("127.0.0.1"));
            QVERIFY(socket->waitForEncrypted(10000));
            sockets.append(socket);
        }
        WriteLock lock;
        QVERIFY(lock.take(small));
        const QByteArray firstBody =
            eventBody(QStringLiteral("m-10"), QStringLiteral("CS_MESSAGE"), 0);
        QNetworkReply *first =
            small.network.post(small.webhookRequest("load_0", firstBody), firstBody);
        QTRY_VERIFY_WITH_TIMEOUT(metrics(&small).contains("\nclinicdesk_inbox_commit_queue 1\n"),
                                 5000);
        for (int i = 0; i < sockets.size(); ++i) {
            const QByteArray body =
                eventBody(QStringLiteral("m-10"), QStringLiteral("CS_MESSAGE"), i + 1);
            sockets[i]->write(rawWebhook(small, "load_" + QByteArray::number(i + 1), body));
            sockets[i]->flush();
        }
        int overloaded = 0;
        for (QSslSocket *socket : std::as_const(sockets)) {
            const QByteArray reply = readReply(*socket);
            QVERIFY2(reply.startsWith("HTTP/1.1 429"), reply.left(40).constData());
            QVERIFY(reply.contains("\r\nRetry-After: 1\r\n"));
            ++overloaded;
        }
        QCOMPARE(overloaded, int(sockets.size()));
        lock.release();
        auto accepted = Inbox::finish(first);
        QCOMPARE(accepted.status, 200);
        auto page = small.getEvents(QStringLiteral("?after=0&limit=100"));
        QStringList stored;
        for (const QJsonValue &e : page.json().value(QStringLiteral("events")).toArray())
            stored << e.toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(stored, QStringList{QStringLiteral("load_0")});
        QVERIFY(metrics(&small).contains(
            "clinicdesk_inbox_webhooks_rejected_total{reason=\"overloaded\"} 23\n"));
        qDeleteAll(sockets);
        QVERIFY(small.process.signalAndWait(SIGTERM));
    }

    void sigtermStopsCleanly()
    {
        QVERIFY(m_inbox->process.signalAndWait(SIGTERM));
        QCOMPARE(m_inbox->process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_inbox->process.exitCode(), 0);
        QFile log(QDir(m_inbox->dataDir).filePath(QStringLiteral("clinicdesk-inbox.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(!text.contains("CANARY-PHI"));
        QVERIFY(!text.contains(m_inbox->token));
    }
};

QTEST_GUILESS_MAIN(TestInboxContract)
#include "tst_inboxcontract.moc"
