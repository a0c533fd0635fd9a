#include "TestSupport.h"
#include "store/Database.h"
#include "store/PatientRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTest>

using namespace clinicdesk;

// Drives the clinicdesk-admin binary as an operator's script would: exit codes, one-line errors,
// --json output.
class TestAdminCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run admin(const QStringList &args,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                args);
        if (!p.waitForFinished(60'000))
            qFatal("clinicdesk-admin did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static void verifyOneLineError(const Run &run, const char *mustContain)
    {
        QVERIFY2(run.exitCode != 0, run.out.constData());
        QVERIFY2(run.err.startsWith("clinicdesk-admin: "), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains(mustContain), run.err.constData());
    }

private Q_SLOTS:
    void initStatusRotateWithKeyFile()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        const QString key = dir.filePath(QStringLiteral("k"));
        const QStringList base = {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  key};
        Run r = admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QCOMPARE(test::fileMode(key), 0600);

        r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("keys"),
                                     QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject status = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(status.value(QStringLiteral("currentKeyId")).toInt(), 1);

        r = admin(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("key 2"));

        r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("keys"),
                                     QStringLiteral("status")});
        status = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(status.value(QStringLiteral("currentKeyId")).toInt(), 2);
        QCOMPARE(status.value(QStringLiteral("keyIds")).toArray().size(), 1);
        // Key bytes never printed.
        KeyFileKeyProvider provider(key);
        QVERIFY(!r.out.contains(provider.load({})->currentKey().toBase64()));
    }

    void keysRotateInRealKeychain()
    {
        QTemporaryDir dir;
        const QStringList base = {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d"))};
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate")}).exitCode,
            0);
        const Run r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("keys"),
                                               QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(status.value(QStringLiteral("currentKeyId")).toInt(), 2);
        QCOMPARE(status.value(QStringLiteral("keyProvider")).toString(),
                 QStringLiteral("the OS keychain"));
    }

    void insecureKeyFileRefused()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        const QString key = dir.filePath(QStringLiteral("k"));
        QCOMPARE(admin({QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"), key,
                        QStringLiteral("store"), QStringLiteral("init")})
                     .exitCode,
                 0);
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ReadOther));
        verifyOneLineError(admin({QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  key, QStringLiteral("keys"), QStringLiteral("status")}),
                           "must be 0600");
    }

    void wrongKeyFileRefused()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        QCOMPARE(admin({QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                        dir.filePath(QStringLiteral("k")), QStringLiteral("store"),
                        QStringLiteral("init")})
                     .exitCode,
                 0);
        const QString other = test::writeKeyFile(dir, QStringLiteral("other.key"));
        verifyOneLineError(admin({QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  other, QStringLiteral("keys"), QStringLiteral("status")}),
                           "does not open the store");
    }

    void missingKeychainBackendIsClearError()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/bus"));
        const Run r = admin({QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                             QStringLiteral("store"), QStringLiteral("init")},
                            env);
        verifyOneLineError(r, "no OS keychain is available");
        // Nothing half-made that a later run could mistake for a store with a plaintext key.
        QVERIFY(
            !QDir(dir.filePath(QStringLiteral("d"))).entryList({QStringLiteral("*.key")}).size());
    }

    void usersAddAndList()
    {
        QTemporaryDir dir;
        const QStringList base = {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                                  QStringLiteral("--key-file"), dir.filePath(QStringLiteral("k"))};
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        Run r = admin(base + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                                         QStringLiteral("admin"), QStringLiteral("--role"),
                                         QStringLiteral("admin"),
                                         QStringLiteral("--generate-password")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().size(), 20);
        // A weak password from stdin is refused with the policy's reason; nothing is created.
        QProcess p;
        p.start(qEnvironmentVariable("CLINICDESK_BIN_DIR") + QStringLiteral("/clinicdesk-admin"),
                base + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                                   QStringLiteral("bob"), QStringLiteral("--password-stdin")});
        p.write("password123\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60'000));
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(p.readAllStandardError().count('\n'), 1);
        r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("users"),
                                     QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray users =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.first().toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("admin"));
        QVERIFY(!r.out.contains("scrypt")); // hashes never leave the store
        // Passwords are never taken from the command line.
        r = admin(base + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                                     QStringLiteral("carol")});
        verifyOneLineError(r, "--password-stdin");
    }

    void auditVerifyAndExport()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        const QStringList base = {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  dir.filePath(QStringLiteral("k"))};
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(admin(base + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                                          QStringLiteral("ana"), QStringLiteral("--role"),
                                          QStringLiteral("admin"),
                                          QStringLiteral("--generate-password")})
                     .exitCode,
                 0);
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate")}).exitCode,
            0);
        Run r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("audit"),
                                         QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject v = QJsonDocument::fromJson(r.out).object();
        QVERIFY(v.value(QStringLiteral("intact")).toBool());
        QCOMPARE(v.value(QStringLiteral("entries")).toInt(), 2); // user created, key rotated

        const QString out = dir.filePath(QStringLiteral("audit.csv"));
        r = admin(base + QStringList{QStringLiteral("audit"), QStringLiteral("export"),
                                     QStringLiteral("--format"), QStringLiteral("csv"),
                                     QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count("\r\n"), 3); // header + 2 entries
        QCOMPARE(test::fileMode(out), 0600);
        verifyOneLineError(
            admin(base + QStringList{QStringLiteral("audit"), QStringLiteral("export"),
                                     QStringLiteral("--format"), QStringLiteral("xml"),
                                     QStringLiteral("--output"), out}),
            "csv, jsonl or fhir");

        // Someone edits the database behind the console's back.
        {
            auto db = Database::openSqlite(LocalStore::databasePath(data));
            QVERIFY(db);
            QVERIFY((*db)->exec(
                QStringLiteral("UPDATE audit_log SET user_name = 'nobody' WHERE seq = 2")));
        }
        r = admin(base + QStringList{QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 1);
        verifyOneLineError(r, "broken at entry 2");
        QVERIFY(r.out.contains("BROKEN at entry 2"));
        // Export refuses a broken log.
        verifyOneLineError(
            admin(base + QStringList{QStringLiteral("audit"), QStringLiteral("export"),
                                     QStringLiteral("--format"), QStringLiteral("jsonl"),
                                     QStringLiteral("--output"), out}),
            "failed verification");
    }

    void exportQuestionnaireResponse()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        const QString key = dir.filePath(QStringLiteral("k"));
        const QJsonObject response{
            {QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")},
            {QStringLiteral("status"), QStringLiteral("completed")}};
        {
            KeyFileKeyProvider keys(key);
            auto store = test::openStore(data, keys);
            Patient p;
            p.firstName = QStringLiteral("Ana");
            const QString patientId = *PatientRepository(*store).save(p);
            auto sealedForm = store->cipher().seal(QStringLiteral("visits"), QStringLiteral("v1"),
                                                   QStringLiteral("form_obj"), "{}");
            auto sealedResponse =
                store->cipher().seal(QStringLiteral("visits"), QStringLiteral("v1"),
                                     QStringLiteral("questionnaire_response"),
                                     QJsonDocument(response).toJson(QJsonDocument::Compact));
            QVERIFY(store->db().exec(
                QStringLiteral(
                    "INSERT INTO visits (id, master_id, patient_id, visit_type, status, form_obj, "
                    "questionnaire_response, created_by, created_at, updated_at) VALUES "
                    "('v1', 'm-1', ?, 'ED', 'Queued', ?, ?, 'ana', 't', 't')"),
                {patientId, *sealedForm, *sealedResponse}));
        }
        const QStringList base = {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  key};
        const QString out = dir.filePath(QStringLiteral("qr.json"));
        Run r =
            admin(base + QStringList{QStringLiteral("visits"), QStringLiteral("export-response"),
                                     QStringLiteral("m-1"), QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object(), response);
        QCOMPARE(test::fileMode(out), 0600);
        // The PHI export is in the audit log, and the chain still verifies.
        r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("audit"),
                                     QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("entries")).toInt(),
                 1);
        verifyOneLineError(
            admin(base + QStringList{QStringLiteral("visits"), QStringLiteral("export-response"),
                                     QStringLiteral("nope"), QStringLiteral("--output"), out}),
            "no visit with master id nope");
    }

    void relayConfigureAndOff()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("d"));
        const QStringList base = {QStringLiteral("--data-dir"), data, QStringLiteral("--key-file"),
                                  dir.filePath(QStringLiteral("k"))};
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);
        const QString token = dir.filePath(QStringLiteral("relay.token"));
        QCOMPARE(admin({QStringLiteral("inbox"), QStringLiteral("token"),
                        QStringLiteral("--output"), token})
                     .exitCode,
                 0);
        const QStringList configure =
            base +
            QStringList{QStringLiteral("relay"),        QStringLiteral("configure"),
                        QStringLiteral("--inbox"),      QStringLiteral("https://127.0.0.1:8443"),
                        QStringLiteral("--token-file"), token};
        // A token file others can read is refused (it is a bearer secret).
        QVERIFY(QFile::setPermissions(token, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ReadOther));
        verifyOneLineError(admin(configure), "chmod 600");
        QVERIFY(QFile::setPermissions(token, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        verifyOneLineError(
            admin(base + QStringList{QStringLiteral("relay"), QStringLiteral("configure"),
                                     QStringLiteral("--inbox"), QStringLiteral("ftp://x"),
                                     QStringLiteral("--token-file"), token}),
            "https://");
        QCOMPARE(admin(configure).exitCode, 0);
        const QString ini = data + QStringLiteral("/clinicdesk.ini");
        {
            QSettings settings(ini, QSettings::IniFormat);
            QCOMPARE(settings.value(QStringLiteral("relay/inbox")).toString(),
                     QStringLiteral("https://127.0.0.1:8443"));
            QCOMPARE(settings.value(QStringLiteral("relay/tokenFile")).toString(), token);
        }
        QCOMPARE(admin(base + QStringList{QStringLiteral("relay"), QStringLiteral("off")}).exitCode,
                 0);
        QSettings settings(ini, QSettings::IniFormat);
        QVERIFY(!settings.contains(QStringLiteral("relay/inbox")));
    }

    void inboxTokenAndSecret()
    {
        QTemporaryDir dir;
        const QString token = dir.filePath(QStringLiteral("relay.token"));
        const QString secret = dir.filePath(QStringLiteral("beluga.secret"));
        // No store needed.
        QCOMPARE(admin({QStringLiteral("inbox"), QStringLiteral("token"),
                        QStringLiteral("--output"), token})
                     .exitCode,
                 0);
        QCOMPARE(admin({QStringLiteral("inbox"), QStringLiteral("secret"),
                        QStringLiteral("--output"), secret})
                     .exitCode,
                 0);
        QCOMPARE(admin({QStringLiteral("inbox"), QStringLiteral("secret"),
                        QStringLiteral("--output"), secret})
                     .exitCode,
                 0);
        QCOMPARE(test::fileMode(token), 0600);
        QCOMPARE(test::fileMode(secret), 0600);
        // A token file holds one token: a second one would make it match nothing.
        verifyOneLineError(admin({QStringLiteral("inbox"), QStringLiteral("token"),
                                  QStringLiteral("--output"), token}),
                           "delete it first");
        QFile t(token);
        QVERIFY(t.open(QIODevice::ReadOnly));
        QVERIFY(t.readAll().trimmed().size() >= 43);
        QFile s(secret);
        QVERIFY(s.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = s.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // appended: both accepted during a rotation
        for (const QByteArray &line : lines) {
            QVERIFY(line.startsWith("whsec_"));
            QCOMPARE(QByteArray::fromBase64(line.mid(6)).size(), 32);
        }
    }

    void noStoreAndUsageErrors()
    {
        QTemporaryDir dir;
        verifyOneLineError(
            admin({QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("none")),
                   QStringLiteral("keys"), QStringLiteral("status")}),
            "no ClinicDesk store");
        Run r = admin({QStringLiteral("keys"), QStringLiteral("bogus")});
        QCOMPARE(r.exitCode, 2);
        verifyOneLineError(r, "unknown command");
        r = admin({QStringLiteral("--no-such-option")});
        QCOMPARE(r.exitCode, 2);
        verifyOneLineError(r, "no-such-option");
        r = admin({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("keys rotate"));
    }

    // Each command owns its options: one another command takes is a usage error (exit 2, one
    // line naming the command and what it takes), not silently ignored, and nothing is done.
    void optionsBelongToTheirCommand()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k"));
        const QStringList base = {QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d")),
                                  QStringLiteral("--key-file"), key};
        QCOMPARE(
            admin(base + QStringList{QStringLiteral("store"), QStringLiteral("init")}).exitCode, 0);

        Run r = admin(base + QStringList{QStringLiteral("keys"), QStringLiteral("rotate"),
                                         QStringLiteral("--role"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        verifyOneLineError(r, "keys rotate: Unknown option 'role'");
        QVERIFY2(r.err.contains("It takes only --data-dir"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        // Nothing was rotated.
        QCOMPARE(KeyFileKeyProvider(key).load({})->ids().size(), 1);
        QCOMPARE(KeyFileKeyProvider(key).load({})->currentId(), 1u);

        // Wherever it stands on the line, and whether or not the command needs a store.
        r = admin(QStringList{QStringLiteral("--output"), dir.filePath(QStringLiteral("o"))} +
                  base + QStringList{QStringLiteral("keys"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 2);
        verifyOneLineError(r, "keys status: Unknown option 'output'");
        r = admin({QStringLiteral("inbox"), QStringLiteral("token"), QStringLiteral("--output"),
                   dir.filePath(QStringLiteral("t")), QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 2);
        verifyOneLineError(r, "inbox token: Unknown option 'force'");
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("t"))));

        // The command's own options still work, before or after it.
        r = admin(base + QStringList{QStringLiteral("--role"), QStringLiteral("admin"),
                                     QStringLiteral("users"), QStringLiteral("add"),
                                     QStringLiteral("root2"),
                                     QStringLiteral("--generate-password")});
        QCOMPARE(r.exitCode, 0);
        r = admin(base + QStringList{QStringLiteral("--json"), QStringLiteral("users"),
                                     QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\"role\":\"admin\""), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
