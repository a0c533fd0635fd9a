#include "SandboxPayloads.h"
#include "SandboxPdf.h"
#include "SandboxProcess.h"
#include "TestImages.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// Photos, ID and documents through clinicdesk-sandbox over HTTPS: createNoPayPhotos waits for
// receivePhotos, the provider's exact reply shapes and texts, every refusal (size, type by mime
// and by bytes, base64, unknown visit, closed visit; all or nothing), receivePdf, a photo in
// the chat, clinic-verified ID, and GET /_sandbox/visits/{masterId}/images handing back exactly
// what arrived.
class TestSandboxMedia : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    int m_phone = 0;

    QString phone() { return QStringLiteral("51255521%1").arg(++m_phone, 2, 10, QLatin1Char('0')); }

    static QJsonObject image(const QString &mime, const QByteArray &bytes)
    {
        return {{"mime", mime}, {"data", QString::fromLatin1(bytes.toBase64())}};
    }
    static QJsonObject info(int status, const QString &text)
    {
        return {{"status", status}, {"info", text}};
    }

    // A new visit; its provider visitId.
    QString create(const QString &masterId, bool photos, QJsonObject body = {})
    {
        if (body.isEmpty())
            body = sandboxtest::createBody(masterId, phone());
        const auto r = m_sandbox->request(
            "POST", photos ? "/visit/createNoPayPhotos" : "/visit/createNoPay", body);
        return r.body.value("data").toObject().value("visitId").toString();
    }
    SandboxProcess::Reply photos(const QString &visitId, const QJsonArray &images)
    {
        return m_sandbox->request("POST", "/external/receivePhotos",
                                  {{"visitId", visitId}, {"images", images}});
    }
    QJsonArray received(const QString &masterId)
    {
        return m_sandbox->request("GET", "/_sandbox/visits/" + masterId + "/images")
            .body.value("data")
            .toArray();
    }
    QJsonObject visitState(const QString &masterId)
    {
        for (const QJsonValue &v : m_sandbox->state().value("visits").toArray()) {
            if (v.toObject().value("masterId").toString() == masterId)
                return v.toObject();
        }
        return {};
    }
    QString visitStatus(const QString &masterId)
    {
        return m_sandbox->request("GET", "/visit/externalFetch/" + masterId)
            .body.value("data")
            .toObject()
            .value("visitStatus")
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void photoVisitWaitsForItsPhotos()
    {
        const QString visitId = create("p-wait", true);
        QVERIFY(!visitId.isEmpty());
        QCOMPARE(visitStatus("p-wait"), QStringLiteral("holding"));
        QCOMPARE(visitState("p-wait").value("idStatus").toString(), QStringLiteral("awaiting"));
        QVERIFY(received("p-wait").isEmpty());

        const QJsonArray sent{image("image/jpeg", sandboxtest::jpeg(120, 80)),
                              image("image/jpeg", sandboxtest::jpeg(40, 90))};
        const auto r = photos(visitId, sent);
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body, info(200, "Successfully received images"));
        QCOMPARE(visitStatus("p-wait"), QStringLiteral("active"));
        QCOMPARE(visitState("p-wait").value("idStatus").toString(), QStringLiteral("review"));

        // Exactly as received: the same mime and the same base64 text, in order.
        const QJsonArray back = received("p-wait");
        QCOMPARE(back.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(back.at(i).toObject().value("mime"), sent.at(i).toObject().value("mime"));
            QCOMPARE(back.at(i).toObject().value("data"), sent.at(i).toObject().value("data"));
            QCOMPARE(back.at(i).toObject().value("kind").toString(), QStringLiteral("photo"));
            QVERIFY(!back.at(i).toObject().value("receivedAt").toString().isEmpty());
        }
        // More photos later are kept too; the visit stays where it is.
        QCOMPARE(photos(visitId, {image("image/jpeg", sandboxtest::jpeg(10, 10))}).body,
                 info(200, "Successfully received images"));
        QCOMPARE(received("p-wait").size(), 3);
        QCOMPARE(visitStatus("p-wait"), QStringLiteral("active"));
    }

    void photoRefusals_data()
    {
        QTest::addColumn<QString>("visitId");
        QTest::addColumn<QJsonValue>("images");
        QTest::addColumn<QString>("text");
        const QString refused = QStringLiteral("Error accepting images");
        const QJsonObject good = image("image/jpeg", sandboxtest::jpeg(30, 30));
        const QString known = create("p-refused", true);
        QTest::newRow("unknown visit")
            << "v_nope" << QJsonValue(QJsonArray{good}) << "Visit does not exist";
        QTest::newRow("no visit id")
            << "" << QJsonValue(QJsonArray{good}) << "Visit does not exist";
        QTest::newRow("no images") << known << QJsonValue(QJsonArray{}) << refused;
        QTest::newRow("images not a list") << known << QJsonValue(good) << refused;
        QJsonArray eleven;
        for (int i = 0; i < 11; ++i)
            eleven.append(good);
        QTest::newRow("eleven images") << known << QJsonValue(eleven) << refused;
        QTest::newRow("png mime") << known
                                  << QJsonValue(
                                         QJsonArray{image("image/png", sandboxtest::jpeg(30, 30))})
                                  << refused;
        QTest::newRow("jpeg mime, not a jpeg")
            << known << QJsonValue(QJsonArray{image("image/jpeg", "GIF89a not a jpeg at all")})
            << refused;
        QTest::newRow("data: prefix")
            << known
            << QJsonValue(QJsonArray{QJsonObject{
                   {"mime", "image/jpeg"},
                   {"data", "data:image/jpeg;base64," + good.value("data").toString()}}})
            << refused;
        QTest::newRow("over 3 MiB")
            << known
            << QJsonValue(
                   QJsonArray{image("image/jpeg", sandboxtest::padded(sandboxtest::jpeg(30, 30),
                                                                      3 * 1024 * 1024 + 1))})
            << refused;
        QTest::newRow("one good, one bad: none kept")
            << known << QJsonValue(QJsonArray{good, image("image/jpeg", "nope")}) << refused;
    }
    void photoRefusals()
    {
        QFETCH(QString, visitId);
        QFETCH(QJsonValue, images);
        QFETCH(QString, text);
        const auto r = m_sandbox->request("POST", "/external/receivePhotos",
                                          {{"visitId", visitId}, {"images", images}});
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body, info(400, text));
        QVERIFY(received("p-refused").isEmpty());
        QCOMPARE(visitStatus("p-refused"), QStringLiteral("holding"));
    }

    // The largest photo the provider takes (3 MiB decoded, 4 MiB of base64) goes through.
    void photoAtTheSizeLimit()
    {
        const QString visitId = create("p-limit", true);
        const QByteArray big = sandboxtest::padded(sandboxtest::jpeg(200, 200), 3 * 1024 * 1024);
        QCOMPARE(photos(visitId, {image("image/jpeg", big)}).body,
                 info(200, "Successfully received images"));
        QCOMPARE(QByteArray::fromBase64(
                     received("p-limit").at(0).toObject().value("data").toString().toLatin1()),
                 big);
    }

    void closedVisitTakesNoPhotos()
    {
        const QString visitId = create("p-closed", false);
        QVERIFY(m_sandbox->control("/_sandbox/visits/p-closed/resolve"));
        QCOMPARE(photos(visitId, {image("image/jpeg", sandboxtest::jpeg(30, 30))}).body,
                 info(400, "Error accepting images"));
    }

    void pdf()
    {
        const QString visitId = create("p-pdf", false);
        const QByteArray doc = clinicdesk::SandboxPdf::document("Outside records", {"page"});
        auto send = [&](const QString &id, const QJsonValue &item) {
            return m_sandbox->request("POST", "/external/receivePdf",
                                      {{"visitId", id}, {"image", item}});
        };
        auto r = send(visitId, image("application/pdf", doc));
        QCOMPARE(r.http, 200);
        QCOMPARE(r.body, info(200, "Successfully received image"));
        QCOMPARE(send("v_nope", image("application/pdf", doc)).body,
                 info(400, "Visit does not exist"));
        QCOMPARE(send(visitId, image("image/jpeg", doc)).body, info(400, "Error accepting image"));
        QCOMPARE(send(visitId, image("application/pdf", sandboxtest::jpeg(20, 20))).body,
                 info(400, "Error accepting image"));
        QCOMPARE(send(visitId, image("application/pdf", doc.left(doc.size() / 2))).body,
                 info(400, "Error accepting image"));
        QCOMPARE(send(visitId, QJsonValue()).body, info(400, "Error accepting image"));
        const QJsonArray back = received("p-pdf");
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0).toObject().value("kind").toString(), QStringLiteral("pdf"));
        QCOMPARE(back.at(0).toObject().value("data").toString(),
                 QString::fromLatin1(doc.toBase64()));
    }

    void photoInTheChat()
    {
        create("p-chat", false);
        const QString jpeg = QString::fromLatin1(sandboxtest::jpeg(50, 50).toBase64());
        QJsonObject chat{{"firstName", "Front"},
                         {"lastName", "Desk"},
                         {"content", jpeg},
                         {"isMedia", true},
                         {"masterId", "p-chat"}};
        auto r = m_sandbox->request("POST", "/external/receiveChat", chat);
        QCOMPARE(r.body.value("status").toInt(), 200);
        const QJsonArray back = received("p-chat");
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0).toObject().value("kind").toString(), QStringLiteral("chat"));
        QCOMPARE(back.at(0).toObject().value("data").toString(), jpeg);
        QCOMPARE(visitState("p-chat").value("staffMessages").toInt(), 1);

        chat.insert("content", "a photo, I promise");
        r = m_sandbox->request("POST", "/external/receiveChat", chat);
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Payload contains bad fields: content"));
        chat.insert("isMedia", "yes");
        r = m_sandbox->request("POST", "/external/receiveChat", chat);
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Payload contains bad fields: isMedia"));
        QCOMPARE(received("p-chat").size(), 1);
    }

    void clinicVerifiedId()
    {
        QJsonObject body = sandboxtest::createBody("p-verified", phone());
        body.insert("patientVerified", true);
        body.insert("verificationId", "DL-TX-12345678");
        QVERIFY(!create("p-verified", false, body).isEmpty());
        QCOMPARE(visitState("p-verified").value("idStatus").toString(), QStringLiteral("approved"));
        QCOMPARE(visitStatus("p-verified"), QStringLiteral("active"));

        auto refused = [&](QJsonObject b, bool photos) {
            return m_sandbox
                ->request("POST", photos ? "/visit/createNoPayPhotos" : "/visit/createNoPay", b)
                .body.value("error")
                .toString();
        };
        const QString bad = QStringLiteral("Payload contains bad fields: ");
        QJsonObject noId = sandboxtest::createBody("p-v2", phone());
        noId.insert("patientVerified", true);
        QCOMPARE(refused(noId, false), bad + "verificationId");
        QJsonObject falseFlag = body;
        falseFlag.insert("masterId", "p-v3");
        falseFlag.insert("patientVerified", false);
        QCOMPARE(refused(falseFlag, false), bad + "patientVerified");
        QJsonObject idOnly = sandboxtest::createBody("p-v4", phone());
        idOnly.insert("verificationId", "DL-1");
        QCOMPARE(refused(idOnly, false), bad + "verificationId");
        QJsonObject onPhotos = body;
        onPhotos.insert("masterId", "p-v5");
        QCOMPARE(refused(onPhotos, true), bad + "patientVerified");
    }

    void pharmacyMustExist()
    {
        QJsonObject body = sandboxtest::createBody("p-pharmacy", phone());
        body.insert("pharmacyId", "ph_9999");
        const auto r = m_sandbox->request("POST", "/visit/createNoPay", body);
        QCOMPARE(r.body.value("error").toString(),
                 QStringLiteral("Payload contains bad fields: pharmacyId"));
        body.insert("pharmacyId", "ph_450");
        QVERIFY(!create("p-pharmacy", false, body).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxMedia)
#include "tst_sandboxmedia.moc"
