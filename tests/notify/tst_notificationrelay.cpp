#include "InboxTestSupport.h"
#include "NotifyTestServers.h"
#include "RelayTestSupport.h"
#include "TestSupport.h"
#include "notify/NotificationSender.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"

#include <QSettings>

#include <csignal>

using namespace clinicdesk;
using namespace inboxtest;
using namespace relaytest;
using namespace notifytest;

// End to end: a webhook into the real clinicdesk-inbox, TWO clinicdesk-relay processes by
// mistake on the same console store (both apply the page, both run a sender), the provider's
// retry of the same webhook, and the real aiosmtpd sink: exactly one e-mail, with the
// notification's Message-ID, and no address in either relay's output.
class TestNotificationRelay : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Inbox> m_inbox;
    std::unique_ptr<SmtpSink> m_smtp;
    QString m_consoleDir;
    QString m_keyFile;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    QStringList relayArguments() const
    {
        return {QStringLiteral("--data-dir"),
                m_consoleDir,
                QStringLiteral("--key-file"),
                m_keyFile,
                QStringLiteral("--inbox"),
                m_inbox->url.toString(),
                QStringLiteral("--token-file"),
                m_inbox->tokenFile,
                QStringLiteral("--ca-file"),
                TlsIdentity::generatedCertificatePath(m_inbox->dataDir)};
    }

    static bool startRelay(QProcess &relay, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLINICDESK_NOTIFY_INTERVAL_MS"), QStringLiteral("100"));
        relay.setProcessEnvironment(env);
        relay.setProcessChannelMode(QProcess::MergedChannels);
        relay.start(ServiceProcess::binaryPath(QStringLiteral("clinicdesk-relay")), arguments);
        if (!relay.waitForStarted(10000))
            return false;
        QByteArray out;
        QDeadlineTimer deadline(30000);
        while (!out.contains("polling ") && !deadline.hasExpired() &&
               relay.state() == QProcess::Running) {
            if (relay.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                out += relay.readAll();
        }
        return out.contains("polling ");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inbox = std::make_unique<Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(m_inbox->start(), qPrintable(m_inbox->process.failureReason()));
        m_smtp = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("smtp")));
        QVERIFY(m_smtp->start());
        m_consoleDir = m_dir.filePath(QStringLiteral("console"));
        m_keyFile = m_dir.filePath(QStringLiteral("console.key"));
        QVERIFY(KeyFileKeyProvider(m_keyFile).save({}, KeyRing::generate()));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_keyFile);
        m_store = test::openStore(m_consoleDir, *m_keys);
        QSettings ini(QDir(m_consoleDir).filePath(QStringLiteral("clinicdesk.ini")),
                      QSettings::IniFormat);
        ini.setValue(QStringLiteral("notifications/smtpUrl"),
                     QStringLiteral("smtp://127.0.0.1:%1").arg(m_smtp->port()));
        ini.setValue(QStringLiteral("notifications/from"), QStringLiteral("clinic@example.org"));
        ini.setValue(QStringLiteral("notifications/caFile"), m_smtp->caFile());
        ini.setValue(QStringLiteral("notifications/quietStart"), QStringLiteral("00:00"));
        ini.setValue(QStringLiteral("notifications/quietEnd"), QStringLiteral("00:00"));
        ini.sync();
    }

    void twoRelaysAndARetriedWebhookSendOneEmail()
    {
        const Visit v = addVisit(*m_store);
        auto row = VisitRepository(*m_store).find(v.id);
        QVERIFY(row && row.value());
        QVERIFY(PatientConsentStore(m_store->db(), m_store->cipher())
                    .setConsent(row.value()->patientId, true, false, QStringLiteral("en"),
                                QStringLiteral("alice")));
        QProcess first;
        QProcess second;
        QVERIFY(startRelay(first, relayArguments()));
        QVERIFY(startRelay(second, relayArguments()));
        const QByteArray body = QJsonDocument(payload(v.masterId, QStringLiteral("RX_WRITTEN")))
                                    .toJson(QJsonDocument::Compact);
        QCOMPARE(m_inbox->postWebhook("rx-1", body).status, 200);
        QCOMPARE(m_inbox->postWebhook("rx-1", body).status, 200); // the provider's retry

        NotificationRepository rows(m_store->db(), m_store->cipher());
        const auto emailState = [&] {
            auto found = rows.list(v.id);
            for (const auto &r : found ? found.value() : QList<NotificationRepository::Record>())
                if (r.channel == NotificationRepository::Channel::Email)
                    return r.state;
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(emailState(), QStringLiteral("sent"), 30000);
        auto all = rows.list(v.id);
        QCOMPARE(all->size(), 2); // e-mail sent, text blocked (no consent)
        QString emailId;
        for (const auto &r : all.value())
            if (r.channel == NotificationRepository::Channel::Email)
                emailId = r.id;
        // Both relays stopped: whatever either could still have sent has been sent.
        for (QProcess *relay : {&first, &second}) {
            ::kill(pid_t(relay->processId()), SIGTERM);
            QVERIFY(relay->waitForFinished(30000));
        }
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(emailId)), 1);
        QCOMPARE(m_smtp->received().size(), 1);
        const QByteArray output = first.readAll() + second.readAll();
        QVERIFY2(output.contains("notification"), output.constData());
        QVERIFY(!output.contains("luis@example.org"));
        QVERIFY(!output.contains("Luis"));
    }

    // A relay started before e-mail was configured keeps the row queued; `clinicdesk-admin
    // notifications configure` while it runs is picked up without a restart (the sender re-reads
    // clinicdesk.ini when it changes), and the message goes out once.
    void configureWhileRunningNeedsNoRestart()
    {
        const QString consoleDir = m_dir.filePath(QStringLiteral("console2"));
        const QString keyFile = m_dir.filePath(QStringLiteral("console2.key"));
        QVERIFY(KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()));
        KeyFileKeyProvider keys(keyFile);
        auto store = test::openStore(consoleDir, keys);
        const Visit v = addVisit(*store);
        auto found = VisitRepository(*store).find(v.id);
        QVERIFY(found && found.value());
        QVERIFY(PatientConsentStore(store->db(), store->cipher())
                    .setConsent(found.value()->patientId, true, false, QStringLiteral("en"),
                                QStringLiteral("alice")));
        QStringList arguments = relayArguments();
        arguments[1] = consoleDir;
        arguments[3] = keyFile;
        QProcess relay;
        QVERIFY(startRelay(relay, arguments));
        const QByteArray body = QJsonDocument(payload(v.masterId, QStringLiteral("RX_WRITTEN")))
                                    .toJson(QJsonDocument::Compact);
        QCOMPARE(m_inbox->postWebhook("rx-configure", body).status, 200);

        NotificationRepository rows(store->db(), store->cipher());
        const auto emailRow = [&] {
            auto list = rows.list(v.id);
            for (const auto &r : list ? list.value() : QList<NotificationRepository::Record>())
                if (r.channel == NotificationRepository::Channel::Email)
                    return r;
            return NotificationRepository::Record{};
        };
        QTRY_COMPARE_WITH_TIMEOUT(emailRow().state, QStringLiteral("queued"), 30000);
        QCOMPARE(emailRow().state, QStringLiteral("queued"));
        QCOMPARE(emailRow().attempts, 0);

        const int before = int(m_smtp->received().size());
        QProcess admin;
        admin.start(
            qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
            {QStringLiteral("--data-dir"), consoleDir, QStringLiteral("--key-file"), keyFile,
             QStringLiteral("notifications"), QStringLiteral("configure"),
             QStringLiteral("--smtp-url"),
             QStringLiteral("smtp://127.0.0.1:%1").arg(m_smtp->port()), QStringLiteral("--from"),
             QStringLiteral("clinic@example.org"), QStringLiteral("--ca-file"), m_smtp->caFile(),
             QStringLiteral("--quiet-hours"), QStringLiteral("00:00-00:00")});
        admin.closeWriteChannel();
        QVERIFY(admin.waitForFinished(60000));
        QVERIFY2(admin.exitCode() == 0, admin.readAllStandardError().constData());

        QTRY_COMPARE_WITH_TIMEOUT(emailRow().state, QStringLiteral("sent"), 30000);
        const QString id = emailRow().id;
        ::kill(pid_t(relay.processId()), SIGTERM);
        QVERIFY(relay.waitForFinished(30000));
        QCOMPARE(m_smtp->countWithId(NotificationSender::messageId(id)), 1);
        QCOMPARE(int(m_smtp->received().size()), before + 1);
        const QByteArray output = relay.readAll();
        QVERIFY2(output.contains("notifications: configured, sending"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestNotificationRelay)
#include "tst_notificationrelay.moc"
