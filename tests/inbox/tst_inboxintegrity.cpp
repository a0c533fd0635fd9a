#include "InboxTestSupport.h"
#include "RawClient.h"

#include <QJsonArray>
#include <QNetworkInterface>

#include <csignal>

using namespace inboxtest;

// What the inbox promises beyond storing and serving events (issue 13, points 1, 3 and 5; issue
// 19): a webhook id reused with another body is 409 with the body kept sealed, the audit witness
// never moves back, /metrics answers loopback peers or its token only, and a commit that fails
// answers 503 and stores nothing. Against the real clinicdesk-inbox over HTTPS on loopback.
class TestInboxIntegrity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inbox> m_inbox;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inbox = std::make_unique<Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(m_inbox->start(), qPrintable(m_inbox->process.failureReason()));
    }

    void reusedIdWithAnotherBodyIs409AndKeptSealed()
    {
        const QByteArray canary = "CANARY-CONFLICT-5521";
        const QByteArray first = eventBody(QStringLiteral("m-13"), QStringLiteral("CS_MESSAGE"));
        const QByteArray other =
            "{\"masterId\":\"m-13\",\"event\":\"DOCTOR_CHAT\",\"content\":\"" + canary + "\"}";
        QCOMPARE(m_inbox->postWebhook("msg_reused", first).status, 200);
        auto conflict = m_inbox->postWebhook("msg_reused", other);
        QCOMPARE(conflict.status, 409);
        QVERIFY(conflict.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("different body")));
        // The stored event is the first body, once.
        auto page = m_inbox->getEvents(QStringLiteral("?after=0&limit=1000"));
        int seen = 0;
        for (const QJsonValue &e : page.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject event = e.toObject();
            if (event.value(QStringLiteral("id")).toString() != QStringLiteral("msg_reused"))
                continue;
            ++seen;
            QCOMPARE(event.value(QStringLiteral("payload")).toObject(),
                     QJsonDocument::fromJson(first).object());
        }
        QCOMPARE(seen, 1);
        QVERIFY(metrics(*m_inbox).contains("\nclinicdesk_inbox_webhooks_conflict_total 1\n"));
        // The conflicting body is kept, sealed: one row, and the canary nowhere in clear.
        auto db = clinicdesk::Database::openSqlite(
            QDir(m_inbox->dataDir).filePath(QStringLiteral("inbox.sqlite")));
        QVERIFY(db);
        auto rows = db.value()->exec(
            QStringLiteral("SELECT webhook_id, body FROM conflicts WHERE webhook_id = ?"),
            {QStringLiteral("msg_reused")});
        QVERIFY(rows && rows->next());
        QVERIFY(!rows->value(1).toByteArray().contains(canary));
        QVERIFY(rows->value(1).toByteArray().size() > canary.size());
        rows->finish();
        db.value().reset();
        QByteArray all;
        for (const QFileInfo &info : QDir(m_inbox->dataDir).entryInfoList(QDir::Files)) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        QVERIFY(all.contains("msg_reused")); // logged by id
        QVERIFY(!all.contains(canary));
    }

    void witnessKeepsTheLatestHeadAndNeverMovesBack()
    {
        const QByteArray h5(64, 'a');
        const QByteArray h6(64, 'b');
        auto witness = [&](const QByteArray &body, const QByteArray &bearer = {}) {
            QNetworkRequest req = m_inbox->request(QStringLiteral("/v1/witness"));
            if (bearer != "none")
                req.setRawHeader("Authorization",
                                 "Bearer " + (bearer.isEmpty() ? m_inbox->token : bearer));
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            return Inbox::finish(m_inbox->network.post(req, body));
        };
        auto latest = [&](const QString &store) {
            QNetworkRequest req =
                m_inbox->request(QStringLiteral("/v1/witness?store=%1").arg(store));
            req.setRawHeader("Authorization", "Bearer " + m_inbox->token);
            return Inbox::finish(m_inbox->network.get(req));
        };
        auto post = [](qint64 seq, const QByteArray &head) {
            return "{\"store\":\"store-w1\",\"seq\":" + QByteArray::number(seq) + ",\"head\":\"" +
                   head + "\"}";
        };
        QCOMPARE(latest(QStringLiteral("store-w1")).status, 404);
        QCOMPARE(witness(post(5, h5)).status, 200);
        QCOMPARE(witness(post(5, h5)).status, 200); // the same again
        QCOMPARE(witness(post(4, h5)).status, 409); // backwards
        QCOMPARE(witness(post(5, h6)).status, 409); // another head for a witnessed entry
        auto now = latest(QStringLiteral("store-w1"));
        QCOMPARE(now.status, 200);
        QCOMPARE(now.json().value(QStringLiteral("seq")).toInteger(), 5);
        QCOMPARE(now.json().value(QStringLiteral("head")).toString().toLatin1(), h5);
        QCOMPARE(witness(post(6, h6)).status, 200);
        QCOMPARE(latest(QStringLiteral("store-w1")).json().value(QStringLiteral("seq")).toInteger(),
                 6);
        // Malformed, or without a consumer's token.
        QCOMPARE(witness(post(0, h5)).status, 400);
        QCOMPARE(witness(post(7, "XYZ")).status, 400);
        QCOMPARE(witness("{\"store\":\"a b\",\"seq\":7,\"head\":\"" + h5 + "\"}").status, 400);
        QCOMPARE(witness(post(7, h5), "none").status, 401);
        QCOMPARE(witness(post(7, h5), "not-a-token-at-all").status, 401);
    }

    void metricsAnswerLoopbackOrTheMetricsToken()
    {
        QHostAddress external;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
                external = address;
        }
        if (external.isNull())
            QSKIP("no non-loopback IPv4 address to reach the inbox from");
        Inbox open(m_dir.filePath(QStringLiteral("metrics")));
        const QString tokenFile = m_dir.filePath(QStringLiteral("metrics/metrics.token"));
        const QByteArray token = "metrics-token-0123456789abcdef";
        QVERIFY(writePrivateFile(tokenFile, token + '\n'));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_INBOX_METRICS_TOKEN_FILE"), tokenFile);
        QVERIFY2(open.start(env, QStringLiteral("0.0.0.0:0")),
                 qPrintable(open.process.failureReason()));
        const quint16 port = quint16(open.url.port());
        auto scrape = [&](const QString &host, const QByteArray &bearer) {
            RawClient client(open.tls(), port, QHostAddress(), host, QStringLiteral("localhost"));
            if (!client.isOpen())
                return -1;
            client.send(
                "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                (bearer.isEmpty() ? QByteArray() : "Authorization: Bearer " + bearer + "\r\n") +
                "\r\n");
            return RawClient::statuses(client.readUntilClosed()).value(0, -1);
        };
        QCOMPARE(scrape(external.toString(), {}), 401);
        QCOMPARE(scrape(external.toString(), open.token), 401); // a relay's token is not enough
        QCOMPARE(scrape(external.toString(), token), 200);
        QCOMPARE(scrape(QStringLiteral("127.0.0.1"), {}), 200);
        QVERIFY(open.process.signalAndWait(SIGTERM));
    }

    void aFailedCommitAnswers503AndStoresNothing()
    {
        // The commit fails (the write lock is held past SQLite's busy timeout): the sender is
        // told 503 with Retry-After, nothing is stored, and its retry is stored once.
        Inbox failing(m_dir.filePath(QStringLiteral("failing")));
        QVERIFY2(failing.start(), qPrintable(failing.process.failureReason()));
        const QByteArray body = eventBody(QStringLiteral("m-12"), QStringLiteral("CS_MESSAGE"));
        WriteLock lock;
        QVERIFY(lock.take(failing));
        QNetworkReply *pending = failing.network.post(failing.webhookRequest("fail_1", body), body);
        auto refused = Inbox::finish(pending);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.retryAfter, QByteArray("5"));
        lock.release();
        auto page = failing.getEvents(QStringLiteral("?after=0&limit=100"));
        QCOMPARE(page.json().value(QStringLiteral("events")).toArray().size(), 0);
        QVERIFY(metrics(failing).contains(
            "clinicdesk_inbox_webhooks_rejected_total{reason=\"store_failed\"} 1\n"));
        auto retried = failing.postWebhook("fail_1", body);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("stored"));
        QVERIFY(failing.process.signalAndWait(SIGTERM));
    }

    void cleanupTestCase()
    {
        if (m_inbox)
            QVERIFY(m_inbox->process.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestInboxIntegrity)
#include "tst_inboxintegrity.moc"
