#include "base/WebhookId.h"
#include "domain/VisitEvent.h"
#include "webhooks/WebhookVerifier.h"

#include <QJsonObject>
#include <QTest>

using namespace clinicdesk;

// Standard Webhooks verification over raw bytes (DESIGN's reference vector), rotation, several
// signatures, the ±5 minute tolerance, malformed headers, and the static shared-secret mode.
class TestWebhookVerifier : public QObject
{
    Q_OBJECT

    static constexpr qint64 kTs = 1614265330;
    static WebhookVerifier::Request reference()
    {
        return {"msg_p5jXN8AQM9LWM0D4loKWxJek",
                "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                {},
                "{\"test\": 2432232314}"};
    }
    static WebhookVerifier referenceVerifier()
    {
        return WebhookVerifier::fromSecretFile("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n").value();
    }

private Q_SLOTS:
    void referenceVectorPasses()
    {
        const WebhookVerifier verifier = referenceVerifier();
        QCOMPARE(verifier.verify(reference(), kTs), WebhookVerifier::Verdict::Accepted);
        const QByteArray key =
            WebhookVerifier::decodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").value();
        QCOMPARE(WebhookVerifier::sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                                       "{\"test\": 2432232314}"),
                 QByteArray("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    // One webhook-id rule for the inbox's verifier and the relay's event parser (issue 13,
    // point 5): 1-200 printable ASCII bytes, no spaces. The inbox took 256 bytes of anything and
    // the relay quarantined what it did not take; now each id is taken by both or by neither.
    void webhookIdRuleIsTheSameInInboxAndRelay_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("msg") << QByteArray("msg_p5jXN8AQM9LWM0D4loKWxJek") << true;
        QTest::newRow("one byte") << QByteArray("a") << true;
        QTest::newRow("200 bytes") << QByteArray(200, 'a') << true;
        QTest::newRow("content id") << QByteArray("sha256:0123abcdef") << true;
        QTest::newRow("201 bytes") << QByteArray(201, 'a') << false;
        QTest::newRow("256 bytes") << QByteArray(256, 'a') << false;
        QTest::newRow("space") << QByteArray("msg 1") << false;
        QTest::newRow("tab") << QByteArray("msg\t1") << false;
        QTest::newRow("non-ASCII") << QByteArray("msg_\xc3\xa9") << false;
        QTest::newRow("DEL") << QByteArray("msg_\x7f") << false;
    }

    void webhookIdRuleIsTheSameInInboxAndRelay()
    {
        QFETCH(QByteArray, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidWebhookId(id), valid);

        const WebhookVerifier verifier = referenceVerifier();
        const QByteArray key =
            WebhookVerifier::decodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").value();
        const QByteArray body = "{\"masterId\":\"M1\",\"event\":\"CS_MESSAGE\",\"content\":\"x\"}";
        const WebhookVerifier::Request request{
            id, "1614265330", "v1," + WebhookVerifier::sign(key, id, "1614265330", body), {}, body};
        QCOMPARE(verifier.verify(request, kTs) == WebhookVerifier::Verdict::Accepted, valid);

        const QJsonObject event{
            {QStringLiteral("cursor"), 1},
            {QStringLiteral("id"), QString::fromUtf8(id)},
            {QStringLiteral("provider"), QStringLiteral("beluga")},
            {QStringLiteral("receivedAt"), QStringLiteral("2026-12-06T20:00:00Z")},
            {QStringLiteral("payload"), VisitEvent::parseBody(body).value()}};
        const auto parsed = VisitEvent::fromInboxEvent(event);
        QVERIFY2(bool(parsed) == valid, parsed ? "taken" : qPrintable(parsed.error().message));
    }

    void rawBytesMatter()
    {
        auto request = reference();
        request.body = "{\"test\":2432232314}"; // same JSON, other bytes
        QCOMPARE(referenceVerifier().verify(request, kTs), WebhookVerifier::Verdict::BadSignature);
        request = reference();
        request.id = "msg_other";
        QCOMPARE(referenceVerifier().verify(request, kTs), WebhookVerifier::Verdict::BadSignature);
    }

    void anyOfSeveralSignatures()
    {
        auto request = reference();
        request.signature =
            "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,xyz " + request.signature;
        QCOMPARE(referenceVerifier().verify(request, kTs), WebhookVerifier::Verdict::Accepted);
        request.signature = "v1,AAAA v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        QCOMPARE(referenceVerifier().verify(request, kTs), WebhookVerifier::Verdict::BadSignature);
    }

    void rotationAcceptsEverySecretInTheFile()
    {
        const QByteArray file = "# old and new\nwhsec_" + QByteArray(32, 'n').toBase64() +
                                "\n\nwhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n";
        auto verifier = WebhookVerifier::fromSecretFile(file);
        QVERIFY(verifier);
        QCOMPARE(verifier->keyCount(), 2);
        QCOMPARE(verifier->verify(reference(), kTs), WebhookVerifier::Verdict::Accepted);
        auto request = reference();
        request.signature = "v1," + WebhookVerifier::sign(QByteArray(32, 'n'), request.id,
                                                          request.timestamp, request.body);
        QCOMPARE(verifier->verify(request, kTs), WebhookVerifier::Verdict::Accepted);
    }

    void toleranceFiveMinutesEitherWay()
    {
        const auto verifier = referenceVerifier();
        QCOMPARE(verifier.verify(reference(), kTs + 300), WebhookVerifier::Verdict::Accepted);
        QCOMPARE(verifier.verify(reference(), kTs - 300), WebhookVerifier::Verdict::Accepted);
        QCOMPARE(verifier.verify(reference(), kTs + 301), WebhookVerifier::Verdict::StaleTimestamp);
        QCOMPARE(verifier.verify(reference(), kTs - 301), WebhookVerifier::Verdict::StaleTimestamp);
    }

    void malformedHeaders()
    {
        const auto verifier = referenceVerifier();
        for (auto mutate : std::initializer_list<void (*)(WebhookVerifier::Request &)>{
                 [](WebhookVerifier::Request &r) { r.id.clear(); },
                 [](WebhookVerifier::Request &r) { r.timestamp.clear(); },
                 [](WebhookVerifier::Request &r) { r.timestamp = "16142653x0"; },
                 [](WebhookVerifier::Request &r) { r.timestamp = "-1614265330"; },
                 [](WebhookVerifier::Request &r) { r.signature.clear(); },
                 [](WebhookVerifier::Request &r) { r.id = QByteArray(1000, 'a'); },
             }) {
            auto request = reference();
            mutate(request);
            QCOMPARE(verifier.verify(request, kTs), WebhookVerifier::Verdict::Malformed);
        }
    }

    void badSecretFilesAreRefusedWithoutEchoingThem()
    {
        for (const QByteArray &file :
             {QByteArray(), QByteArray("# only a comment\n"), QByteArray("whsec_!!!notbase64\n"),
              QByteArray("sk_live_something\n"), QByteArray("whsec_c2hvcnQ=\n"),
              QByteArray("static X-Token short\n")}) {
            auto verifier = WebhookVerifier::fromSecretFile(file);
            QVERIFY(!verifier);
            QVERIFY(!verifier.error().message.contains(QStringLiteral("notbase64")));
            QVERIFY(!verifier.error().message.contains(QStringLiteral("sk_live")));
        }
    }

    void staticHeaderMode()
    {
        auto verifier =
            WebhookVerifier::fromSecretFile("static X-Provider-Token 0123456789abcdef-one\n"
                                            "static X-Provider-Token 0123456789abcdef-two\n");
        QVERIFY(verifier);
        QVERIFY(verifier->isStaticMode());
        QCOMPARE(verifier->staticHeader(), QByteArray("x-provider-token"));
        WebhookVerifier::Request request;
        request.body = "{}";
        request.staticSecret = "0123456789abcdef-two";
        QCOMPARE(verifier->verify(request, 0), WebhookVerifier::Verdict::Accepted);
        request.staticSecret = "0123456789abcdef-thr";
        QCOMPARE(verifier->verify(request, 0), WebhookVerifier::Verdict::BadSignature);
        request.staticSecret.clear();
        QCOMPARE(verifier->verify(request, 0), WebhookVerifier::Verdict::BadSignature);
        // One mode per provider.
        QVERIFY(!WebhookVerifier::fromSecretFile("static X-A 0123456789abcdef-one\n"
                                                 "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"));
    }
};

QTEST_GUILESS_MAIN(TestWebhookVerifier)
#include "tst_webhookverifier.moc"
