#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderCredentials.h"
#include "service/TlsIdentity.h"

#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace clinicdesk;
using Outcome = ProviderResult::Outcome;

// ProviderClient against the real clinicdesk-sandbox over HTTPS on loopback (its generated
// certificate as the only extra CA): the happy path and every normalised failure.
class TestProviderClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    int m_phone = 10;

    // Runs one client call to completion (the client's own deadline bounds it).
    static void run(const std::function<void(ProviderClient::Callback)> &call,
                    std::optional<ProviderResult> &out)
    {
        out.reset();
        call([&out](const ProviderResult &r) { out = r; });
        QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 30000);
    }

    void create(ProviderClient &client, const QJsonObject &body, std::optional<ProviderResult> &out)
    {
        run([&](auto done) { client.createVisit(body, done); }, out);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void configIsChecked()
    {
        ProviderClient::Config c = m_sandbox->clientConfig();
        QVERIFY(ProviderClient::validate(c));
        c.baseUrl = QUrl("http://provider.example.com");
        QVERIFY(!ProviderClient::validate(c));
        c.baseUrl = QUrl("http://127.0.0.1:9");
        QVERIFY(ProviderClient::validate(c));
        c.apiKey.clear();
        QVERIFY(!ProviderClient::validate(c));
    }

    void happyPath()
    {
        ProviderClient client(m_sandbox->clientConfig());
        std::optional<ProviderResult> r;
        create(client, sandboxtest::createBody("c-happy", "5125550200"), r);
        QVERIFY2(r->ok(), qPrintable(r->message));
        QVERIFY(!BelugaAdapter::providerVisitId(r->data).isEmpty());
        run([&](auto done) { client.fetchVisit("c-happy", done); }, r);
        QVERIFY(r->ok());
        const ProviderVisitStatus s = BelugaAdapter::visitStatus(r->data);
        QCOMPARE(int(s.stage), int(ProviderVisitStatus::Stage::Active));
        QVERIFY(!s.closed);
        QVERIFY(s.updatedAt.isValid());
        run([&](auto done) { client.fetchPatient("(512) 555-0200", done); }, r);
        QVERIFY(r->ok());
        run(
            [&](auto done) {
                client.sendStaffChat(BelugaAdapter::staffChatBody("Front", "Desk", "Hi", "c-happy"),
                                     done);
            },
            r);
        QVERIFY(r->ok());
        run(
            [&](auto done) {
                client.sendSupportMessage(BelugaAdapter::supportMessageBody("Hello", "c-happy"),
                                          done);
            },
            r);
        QVERIFY(r->ok());
        run(
            [&](auto done) {
                client.searchPharmacies(
                    BelugaAdapter::pharmacySearchBody({}, "Austin", "tx", "78701"), done);
            },
            r);
        QVERIFY(r->ok());
        QVERIFY(!r->data.toArray().isEmpty());
        for (const QJsonValue &p : r->data.toArray())
            QCOMPARE(p.toObject().value("city").toString(), QStringLiteral("Austin"));
    }

    void providerRefusals()
    {
        ProviderClient client(m_sandbox->clientConfig());
        std::optional<ProviderResult> r;
        QJsonObject body = sandboxtest::createBody("c-state", "5125550201");
        QJsonObject form = body.value("formObj").toObject();
        form.insert("state", "QQ");
        body.insert("formObj", form);
        create(client, body, r);
        QCOMPARE(int(r->outcome), int(Outcome::Refused));
        QCOMPARE(r->httpStatus, 200);
        QCOMPARE(r->providerStatus, 400);
        QCOMPARE(r->message, QStringLiteral("State not valid"));
        QVERIFY(!r->retryable());

        form.insert("state", "TX");
        form.insert("dob", "1985-04-23");
        body.insert("formObj", form);
        create(client, body, r);
        QCOMPARE(int(r->outcome), int(Outcome::Refused));
        QCOMPARE(r->message, QStringLiteral("Payload contains bad fields: dob"));

        create(client, sandboxtest::createBody("c-first", "5125550202"), r);
        QVERIFY(r->ok());
        create(client, sandboxtest::createBody("c-second", "5125550202"), r);
        QCOMPARE(int(r->outcome), int(Outcome::Refused));
        QCOMPARE(r->message, QStringLiteral("Patient not eligible for new visit"));

        run([&](auto done) { client.fetchVisit("c-unknown", done); }, r);
        QCOMPARE(int(r->outcome), int(Outcome::NotFound));
        QCOMPARE(r->message, QStringLiteral("Visit not found"));
    }

    void wrongKeyIsUnauthorized()
    {
        ProviderClient::Config c = m_sandbox->clientConfig();
        c.apiKey = "sk_wrong";
        ProviderClient client(c);
        std::optional<ProviderResult> r;
        run([&](auto done) { client.fetchVisit("c-happy", done); }, r);
        QCOMPARE(int(r->outcome), int(Outcome::Unauthorized));
        QCOMPARE(r->httpStatus, 400); // a read: HTTP 400 with no body
        run([&](auto done) { client.createVisit(sandboxtest::createBody("c-key"), done); }, r);
        QCOMPARE(int(r->outcome), int(Outcome::Unauthorized));
        QCOMPARE(r->httpStatus, 401);
    }

    void untrustedCertificateFails()
    {
        ProviderClient::Config c = m_sandbox->clientConfig();
        c.extraCaCertificates.clear();
        ProviderClient client(c);
        std::optional<ProviderResult> r;
        run([&](auto done) { client.fetchVisit("c-happy", done); }, r);
        QCOMPARE(int(r->outcome), int(Outcome::TlsFailed));
        QCOMPARE(r->httpStatus, 0);
    }

    void transientFailures_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("http");
        QTest::newRow("5xx") << "5xx" << 503;
        QTest::newRow("5xx after processing") << "5xx-after" << 500;
        QTest::newRow("200 with error") << "200-error" << 200;
        QTest::newRow("429") << "429" << 429;
        QTest::newRow("dropped response") << "drop" << 0;
        QTest::newRow("reset") << "reset" << 0;
        QTest::newRow("timeout") << "delay" << 0;
    }
    void transientFailures()
    {
        QFETCH(QString, fault);
        QFETCH(int, http);
        // Qt resends a request once or twice by itself when a fresh connection closes before
        // any reply: resets are queued for every try.
        QJsonArray next{fault};
        if (fault == QLatin1String("reset"))
            next = {fault, fault, fault, fault, fault};
        QVERIFY(
            m_sandbox->setFaults({{"next", next}, {"delayMs", 3000}, {"retryAfterSeconds", 3}}));
        ProviderClient client(
            m_sandbox->clientConfig(fault == QLatin1String("delay") ? 500 : 10000));
        std::optional<ProviderResult> r;
        const QString masterId = QStringLiteral("c-fault-") + fault;
        const QString phone = QStringLiteral("51255503%1").arg(++m_phone);
        create(client, sandboxtest::createBody(masterId, phone), r);
        QCOMPARE(ProviderResult::outcomeName(r->outcome), QStringLiteral("transient"));
        QVERIFY(r->retryable());
        QCOMPARE(r->httpStatus, http);
        QVERIFY(!r->message.isEmpty());
        if (fault == QLatin1String("429"))
            QCOMPARE(r->retryAfterSeconds, 3);
        if (fault == QLatin1String("delay"))
            QVERIFY(r->timedOut);
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}}));
        // The retry with the same masterId lands, and there is exactly one visit.
        ProviderClient again(m_sandbox->clientConfig());
        std::optional<ProviderResult> retried;
        create(again, sandboxtest::createBody(masterId, phone), retried);
        QVERIFY2(retried->ok(), qPrintable(retried->message));
        int visits = 0;
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray())
            visits += v.toObject().value("masterId").toString() == masterId;
        QCOMPARE(visits, 1);
    }

    void connectionRefusedIsTransient()
    {
        ProviderClient::Config c = m_sandbox->clientConfig(2000);
        c.baseUrl = QUrl("http://127.0.0.1:1");
        ProviderClient client(c);
        std::optional<ProviderResult> r;
        run([&](auto done) { client.fetchVisit("x", done); }, r);
        QCOMPARE(int(r->outcome), int(Outcome::Transient));
        QCOMPARE(r->httpStatus, 0);
    }

    // The key comes from the OS keychain (a private gnome-keyring under scripts/with-keyring).
    void apiKeyFromTheKeychain()
    {
        ProviderCredentials credentials(QStringLiteral("tst_providerclient"));
        QVERIFY2(credentials.saveApiKey(m_sandbox->apiKey()), "keychain write failed");
        auto key = credentials.apiKey();
        QVERIFY2(key, key ? "" : qPrintable(key.error().message));
        // The console's way: URL and CA file from settings, the key from the keychain.
        QSettings settings(m_dir.filePath("console.ini"), QSettings::IniFormat);
        settings.setValue("provider/url", m_sandbox->url().toString());
        settings.setValue("provider/caFile",
                          TlsIdentity::generatedCertificatePath(m_sandbox->dataDir()));
        settings.setValue("provider/timeoutMs", 5000);
        auto c = ProviderClient::loadConfig(settings, credentials);
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
        QCOMPARE(c->apiKey, m_sandbox->apiKey());
        QCOMPARE(c->timeoutMs, 5000);
        ProviderClient client(c.value());
        std::optional<ProviderResult> r;
        run([&](auto done) { client.fetchVisit("c-happy", done); }, r);
        QVERIFY(r->ok());
        QVERIFY(credentials.remove());
        QCOMPARE(int(credentials.apiKey().error().code), int(ErrorCode::KeyNotFound));
        QCOMPARE(int(ProviderClient::loadConfig(settings, credentials).error().code),
                 int(ErrorCode::KeyNotFound));
    }
};

QTEST_GUILESS_MAIN(TestProviderClient)
#include "tst_providerclient.moc"
