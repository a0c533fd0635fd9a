#include "InboxTestSupport.h"

#include <QJsonArray>
#include <QSet>

#include <csignal>

using namespace inboxtest;

// Crash safety (issue 5, point 4): a provider streams 2,000 signed events with retries; the inbox
// is SIGKILLed mid-stream and restarted on the same port. Every event answered 2xx before the kill
// is stored after it, and in the end every event is stored exactly once.
class TestInboxCrash : public QObject
{
    Q_OBJECT

    static constexpr int kEvents = 2000;
    static constexpr int kInFlight = 32;
    static constexpr int kKillAfter = 600;

    QMap<QByteArray, qint64> storedEvents(Inbox &inbox)
    {
        QMap<QByteArray, qint64> ids; // id -> occurrences
        qint64 after = 0;
        for (;;) {
            auto page = inbox.getEvents(QStringLiteral("?after=%1&limit=1000").arg(after));
            if (page.status != 200)
                return {};
            const QJsonArray events = page.json().value(QStringLiteral("events")).toArray();
            if (events.isEmpty())
                return ids;
            for (const QJsonValue &e : events)
                ++ids[e.toObject().value(QStringLiteral("id")).toString().toLatin1()];
            after = page.json().value(QStringLiteral("nextCursor")).toInteger();
        }
    }

private Q_SLOTS:
    void sigkillDuringAStreamLosesNothingAcknowledged()
    {
        QTemporaryDir dir;
        Inbox inbox(dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(inbox.start(), qPrintable(inbox.process.failureReason()));
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(inbox.url.port());

        QList<QByteArray> queue;
        for (int i = 0; i < kEvents; ++i)
            queue.append("evt_" + QByteArray::number(i));
        QSet<QByteArray> acked;
        QSet<QByteArray> ackedBeforeKill;
        int inFlight = 0;
        bool down = false;
        int failures = 0;

        std::function<void()> pump = [&] {
            while (!down && inFlight < kInFlight && !queue.isEmpty()) {
                const QByteArray id = queue.takeFirst();
                const QByteArray body =
                    eventBody(QStringLiteral("m-%1").arg(id.mid(4).toInt() % 50),
                              QStringLiteral("CS_MESSAGE"), id.mid(4).toInt());
                QNetworkReply *reply = inbox.network.post(inbox.webhookRequest(id, body), body);
                ++inFlight;
                connect(reply, &QNetworkReply::finished, this, [&, reply, id] {
                    --inFlight;
                    reply->deleteLater();
                    const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    if (reply->error() == QNetworkReply::NoError && status == 200) {
                        acked.insert(id);
                    } else {
                        ++failures;
                        queue.append(id); // the provider retries
                    }
                    if (!down)
                        pump();
                });
            }
        };
        pump();
        QTRY_VERIFY_WITH_TIMEOUT(acked.size() >= kKillAfter, 120000);

        // SIGKILL with requests in flight.
        down = true;
        inbox.process.sendSignal(SIGKILL);
        ackedBeforeKill = acked;
        QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 60000);
        QVERIFY(ackedBeforeKill.size() < kEvents);

        ServiceProcess restarted(QStringLiteral("clinicdesk-inbox"));
        QVERIFY2(restarted.startService(inbox.arguments(listen)),
                 qPrintable(restarted.failureReason()));
        // Everything acknowledged before the kill survived it.
        const auto afterRestart = storedEvents(inbox);
        for (const QByteArray &id : std::as_const(ackedBeforeKill))
            QVERIFY2(afterRestart.value(id) == 1, id.constData());

        down = false;
        pump();
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), kEvents, 180000);
        QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 60000);

        const auto stored = storedEvents(inbox);
        QCOMPARE(stored.size(), kEvents);
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
            QVERIFY2(it.value() == 1, it.key().constData());
        qInfo("acknowledged before the kill: %lld, failed attempts retried: %d",
              qlonglong(ackedBeforeKill.size()), failures);
        QVERIFY(restarted.signalAndWait(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestInboxCrash)
#include "tst_inboxcrash.moc"
