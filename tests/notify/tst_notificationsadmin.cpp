#include "IntakeSupport.h"
#include "NotifyTestServers.h"
#include "TestSupport.h"
#include "store/PatientConsentStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace notifytest;

// The CLI contract of DESIGN.md "Patient notifications" through the clinicdesk-admin binary:
// configure (STARTTLS e-mail, the keychain for secrets), sms configure, test (to the real
// aiosmtpd sink and the sandbox), list without patient data, the template refusal and preview,
// and an audit entry for every change. Runs inside scripts/with-keyring (a real keychain).
class TestNotificationsAdmin : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    QTemporaryDir m_dir;
    QString m_data;
    QString m_key;
    std::unique_ptr<SmtpSink> m_smtp;
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_sandboxCa;
    const QByteArray m_account = "AC0123456789abcdef0123456789abcdef";
    const QByteArray m_token = "admin-sms-token-7";

    Run admin(const QStringList &args, const QByteArray &stdinText = {})
    {
        QProcess p;
        p.start(
            qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
            QStringList{QStringLiteral("--data-dir"), m_data, QStringLiteral("--key-file"), m_key} +
                args);
        p.write(stdinText);
        p.closeWriteChannel();
        if (!p.waitForFinished(60'000))
            qFatal("clinicdesk-admin did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    qint64 auditEntries(const QString &entityType)
    {
        KeyFileKeyProvider keys(m_key);
        auto store = test::openStore(m_data, keys);
        auto r = store->db().exec(
            QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity_type = ?"), {entityType});
        return r && r->next() ? r->value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_key = m_dir.filePath(QStringLiteral("store.key"));
        QCOMPARE(admin({QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        m_smtp = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("smtp")));
        QVERIFY(m_smtp->start());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        const QString tokenFile = sandboxtest::writeSecretFile(
            m_dir.path(), QStringLiteral("sms.token"), m_account + ':' + m_token);
        QVERIFY2(m_sandbox->start({QStringLiteral("--sms-token-file"), tokenFile}),
                 qPrintable(m_sandbox->failure()));
        m_sandboxCa = writeCaFile(*m_sandbox, m_dir.filePath(QStringLiteral("sandbox-ca.pem")));
    }

    void configureRefusesWhatCannotWork()
    {
        Run r = admin({QStringLiteral("notifications"), QStringLiteral("configure"),
                       QStringLiteral("--smtp-url"), QStringLiteral("http://127.0.0.1:25"),
                       QStringLiteral("--from"), QStringLiteral("clinic@example.org")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("smtp://HOST:PORT or smtps://HOST:PORT"), r.err.constData());
        r = admin({QStringLiteral("notifications"), QStringLiteral("configure"),
                   QStringLiteral("--smtp-url"), QStringLiteral("smtp://127.0.0.1:25"),
                   QStringLiteral("--from"), QStringLiteral("not-an-address")});
        QVERIFY(r.exitCode != 0);
        r = admin({QStringLiteral("notifications"), QStringLiteral("sms"),
                   QStringLiteral("configure"), QStringLiteral("--url"),
                   QStringLiteral("https://127.0.0.1:1"), QStringLiteral("--account"),
                   QStringLiteral("AC1"), QStringLiteral("--from"), QStringLiteral("12")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("E.164"), r.err.constData());
    }

    void configureTestAndList()
    {
        Run r = admin({QStringLiteral("notifications"), QStringLiteral("configure"),
                       QStringLiteral("--smtp-url"),
                       QStringLiteral("smtp://127.0.0.1:%1").arg(m_smtp->port()),
                       QStringLiteral("--from"), QStringLiteral("clinic@example.org"),
                       QStringLiteral("--ca-file"), m_smtp->caFile(),
                       QStringLiteral("--clinic-name"), QStringLiteral("Elm Clinic"),
                       QStringLiteral("--clinic-phone"), QStringLiteral("555-0100"),
                       QStringLiteral("--quiet-hours"), QStringLiteral("00:00-00:00")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = admin({QStringLiteral("notifications"), QStringLiteral("sms"),
                   QStringLiteral("configure"), QStringLiteral("--url"),
                   m_sandbox->url().toString(), QStringLiteral("--account"),
                   QString::fromLatin1(m_account), QStringLiteral("--from"),
                   QStringLiteral("+15550000001"), QStringLiteral("--ca-file"), m_sandboxCa,
                   QStringLiteral("--token-stdin")},
                  m_token + '\n');
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The token went to the keychain, never to the settings file.
        QFile ini(QDir(m_data).filePath(QStringLiteral("clinicdesk.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray settings = ini.readAll();
        QVERIFY(settings.contains("smtp://127.0.0.1"));
        QVERIFY(!settings.contains(m_token));
        QCOMPARE(auditEntries(QStringLiteral("notifications")), 2);

        r = admin({QStringLiteral("notifications"), QStringLiteral("test"), QStringLiteral("--to"),
                   QStringLiteral("someone@example.org")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("someone@example.org"));
        QCOMPARE(m_smtp->received().size(), 1);
        r = admin({QStringLiteral("notifications"), QStringLiteral("test"), QStringLiteral("--to"),
                   QStringLiteral("5125550142")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("5125550142"));
        const QJsonArray sms = smsReceived(*m_sandbox);
        QCOMPARE(sms.size(), 1);
        QCOMPARE(sms.first().toObject().value(QStringLiteral("to")).toString(),
                 QStringLiteral("+15125550142"));
        QCOMPARE(auditEntries(QStringLiteral("notifications")), 4);

        // A visit whose patient consented to e-mail only; the relay's rows, listed.
        {
            KeyFileKeyProvider keys(m_key);
            auto store = test::openStore(m_data, keys);
            const auto v = test::submitVisit(*store, QStringLiteral("5125550143"));
            QVERIFY(PatientConsentStore(store->db(), store->cipher())
                        .setConsent(v.patientId, true, false, QStringLiteral("en"),
                                    QStringLiteral("alice")));
            test::applyEvents(*store,
                              {test::providerEvent(v.masterId, VisitEvent::Type::RxWritten)});
        }
        r = admin(
            {QStringLiteral("--json"), QStringLiteral("notifications"), QStringLiteral("list")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(r.out)
                                    .object()
                                    .value(QStringLiteral("notifications"))
                                    .toArray();
        QCOMPARE(rows.size(), 2);
        QSet<QString> states;
        for (const QJsonValue &row : rows)
            states << row.toObject().value(QStringLiteral("channel")).toString() +
                          QLatin1Char(':') +
                          row.toObject().value(QStringLiteral("state")).toString();
        QCOMPARE(states,
                 (QSet<QString>{QStringLiteral("email:queued"), QStringLiteral("sms:blocked")}));
        r = admin({QStringLiteral("notifications"), QStringLiteral("list")});
        for (const char *phi : {"luis@example.org", "5125550143", "Luis", "Pérez"})
            QVERIFY2(!r.out.contains(phi), r.out.constData());
        QVERIFY(r.out.contains("prescription_written"));
    }

    void templatesThroughTheCli()
    {
        Run r =
            admin({QStringLiteral("notifications"), QStringLiteral("template"),
                   QStringLiteral("set"), QStringLiteral("--template"), QStringLiteral("shipped"),
                   QStringLiteral("--subject"), QStringLiteral("Shipped")},
                  "Your {medication} shipped");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("{medication} is not allowed"), r.err.constData());
        r = admin({QStringLiteral("notifications"), QStringLiteral("template"),
                   QStringLiteral("set"), QStringLiteral("--template"), QStringLiteral("shipped"),
                   QStringLiteral("--language"), QStringLiteral("es"), QStringLiteral("--subject"),
                   QStringLiteral("{clinic_name}")},
                  "Hola {first_name}: {carrier} {tracking}.");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = admin({QStringLiteral("notifications"), QStringLiteral("template"),
                   QStringLiteral("preview"), QStringLiteral("--template"),
                   QStringLiteral("shipped"), QStringLiteral("--language"), QStringLiteral("es")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).trimmed(),
                 QStringLiteral("Subject: Elm Clinic\n\nHola Ana: UPS 1Z999AA10123456784."));
        QCOMPARE(auditEntries(QStringLiteral("notification_template")), 1);
    }
};

QTEST_GUILESS_MAIN(TestNotificationsAdmin)
#include "tst_notificationsadmin.moc"
