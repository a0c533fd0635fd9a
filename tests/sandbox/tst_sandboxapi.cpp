#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

// clinicdesk-sandbox as a black box over HTTPS on loopback: the provider API's shape, its
// errors, dedupe on masterId, the control routes and its settings. Its webhook delivery is
// tst_sandboxtoinbox's, against the real inbox.
class TestSandboxApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;

    static QJsonObject data(const SandboxProcess::Reply &r)
    {
        return r.body.value("data").toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QCOMPARE(m_sandbox->url().scheme(), QStringLiteral("https"));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void healthzNeedsNoKey()
    {
        const auto r = m_sandbox->request("GET", "/healthz", {}, "");
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body.value("status").toString(), QStringLiteral("ok"));
    }

    void apiNeedsTheKey()
    {
        // The reads answer a bad key the provider's way: HTTP 400 with no body.
        for (const QString &path : {QStringLiteral("/visit/externalFetch/x"),
                                    QStringLiteral("/patient/externalFetch/5125550100")}) {
            const auto none = m_sandbox->request("GET", path, {}, "");
            QCOMPARE(none.http, 400);
            QVERIFY(none.raw.isEmpty());
            const auto wrong = m_sandbox->request("GET", path, {}, "sk_wrong");
            QCOMPARE(wrong.http, 400);
            QVERIFY(wrong.raw.isEmpty());
        }
        const auto write = m_sandbox->request("POST", "/visit/createNoPay", {}, "sk_wrong");
        QCOMPARE(write.http, 401);
        const auto control = m_sandbox->request("GET", "/_sandbox/state", {}, "sk_wrong");
        QCOMPARE(control.http, 401);
        const auto right = m_sandbox->request("GET", "/visit/externalFetch/x");
        QCOMPARE(right.http, 200);
        QCOMPARE(right.raw, QByteArray(R"({"error":"Visit not found","status":400})"));
        const auto patient = m_sandbox->request("GET", "/patient/externalFetch/5125559999");
        QCOMPARE(patient.http, 200);
        QCOMPARE(patient.raw, QByteArray(R"({"error":"Patient not found","status":400})"));
    }

    void createVisitAndDedupe()
    {
        const auto first =
            m_sandbox->request("POST", "/visit/createNoPay", sandboxtest::createBody("m-happy"));
        QCOMPARE(first.http, 200);
        QCOMPARE(first.body.value("status").toInt(), 200);
        QCOMPARE(data(first).value("masterId").toString(), QStringLiteral("m-happy"));
        const QString visitId = data(first).value("visitId").toString();
        QVERIFY(!visitId.isEmpty());
        // A repeat (even with another body) returns the same visit and never makes a second.
        QJsonObject changed = sandboxtest::createBody("m-happy", "5125550199");
        const auto again = m_sandbox->request("POST", "/visit/createNoPay", changed);
        QCOMPARE(data(again).value("visitId").toString(), visitId);
        QCOMPARE(m_sandbox->createRequests("m-happy"), 2);
        int count = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray())
            count += v.toObject().value("masterId").toString() == QLatin1String("m-happy");
        QCOMPARE(count, 1);

        const auto fetched = m_sandbox->request("GET", "/visit/externalFetch/m-happy");
        QCOMPARE(fetched.body.value("status").toInt(), 200);
        QCOMPARE(data(fetched).value("visitStatus").toString(), QStringLiteral("active"));
        QCOMPARE(data(fetched).value("resolvedStatus").toString(), QStringLiteral("open"));
        QVERIFY(data(fetched).value("rxHistory").isArray());
        QVERIFY(!data(fetched).value("updateTimestamp").toString().isEmpty());

        const auto patient = m_sandbox->request("GET", "/patient/externalFetch/5125550100");
        QCOMPARE(patient.body.value("status").toInt(), 200);
        QCOMPARE(data(patient).value("visits").toArray().size(), 1);
    }

    void providerErrorsComeAsHttp200()
    {
        QJsonObject body = sandboxtest::createBody("m-state", "5125550101");
        QJsonObject form = body.value("formObj").toObject();
        form.insert("state", "XX");
        body.insert("formObj", form);
        auto r = m_sandbox->request("POST", "/visit/createNoPay", body);
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body.value("status").toInt(), 400);
        QCOMPARE(r.body.value("error").toString(), QStringLiteral("State not valid"));

        form.insert("state", "TX");
        form.remove("zip");
        body.insert("formObj", form);
        r = m_sandbox->request("POST", "/visit/createNoPay", body);
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Payload contains bad fields: zip"));

        // The patient of m-happy has an open ED visit.
        r = m_sandbox->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("m-second", "5125550100"));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body.value("status").toInt(), 400);
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Patient not eligible for new visit"));
        // A refused request leaves nothing behind.
        QCOMPARE(m_sandbox->createRequests("m-state"), 0);
        QCOMPARE(m_sandbox->createRequests("m-second"), 0);

        r = m_sandbox->request("POST", "/visit/createNoPay", {}, QByteArray(), false);
        QCOMPARE(r.http, 400);
        QCOMPARE(m_sandbox->request("GET", "/visit/createNoPay").http, 405);
        QCOMPARE(m_sandbox->request("GET", "/visit/nothing").http, 404);
    }

    void messagesAndPharmacies()
    {
        auto r = m_sandbox->request("POST", "/external/receiveChat",
                                    {{"firstName", "Front"},
                                     {"lastName", "Desk"},
                                     {"content", "Here is more information."},
                                     {"isMedia", false},
                                     {"masterId", "m-happy"}});
        QCOMPARE(r.body.value("status").toInt(), 200);
        r = m_sandbox->request(
            "POST", "/external/receiveChat",
            {{"firstName", "Front"}, {"lastName", "Desk"}, {"masterId", "m-happy"}});
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Payload contains bad fields: content"));
        r = m_sandbox->request("POST", "/external/receiveCSMessage",
                               {{"content", "Question about billing"}, {"masterId", "m-happy"}});
        QCOMPARE(r.body.value("status").toInt(), 200);
        r = m_sandbox->request("POST", "/external/receiveCSMessage",
                               {{"content", "Hello"}, {"masterId", "m-nope"}});
        QCOMPARE(r.body.value("status").toInt(), 404);
        r = m_sandbox->request(
            "POST", "/external/pharmacies",
            {{"name", "Greenleaf"}, {"city", "Austin"}, {"state", "TX"}, {"zip", "78701"}});
        QCOMPARE(r.body.value("status").toInt(), 200);
        QVERIFY(!r.body.value("data").toArray().isEmpty());
        for (const QJsonValue &p : r.body.value("data").toArray()) {
            QVERIFY(p.toObject().value("name").toString().contains("Greenleaf"));
            QCOMPARE(p.toObject().value("city").toString(), QStringLiteral("Austin"));
        }
        r = m_sandbox->request("POST", "/external/pharmacies", {{"state", "Texas"}});
        QCOMPARE(r.body.value("error").toString(), QStringLiteral("State not valid"));
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray()) {
            if (v.toObject().value("masterId").toString() == QLatin1String("m-happy")) {
                QCOMPARE(v.toObject().value("staffMessages").toInt(), 1);
                QCOMPARE(v.toObject().value("csMessages").toInt(), 1);
            }
        }
    }

    void faultSwitches()
    {
        QVERIFY(m_sandbox->setFaults(
            {{"next", QJsonArray{"5xx", "200-error", "429"}}, {"retryAfterSeconds", 7}}));
        auto r = m_sandbox->request("GET", "/visit/externalFetch/m-happy");
        QCOMPARE(r.http, 503);
        r = m_sandbox->request("GET", "/visit/externalFetch/m-happy");
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body.value("status").toInt(), 500);
        r = m_sandbox->request("GET", "/visit/externalFetch/m-happy");
        QCOMPARE(r.http, 429);
        // A dropped response: the visit is created, the client hears nothing.
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"drop"}}}));
        r = m_sandbox->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("m-dropped", "5125550102"));
        QCOMPARE(r.http, 200); // the status line arrived, the body never did
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_sandbox->createRequests("m-dropped"), 1);
        // A reset before the request is processed creates nothing.
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"reset", "reset", "reset", "reset"}}}));
        r = m_sandbox->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("m-reset", "5125550103"));
        QCOMPARE(r.http, 0);
        QCOMPARE(m_sandbox->createRequests("m-reset"), 0);
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}}));
        QVERIFY(!m_sandbox->setFaults({{"next", QJsonArray{"gremlins"}}}));
        QVERIFY(!m_sandbox->setFaults({{"failRate", 2}}));
    }

    // Names, phones, messages and bodies never reach the sandbox's database or log in clear.
    void stateIsSealedAtRest()
    {
        QByteArray all;
        const auto files = QDir(m_sandbox->dataDir()).entryInfoList(QDir::Files);
        for (const QFileInfo &info : files) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        QVERIFY(all.contains("m-happy")); // ids are not PHI, and prove the files were read
        for (const QByteArray &canary :
             {QByteArray("McTestface"), QByteArray("5125550100"), QByteArray("testy@example.com"),
              QByteArray("Here is more information.")})
            QVERIFY2(!all.contains(canary), canary.constData());
    }

    // sandbox.json in the data dir sets the clinician and faults at startup.
    void startupSettingsFile()
    {
        SandboxProcess configured(m_dir.filePath("configured"));
        QFile settings(configured.dataDir() + "/sandbox.json");
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(R"({"clinician":{"decision":"refer","delayMs":0},)"
                       R"("faults":{"next":["5xx"]}})");
        settings.close();
        QVERIFY2(configured.start(), qPrintable(configured.failure()));
        const QJsonObject state = configured.state();
        QCOMPARE(state.value("clinician").toObject().value("decision").toString(),
                 QStringLiteral("refer"));
        QCOMPARE(configured.request("GET", "/visit/externalFetch/x").http, 503);
        QVERIFY(configured.stop());
        QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        settings.write(R"({"clinician":{"decision":"dance"}})");
        settings.close();
        QVERIFY(!configured.start());
    }

    void controlRoutesAreOffByDefault()
    {
        SandboxProcess plain(m_dir.filePath("no-control"));
        plain.enableControl = false;
        QVERIFY2(plain.start(), qPrintable(plain.failure()));
        QCOMPARE(plain.request("GET", "/_sandbox/state").http, 404);
        QCOMPARE(plain.request("POST", "/_sandbox/faults", {{"failRate", 1}}).http, 404);
        for (const char *path : {"/_sandbox/visits/m-1/images", "/_sandbox/clock", "/_sandbox/sms"})
            QCOMPARE(plain.request("GET", QString::fromLatin1(path)).http, 404);
        for (const char *path : {"/_sandbox/visits/m-1/lab", "/_sandbox/visits/m-1/resolve",
                                 "/_sandbox/visits/m-1/approveId", "/_sandbox/clock"})
            QCOMPARE(plain.request("POST", QString::fromLatin1(path), {{"advanceDays", 1}}).http,
                     404);
        QCOMPARE(plain.request("GET", "/visit/externalFetch/x").http, 200);
        QVERIFY(plain.stop());
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
