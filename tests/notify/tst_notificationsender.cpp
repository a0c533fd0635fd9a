#include "IntakeSupport.h"
#include "NotifyTestServers.h"
#include "TestSupport.h"
#include "notify/NotificationSender.h"
#include "notify/NotificationWorker.h"
#include "relay/VisitEventApplier.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"
#include "visits/VisitRecord.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace clinicdesk;
using namespace notifytest;

namespace {

// Every message the program logs during a test, to prove no address or number is among them.
QStringList g_log;
QMutex g_logLock; // two senders log from two threads
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_logLock);
        g_log << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

// The sender against real servers on loopback: aiosmtpd with STARTTLS (its own certificate,
// verified) and the sandbox's SMS stand-in over HTTPS. Exactly one message per event and
// channel through redelivery, two senders and server faults (refused, dropped mid-DATA, timed
// out), the window between acceptance and "sent" measured, quiet hours, consent withdrawn, and
// no address or number in the log.
class TestNotificationSender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SmtpSink> m_smtp;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    const QByteArray m_account = "AC0123456789abcdef0123456789abcdef";
    const QByteArray m_token = "notify-sms-token-42";
    QString m_sandboxCa;
    int m_phones = 0;

    NotificationSettings settings() const
    {
        NotificationSettings s;
        s.smtp.url = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(m_smtp->port()));
        s.smtp.from = QStringLiteral("clinic@example.org");
        s.smtp.caFile = m_smtp->caFile();
        s.smtp.timeoutMs = 3000;
        s.sms.url = m_sandbox->url();
        s.sms.account = QString::fromLatin1(m_account);
        s.sms.from = QStringLiteral("+15550000001");
        s.sms.caFile = m_sandboxCa;
        s.sms.token = m_token;
        s.clinicName = QStringLiteral("Elm Clinic");
        s.clinicPhone = QStringLiteral("555-0100");
        s.timeZone = QTimeZone::utc();
        s.quietStart = s.quietEnd = QTime(0, 0); // none, unless a test sets them
        s.maxAttempts = 6;
        return s;
    }

    NotificationSender sender(Database &db, const QString &owner, const NotificationSettings &s,
                              std::function<QDateTime()> now = {})
    {
        NotificationSender::Options o;
        o.owner = owner;
        o.backoffMs = 1000;
        if (now)
            o.now = std::move(now);
        return NotificationSender(db, m_store->cipher(), s, o);
    }

    struct Made
    {
        IntakeSubmission::Outcome visit;
        QString phone;
    };
    Made visit(bool email, bool sms, const QString &language = QStringLiteral("en"))
    {
        const QString phone =
            QStringLiteral("51255%1").arg(++m_phones % 100000, 5, 10, QLatin1Char('0'));
        const auto v = test::submitVisit(*m_store, phone);
        PatientConsentStore consents(m_store->db(), m_store->cipher());
        if (!consents.setConsent(v.patientId, email, sms, language, QStringLiteral("alice")))
            qFatal("consent not recorded");
        return {v, phone};
    }

    QList<NotificationRepository::Record> rows(const QString &visitId, const QString &state = {})
    {
        auto found = NotificationRepository(m_store->db(), m_store->cipher()).list(visitId, state);
        return found ? found.value() : QList<NotificationRepository::Record>();
    }
    NotificationRepository::Record row(const QString &visitId, NotificationRepository::Channel c)
    {
        for (const auto &r : rows(visitId)) {
            if (r.channel == c)
                return r;
        }
        return {};
    }
    int smsTo(const QString &phone)
    {
        int n = 0;
        for (const QJsonValue &m : smsReceived(*m_sandbox))
            n += m.toObject().value(QStringLiteral("to")).toString() == QStringLiteral("+1") + phone
                     ? 1
                     : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        g_previous = qInstallMessageHandler(capture);
        m_smtp = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("smtp")));
        QVERIFY2(m_smtp->start(), "the aiosmtpd sink did not start (python3-aiosmtpd)");
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        const QString tokenFile = sandboxtest::writeSecretFile(
            m_dir.path(), QStringLiteral("sms.token"), m_account + ':' + m_token);
        QVERIFY2(m_sandbox->start({QStringLiteral("--sms-token-file"), tokenFile}),
                 qPrintable(m_sandbox->failure()));
        m_sandboxCa = writeCaFile(*m_sandbox, m_dir.filePath(QStringLiteral("sandbox-ca.pem")));
        const QString sub = m_dir.filePath(QStringLiteral("store"));
        QDir().mkpath(sub);
        const QString keyFile = QDir(sub).filePath(QStringLiteral("store.key"));
        KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
        m_keys = std::make_unique<KeyFileKeyProvider>(keyFile);
        m_store = test::openStore(QDir(sub).filePath(QStringLiteral("data")), *m_keys);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(g_previous);
        m_store.reset();
    }

    void exactlyOnceThroughRedeliveryAndTwoSenders()
    {
        const Made m = visit(true, true);
        const QJsonObject event =
            test::providerEvent(m.visit.masterId, VisitEvent::Type::RxWritten);
        // The provider's retry delivers the same webhook again, in another batch.
        test::applyEvents(*m_store, {event});
        QCOMPARE(VisitEventApplier(*m_store).applyBatch({event})->duplicates, 1);
        QCOMPARE(rows(m.visit.visitId).size(), 2);

        // Two senders (the second relay started by mistake), each on its own connection and
        // thread, at once.
        const NotificationSettings s = settings();
        NotificationSender a = sender(m_store->db(), QStringLiteral("A"), s);
        Result<NotificationSender::Report> ra = NotificationSender::Report{};
        Result<NotificationSender::Report> rb = NotificationSender::Report{};
        std::thread other([&] {
            auto secondDb = m_store->connectionOpener()(); // a connection is its thread's
            if (!secondDb) {
                rb = secondDb.error();
                return;
            }
            rb = sender(*secondDb.value(), QStringLiteral("B"), s).runOnce();
        });
        ra = a.runOnce();
        other.join();
        QVERIFY2(ra && rb, qPrintable(!ra  ? ra.error().message
                                      : rb ? QString()
                                           : rb.error().message));
        QCOMPARE(ra->sent + rb->sent, 2);
        QCOMPARE(ra->claimed + rb->claimed, 2);
        // And again: nothing left to send.
        QCOMPARE(a.runOnce()->claimed, 0);

        const auto email = row(m.visit.visitId, NotificationRepository::Channel::Email);
        QCOMPARE(email.state, QStringLiteral("sent"));
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(email.id)), 1);
        QCOMPARE(smsTo(m.phone), 1);
        // The window between the server accepting the message and the row saying so.
        qint64 acceptedMs = 0;
        for (const auto &[ms, id] : m_smtp->received())
            acceptedMs = id.contains(email.id) ? ms : acceptedMs;
        const qint64 sentMs =
            QDateTime::fromString(email.sentAt, Qt::ISODateWithMs).toMSecsSinceEpoch();
        const qint64 window = sentMs - acceptedMs;
        qInfo("window between SMTP acceptance and the row marked sent: %lld ms", window);
        QVERIFY2(window >= -5 && window < 1000, qPrintable(QString::number(window)));
        // The text the patient got: the minimum, in their language, nothing of the visit.
        const QByteArray raw = m_smtp->allMessages();
        QVERIFY(raw.contains("Message-ID: <notification-" + email.id.toLatin1() + "@clinicdesk>"));
        QVERIFY(!raw.contains("fin-1"));
    }

    void faultsAreRetriedWithoutDuplicate()
    {
        const Made m = visit(true, false);
        test::applyEvents(
            *m_store, {test::providerEvent(m.visit.masterId, VisitEvent::Type::ConsultCanceled)});
        const auto email = row(m.visit.visitId, NotificationRepository::Channel::Email);
        QCOMPARE(email.state, QStringLiteral("queued"));
        // 554 to the message, the connection dropped after the data, no answer until timeout.
        m_smtp->fault({QStringLiteral("refuse"), QStringLiteral("drop"), QStringLiteral("stall")});
        QDateTime now = QDateTime::currentDateTimeUtc();
        NotificationSender s =
            sender(m_store->db(), QStringLiteral("A"), settings(), [&now] { return now; });
        for (int attempt = 1; attempt <= 3; ++attempt) {
            auto report = s.runOnce();
            QVERIFY(report);
            QCOMPARE(report->retried, 1);
            const auto r = row(m.visit.visitId, NotificationRepository::Channel::Email);
            QCOMPARE(r.state, QStringLiteral("queued"));
            QCOMPARE(r.attempts, attempt);
            // Not due again before its backoff (1 s, 2 s, 4 s).
            QCOMPARE(s.runOnce()->claimed, 0);
            now = now.addSecs(1 << attempt);
        }
        QVERIFY(NotificationRepository(m_store->db(), m_store->cipher())
                    .openLastError(row(m.visit.visitId, NotificationRepository::Channel::Email))
                    ->contains(QStringLiteral("SMTP")));
        QCOMPARE(s.runOnce()->sent, 1);
        QCOMPARE(row(m.visit.visitId, NotificationRepository::Channel::Email).state,
                 QStringLiteral("sent"));
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(email.id)), 1);
    }

    void givesUpAfterMaxAttempts()
    {
        const Made m = visit(true, false);
        test::applyEvents(
            *m_store, {test::providerEvent(m.visit.masterId, VisitEvent::Type::ConsultCanceled)});
        NotificationSettings s = settings();
        s.maxAttempts = 2;
        m_smtp->fault({QStringLiteral("refuse"), QStringLiteral("refuse")});
        QDateTime now = QDateTime::currentDateTimeUtc();
        NotificationSender sender1 =
            sender(m_store->db(), QStringLiteral("A"), s, [&now] { return now; });
        QCOMPARE(sender1.runOnce()->retried, 1);
        now = now.addSecs(10);
        QCOMPARE(sender1.runOnce()->failed, 1);
        const auto failed = row(m.visit.visitId, NotificationRepository::Channel::Email);
        QCOMPARE(failed.state, QStringLiteral("failed"));
        now = now.addSecs(3600);
        QCOMPARE(sender1.runOnce()->claimed, 0);
        // The admin's Retry: queued again, sent once.
        QVERIFY(NotificationRepository(m_store->db(), m_store->cipher())
                    .retry(failed.id, TimeText::utc(now))
                    .value());
        QCOMPARE(sender1.runOnce()->sent, 1);
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(failed.id)), 1);
    }

    void quietHoursHoldTextsUntilMorning()
    {
        const Made m = visit(true, true, QStringLiteral("es"));
        QJsonObject shipped =
            test::providerEvent(m.visit.masterId, VisitEvent::Type::PharmacyShipped);
        QJsonObject payload = shipped.value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("info"),
                       QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                   {QStringLiteral("tracking"), QStringLiteral("1ZQUIET")}});
        shipped.insert(QStringLiteral("payload"), payload);
        test::applyEvents(*m_store, {shipped});
        NotificationSettings s = settings();
        s.quietStart = QTime(21, 0);
        s.quietEnd = QTime(8, 0);
        QDateTime now(QDate(2026, 12, 7), QTime(23, 30), QTimeZone::utc());
        NotificationSender quiet =
            sender(m_store->db(), QStringLiteral("A"), s, [&now] { return now; });
        auto night = quiet.runOnce();
        QVERIFY(night);
        QCOMPARE(night->sent, 1); // e-mail has no quiet hours
        QCOMPARE(night->held, 1);
        const auto held = row(m.visit.visitId, NotificationRepository::Channel::Sms);
        QCOMPARE(held.state, QStringLiteral("held"));
        QCOMPARE(held.nextAttemptAt, QStringLiteral("2026-12-08T08:00:00.000Z"));
        QCOMPARE(smsTo(m.phone), 0);
        now = QDateTime(QDate(2026, 12, 8), QTime(7, 59), QTimeZone::utc());
        QCOMPARE(quiet.runOnce()->claimed, 0);
        now = QDateTime(QDate(2026, 12, 8), QTime(8, 0), QTimeZone::utc());
        QCOMPARE(quiet.runOnce()->sent, 1);
        QCOMPARE(smsTo(m.phone), 1);
        // In Spanish, with the carrier and tracking number and nothing else of the order.
        QString body;
        for (const QJsonValue &v : smsReceived(*m_sandbox)) {
            if (v.toObject().value(QStringLiteral("to")).toString() ==
                QStringLiteral("+1") + m.phone)
                body = v.toObject().value(QStringLiteral("body")).toString();
        }
        QVERIFY2(body.startsWith(QStringLiteral("Hola Luis")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("UPS")) && body.contains(QStringLiteral("1ZQUIET")),
                 qPrintable(body));
        QVERIFY(body.contains(QStringLiteral("Elm Clinic")));
    }

    void noConsentOrWithdrawnIsNeverSent()
    {
        const Made none = visit(false, false);
        const Made later = visit(true, true);
        test::applyEvents(*m_store,
                          {test::providerEvent(none.visit.masterId, VisitEvent::Type::RxWritten),
                           test::providerEvent(later.visit.masterId, VisitEvent::Type::RxWritten)});
        QCOMPARE(rows(none.visit.visitId, QStringLiteral("blocked")).size(), 2);
        // The patient opts out after the rows were queued: honoured by the sender at once.
        QVERIFY(PatientConsentStore(m_store->db(), m_store->cipher())
                    .setConsent(later.visit.patientId, false, false, QStringLiteral("en"),
                                QStringLiteral("bob")));
        const int before = int(m_smtp->received().size());
        auto report = sender(m_store->db(), QStringLiteral("A"), settings()).runOnce();
        QVERIFY(report);
        QCOMPARE(report->sent, 0);
        QCOMPARE(report->blocked, 2);
        QCOMPARE(rows(later.visit.visitId, QStringLiteral("blocked")).size(), 2);
        QCOMPARE(int(m_smtp->received().size()), before);
        QCOMPARE(smsTo(none.phone) + smsTo(later.phone), 0);
    }

    void smtpRequiresTlsAndAVerifiedCertificate()
    {
        SmtpMailer::Config c = settings().smtp;
        c.caFile.clear(); // the sink's certificate is not in the system's store
        const auto out = SmtpMailer::send(c, {QStringLiteral("a@example.org"), QStringLiteral("s"),
                                              QStringLiteral("b"), QStringLiteral("x@clinicdesk")});
        QVERIFY(!out.delivered);
        SmtpMailer::Config http = c;
        http.url = QUrl(QStringLiteral("http://x:1"));
        QVERIFY(!SmtpMailer::check(http).isEmpty());
        QVERIFY(!SmtpMailer::isLoopback(QUrl(QStringLiteral("smtp://mail.example.org:25"))));
        QVERIFY(SmtpMailer::isLoopback(QUrl(QStringLiteral("smtp://127.0.0.1:25"))));
        // A wrong SMS token is refused for good (401), not retried.
        SmsGateway::Config sms = settings().sms;
        sms.token = "wrong";
        const auto refused =
            SmsGateway::send(sms, QStringLiteral("5125550199"), QStringLiteral("x"));
        QVERIFY(!refused.delivered);
        QVERIFY(refused.permanent);
        QCOMPARE(refused.code, 401L);
    }

    // The console's timeline shows each message with channel, template and state; the failure
    // reason without the address the server quoted.
    void theVisitTimelineShowsEachMessage()
    {
        const Made m = visit(true, true);
        test::applyEvents(*m_store,
                          {test::providerEvent(m.visit.masterId, VisitEvent::Type::RxWritten)});
        NotificationSettings s = settings();
        s.maxAttempts = 1;
        s.sms.token = "wrong"; // the text is refused for good
        // The e-mail is refused with the recipient quoted in the reply.
        m_smtp->fault({QStringLiteral("refuse")});
        auto report = sender(m_store->db(), QStringLiteral("A"), s).runOnce();
        QVERIFY(report);
        QCOMPARE(report->failed, 2);
        auto record = VisitRecordReader(*m_store).read(m.visit.visitId);
        QVERIFY(record);
        QStringList labels;
        for (const auto &e : std::as_const(record->timeline))
            labels << e.label;
        const QString all = labels.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("E-mail to the patient (prescription written): "
                                             "failed: SMTP")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Text to the patient (prescription written): "
                                             "failed: SMS API: HTTP 401")),
                 qPrintable(all));
        QVERIFY(!all.contains(QStringLiteral("luis@example.org")));
        QVERIFY(!all.contains(m.phone));
        // Retried by the admin and sent: the timeline says so.
        NotificationRepository rows(m_store->db(), m_store->cipher());
        QVERIFY(rows.retry(row(m.visit.visitId, NotificationRepository::Channel::Email).id,
                           TimeText::utcNow())
                    .value());
        QCOMPARE(sender(m_store->db(), QStringLiteral("A"), settings()).runOnce()->sent, 1);
        record = VisitRecordReader(*m_store).read(m.visit.visitId);
        labels.clear();
        for (const auto &e : std::as_const(record->timeline))
            labels << e.label;
        QVERIFY2(
            labels.contains(QStringLiteral("E-mail to the patient (prescription written): sent")),
            qPrintable(labels.join(u'\n')));
    }

    // AUTH PLAIN and AUTH LOGIN after STARTTLS, against aiosmtpd requiring them (it offers AUTH
    // only once TLS is up): the right password sends the message once; a wrong one fails the row
    // at once (a refused login is refused again) with the server's reason, and sends nothing.
    void smtpLoginOverStartTls()
    {
        const QByteArray password = "correct horse 7";
        for (const QString &mechanism : {QStringLiteral("PLAIN"), QStringLiteral("LOGIN")}) {
            SmtpSink sink(m_dir.filePath(QStringLiteral("smtp-auth-") + mechanism));
            QVERIFY(sink.start({QStringLiteral("--auth"),
                                QStringLiteral("clinic:") + QString::fromLatin1(password),
                                QStringLiteral("--auth-mechanism"), mechanism}));
            NotificationSettings s = settings();
            s.smtp.url = QUrl(QStringLiteral("smtp://127.0.0.1:%1").arg(sink.port()));
            s.smtp.caFile = sink.caFile();
            s.smtp.user = QStringLiteral("clinic");
            s.smtp.password = password;

            const Made good = visit(true, false);
            test::applyEvents(*m_store, {test::providerEvent(good.visit.masterId,
                                                             VisitEvent::Type::ConsultCanceled)});
            QVERIFY(sender(m_store->db(), QStringLiteral("A"), s).runOnce());
            const auto sent = row(good.visit.visitId, NotificationRepository::Channel::Email);
            QCOMPARE(sent.state, QStringLiteral("sent"));
            QCOMPARE(sink.countWithId(NotificationSender::messageId(sent.id)), 1);
            QVERIFY(!sink.authAttempts().isEmpty());
            QCOMPARE(sink.authAttempts().first(), mechanism + QStringLiteral(" clinic ok"));

            const Made bad = visit(true, false);
            test::applyEvents(*m_store, {test::providerEvent(bad.visit.masterId,
                                                             VisitEvent::Type::ConsultCanceled)});
            const qsizetype accepted = sink.received().size();
            s.smtp.password = "correct horse 8";
            QVERIFY(sender(m_store->db(), QStringLiteral("A"), s).runOnce());
            const auto failed = row(bad.visit.visitId, NotificationRepository::Channel::Email);
            QCOMPARE(failed.state, QStringLiteral("failed"));
            QCOMPARE(failed.attempts, 1);
            const QString reason = NotificationRepository(m_store->db(), m_store->cipher())
                                       .openLastError(failed)
                                       .value();
            QVERIFY2(reason.contains(QStringLiteral("Login denied")) &&
                         reason.contains(QStringLiteral("535")),
                     qPrintable(reason));
            QCOMPARE(sink.received().size(), accepted);
            QCOMPARE(sink.countWithId(NotificationSender::messageId(failed.id)), 0);
            QCOMPARE(sink.authAttempts().last(), mechanism + QStringLiteral(" clinic denied"));
            // Failed for good: the next runs leave it alone, and the good one stays sent once.
            QCOMPARE(sender(m_store->db(), QStringLiteral("A"), s).runOnce()->claimed, 0);
            QCOMPARE(sink.countWithId(NotificationSender::messageId(sent.id)), 1);
        }
    }

    // What clinicdesk-relay runs: the sender on its own thread and connection, on a timer.
    void theWorkerSendsOnItsOwnThread()
    {
        const Made m = visit(true, false);
        test::applyEvents(
            *m_store, {test::providerEvent(m.visit.masterId, VisitEvent::Type::ConsultCanceled)});
        const QString id = row(m.visit.visitId, NotificationRepository::Channel::Email).id;
        NotificationWorker worker(m_store->connectionOpener(), m_store->cipher(), settings(),
                                  QStringLiteral("worker"), 50);
        worker.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            row(m.visit.visitId, NotificationRepository::Channel::Email).state,
            QStringLiteral("sent"), 20000);
        worker.stop();
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(id)), 1);
    }

    // The relay's worker following its settings in a data dir: nothing configured, runs pass and
    // the row stays queued; then [notifications] is written (an SMTP server requiring a login) and
    // the password is in the keychain: both are read (on the owner's thread, the keychain is not
    // safe on the worker's) and the next run sends.
    void theWorkerRereadsChangedSettingsAndTheKeychain()
    {
        const QByteArray password = "worker pass 9";
        SmtpSink sink(m_dir.filePath(QStringLiteral("smtp-worker-auth")));
        QVERIFY(sink.start(
            {QStringLiteral("--auth"), QStringLiteral("clinic:") + QString::fromLatin1(password)}));
        const QString dataDir = m_dir.filePath(QStringLiteral("worker-settings"));
        QVERIFY(QDir().mkpath(dataDir));
        QVERIFY(NotificationSettings::saveSmtpPassword(password));
        const Made m = visit(true, false);
        test::applyEvents(
            *m_store, {test::providerEvent(m.visit.masterId, VisitEvent::Type::ConsultCanceled)});
        const QString id = row(m.visit.visitId, NotificationRepository::Channel::Email).id;

        NotificationWorker worker(m_store->connectionOpener(), m_store->cipher(), {},
                                  QStringLiteral("worker-file"), 50);
        // As clinicdesk-relay does: read on this thread (its event loop runs in QTRY_*).
        worker.followSettings(NotificationWorker::settingsFile(dataDir));
        std::atomic<int> runs = 0;
        connect(
            &worker, &NotificationWorker::ran, this, [&runs] { ++runs; }, Qt::DirectConnection);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(runs.load() >= 3, 20000);
        const auto waiting = row(m.visit.visitId, NotificationRepository::Channel::Email);
        QCOMPARE(waiting.state, QStringLiteral("queued"));
        QCOMPARE(waiting.attempts, 0);

        {
            QSettings ini(NotificationSettings::path(dataDir), QSettings::IniFormat);
            ini.setValue(QStringLiteral("notifications/smtpUrl"),
                         QStringLiteral("smtp://127.0.0.1:%1").arg(sink.port()));
            ini.setValue(QStringLiteral("notifications/from"),
                         QStringLiteral("clinic@example.org"));
            ini.setValue(QStringLiteral("notifications/caFile"), sink.caFile());
            ini.setValue(QStringLiteral("notifications/smtpUser"), QStringLiteral("clinic"));
            ini.sync();
            QCOMPARE(ini.status(), QSettings::NoError);
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            row(m.visit.visitId, NotificationRepository::Channel::Email).state,
            QStringLiteral("sent"), 20000);
        worker.stop();
        QCOMPARE(sink.countWithId(NotificationSender::messageId(id)), 1);
        QVERIFY(sink.authAttempts().first().endsWith(QStringLiteral(" clinic ok")));
    }

    // Last: everything above ran through the same message handler.
    void noAddressOrNumberInTheLog()
    {
        QVERIFY(!g_log.isEmpty());
        const QString all = g_log.join(u'\n');
        QVERIFY(all.contains(QStringLiteral("notification")));
        QVERIFY2(!all.contains(QStringLiteral("luis@example.org")), qPrintable(all));
        QVERIFY(!all.contains(QStringLiteral("51255")));
        QVERIFY(!all.contains(QStringLiteral("Luis")));
        QVERIFY(!all.contains(QStringLiteral("1ZQUIET")));
        QVERIFY(!all.contains(QStringLiteral("correct horse")));
    }
};

QTEST_GUILESS_MAIN(TestNotificationSender)
#include "tst_notificationsender.moc"
