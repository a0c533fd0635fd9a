#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

// The SMS gateway stand-in of clinicdesk-sandbox, shaped like Twilio's Messages API, over HTTPS:
// Basic auth with the account SID and the token from --sms-token-file (every way to get it
// wrong is a 401 with Twilio's code 20003), Twilio's 400s for a bad To, From or Body, the 201
// message resource, its own fault queue, and GET /_sandbox/sms listing what it accepted.
class TestSandboxSms : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    const QByteArray m_account = "AC0123456789abcdef0123456789abcdef";
    const QByteArray m_token = "sandbox-sms-token-42";

    QString path(const QByteArray &account) const
    {
        return "/2010-04-01/Accounts/" + QString::fromLatin1(account) + "/Messages.json";
    }
    static QByteArray form(const QString &to, const QString &from, const QString &body)
    {
        QUrlQuery q;
        if (!to.isNull())
            q.addQueryItem("To", QString::fromLatin1(QUrl::toPercentEncoding(to)));
        if (!from.isNull())
            q.addQueryItem("From", QString::fromLatin1(QUrl::toPercentEncoding(from)));
        if (!body.isNull())
            q.addQueryItem("Body", QString::fromLatin1(QUrl::toPercentEncoding(body)));
        return q.query(QUrl::FullyEncoded).toLatin1();
    }
    SandboxProcess::Reply send(const QByteArray &form, const QByteArray &user,
                               const QByteArray &token)
    {
        return m_sandbox->postForm(path(user.isNull() ? m_account : user), form, user, token);
    }
    QJsonArray received() const
    {
        return m_sandbox->request("GET", "/_sandbox/sms").body.value("data").toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        const QString tokenFile =
            sandboxtest::writeSecretFile(m_dir.path(), "sms.token", m_account + ':' + m_token);
        QVERIFY2(m_sandbox->start({"--sms-token-file", tokenFile}),
                 qPrintable(m_sandbox->failure()));
    }

    void accepted()
    {
        const QString body = QStringLiteral("Hi Ana, your clinic has news. Call 512-555-0100 + ñ");
        const auto r = send(form("+15125550123", "+15125550100", body), m_account, m_token);
        QCOMPARE(r.http, 201);
        QVERIFY(r.body.value("sid").toString().startsWith("SM"));
        QCOMPARE(r.body.value("sid").toString().size(), 34);
        QCOMPARE(r.body.value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(r.body.value("to").toString(), QStringLiteral("+15125550123"));
        QCOMPARE(r.body.value("from").toString(), QStringLiteral("+15125550100"));
        QCOMPARE(r.body.value("body").toString(), body);
        QCOMPARE(r.body.value("account_sid").toString(), QString::fromLatin1(m_account));
        QCOMPARE(r.body.value("direction").toString(), QStringLiteral("outbound-api"));
        QVERIFY(r.body.value("error_code").isNull());
        QVERIFY(r.body.value("date_created").toString().endsWith("+0000"));
        QCOMPARE(r.body.value("uri").toString(), "/2010-04-01/Accounts/" +
                                                     QString::fromLatin1(m_account) + "/Messages/" +
                                                     r.body.value("sid").toString() + ".json");
        const QJsonArray list = received();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject(), r.body);
    }

    void authFailures_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("no credentials") << QByteArray() << QByteArray();
        QTest::newRow("wrong token") << m_account << QByteArray("not-the-token");
        QTest::newRow("token of another length") << m_account << QByteArray("x");
        QTest::newRow("another account")
            << QByteArray("AC99999999999999999999999999999999") << m_token;
        QTest::newRow("empty token") << m_account << QByteArray("");
    }
    void authFailures()
    {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, token);
        const int before = int(received().size());
        const auto r = send(form("+15125550123", "+15125550100", "Hello"), user, token);
        QCOMPARE(r.http, 401);
        QCOMPARE(r.body.value("code").toInt(), 20003);
        QCOMPARE(r.body.value("status").toInt(), 401);
        QCOMPARE(r.body.value("more_info").toString(),
                 QStringLiteral("https://www.twilio.com/docs/errors/20003"));
        QCOMPARE(received().size(), before);
    }

    // The Basic user must be the account in the path.
    void pathAndUserMustAgree()
    {
        const auto r =
            m_sandbox->postForm(path("AC99999999999999999999999999999999"),
                                form("+15125550123", "+15125550100", "Hello"), m_account, m_token);
        QCOMPARE(r.http, 401);
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<int>("code");
        QTest::newRow("no To") << form({}, "+15125550100", "Hi") << 21604;
        QTest::newRow("To not E.164") << form("512-555-0123", "+15125550100", "Hi") << 21211;
        QTest::newRow("To letters") << form("+1512CALLNOW", "+15125550100", "Hi") << 21211;
        QTest::newRow("no From") << form("+15125550123", {}, "Hi") << 21603;
        QTest::newRow("From not E.164") << form("+15125550123", "clinic", "Hi") << 21212;
        QTest::newRow("no Body") << form("+15125550123", "+15125550100", {}) << 21602;
        QTest::newRow("blank Body") << form("+15125550123", "+15125550100", "   ") << 21602;
        QTest::newRow("Body over 1600")
            << form("+15125550123", "+15125550100", QString(1601, u'x')) << 21617;
    }
    void badRequests()
    {
        QFETCH(QByteArray, form);
        QFETCH(int, code);
        const int before = int(received().size());
        const auto r = send(form, m_account, m_token);
        QCOMPARE(r.http, 400);
        QCOMPARE(r.body.value("code").toInt(), code);
        QCOMPARE(r.body.value("status").toInt(), 400);
        QVERIFY(!r.body.value("message").toString().isEmpty());
        QCOMPARE(received().size(), before);
    }

    void longBodyIsSegmented()
    {
        const auto r =
            send(form("+15125550123", "+15125550100", QString(1600, u'y')), m_account, m_token);
        QCOMPARE(r.http, 201);
        QCOMPARE(r.body.value("num_segments").toString(), QStringLiteral("11"));
    }

    void otherPathsAndMethods()
    {
        auto r = m_sandbox->postForm(
            "/2010-04-01/Accounts/" + QString::fromLatin1(m_account) + "/Calls.json",
            form("+15125550123", "+15125550100", "Hi"), m_account, m_token);
        QCOMPARE(r.http, 404);
        QCOMPARE(r.body.value("code").toInt(), 20404);
        // Without Basic credentials even a GET is refused before anything else.
        const auto get = m_sandbox->request("GET", path(m_account), {}, QByteArray(""));
        QCOMPARE(get.http, 401);
    }

    // Its own fault queue: a test of the SMS sender never eats the provider API's faults.
    void faults()
    {
        QVERIFY(m_sandbox->setFaults({{"smsNext", QJsonArray{"5xx", "429"}}}));
        QCOMPARE(m_sandbox->request("GET", "/visit/externalFetch/x").http, 200);
        QCOMPARE(send(form("+15125550123", "+15125550100", "a"), m_account, m_token).http, 503);
        QCOMPARE(send(form("+15125550123", "+15125550100", "b"), m_account, m_token).http, 429);
        QCOMPARE(send(form("+15125550123", "+15125550100", "c"), m_account, m_token).http, 201);
        QVERIFY(!m_sandbox->setFaults({{"smsNext", QJsonArray{"gremlins"}}}));
    }

    void withoutATokenEverythingIsRefused()
    {
        SandboxProcess plain(m_dir.filePath("no-sms"));
        QVERIFY2(plain.start(), qPrintable(plain.failure()));
        const auto r = plain.postForm(path(m_account), form("+15125550123", "+15125550100", "Hi"),
                                      m_account, m_token);
        QCOMPARE(r.http, 401);
        QCOMPARE(r.body.value("code").toInt(), 20003);
        QVERIFY(plain.stop());
        // A token file that is not 0600 is refused at start.
        const QString loose = sandboxtest::writeSecretFile(m_dir.path(), "loose.token", "t");
        QFile::setPermissions(loose, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(!plain.start({"--sms-token-file", loose}));
    }
};

QTEST_GUILESS_MAIN(TestSandboxSms)
#include "tst_sandboxsms.moc"
