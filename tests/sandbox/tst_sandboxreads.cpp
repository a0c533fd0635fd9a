#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "WebhookReceiver.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// The reads, names, pharmacies and lab orders of clinicdesk-sandbox over HTTPS, with its
// webhooks delivered signed to a loopback receiver: externalFetch with rxHistory, labResults and
// intakeResults; the patient lookup by phone; updateName's five texts and its NAME_UPDATE event;
// the pharmacy search's shapes; and a lab order's six events in order with a requisition PDF
// that real readers open (qpdf --check, pdftotext).
class TestSandboxReads : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<SandboxProcess> m_sandbox;

    QJsonObject fetched(const QString &masterId)
    {
        return m_sandbox->request("GET", "/visit/externalFetch/" + masterId).body;
    }
    QJsonObject rename(const QJsonObject &body)
    {
        return m_sandbox->request("POST", "/external/updateName", body).body;
    }
    static QJsonObject info(int status, const QString &text)
    {
        return {{"status", status}, {"info", text}};
    }
    // A copy: accepted() builds a new list each time.
    std::optional<WebhookReceiver::Delivery> event(const QString &masterId,
                                                   const QString &name) const
    {
        const QList<WebhookReceiver::Delivery> accepted = m_receiver->accepted();
        for (const auto &d : accepted) {
            if (d.payload.value("masterId").toString() == masterId &&
                d.payload.value("event").toString() == name)
                return d;
        }
        return std::nullopt;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString secret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        m_receiver = std::make_unique<WebhookReceiver>(secret);
        QVERIFY(m_receiver->listen());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        const QString secretFile =
            sandboxtest::writeSecretFile(m_dir.path(), "webhook.secret", secret.toLatin1());
        QVERIFY2(m_sandbox->start({"--webhook-url", m_receiver->url().toString(),
                                   "--webhook-secret-file", secretFile}),
                 qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void visitRecord()
    {
        QJsonObject body = sandboxtest::createBody("r-visit", "5125550601", "weightloss");
        QJsonObject form = body.value("formObj").toObject();
        form.insert("Q2", "Goal? POSSIBLE ANSWERS: Lose; Keep");
        form.insert("A2", "Lose");
        body.insert("formObj", form);
        QCOMPARE(
            m_sandbox->request("POST", "/visit/createNoPay", body).body.value("status").toInt(),
            200);
        QVERIFY(m_sandbox->control("/_sandbox/visits/r-visit/resolve",
                                   {{"medId", "sema-0.5"}, {"daysAgo", 3}}));
        const QJsonObject reply = fetched("r-visit");
        QCOMPARE(reply.value("status").toInt(), 200);
        const QJsonObject data = reply.value("data").toObject();
        QCOMPARE(data.value("visitStatus").toString(), QStringLiteral("resolved"));
        QCOMPARE(data.value("resolvedStatus").toString(), QStringLiteral("closed"));
        const QJsonArray intake = data.value("intakeResults").toArray();
        QCOMPARE(intake.size(), 2);
        QCOMPARE(intake.at(0).toObject().value("answer").toString(), QStringLiteral("Sometimes"));
        QCOMPARE(intake.at(1).toObject().value("question").toString(),
                 QStringLiteral("Goal? POSSIBLE ANSWERS: Lose; Keep"));
        QCOMPARE(intake.at(1).toObject().value("answer").toString(), QStringLiteral("Lose"));
        QVERIFY(data.value("labResults").toArray().isEmpty());
        QVERIFY(reply.value("labResults").isArray());
        const QJsonObject rx = data.value("rxHistory").toArray().at(0).toObject();
        const QDateTime written =
            QDateTime::fromString(rx.value("writtenAt").toString(), Qt::ISODateWithMs);
        QVERIFY(written.isValid());
        QCOMPARE(written.daysTo(QDateTime::fromString(data.value("updateTimestamp").toString(),
                                                      Qt::ISODateWithMs)),
                 3);
        QCOMPARE(rx.value("medsPrescribed").toArray().at(0).toObject().value("medId").toString(),
                 QStringLiteral("sema-0.5"));
        QCOMPARE(fetched("r-nope"), (QJsonObject{{"status", 400}, {"error", "Visit not found"}}));
    }

    void patientByPhone()
    {
        const auto r = m_sandbox->request("GET", "/patient/externalFetch/5125550601");
        QCOMPARE(r.body.value("status").toInt(), 200);
        const QJsonObject p = r.body.value("data").toObject();
        QCOMPARE(p.value("lastName").toString(), QStringLiteral("McTestface"));
        QCOMPARE(p.value("dob").toString(), QStringLiteral("04/23/1985"));
        QCOMPARE(p.value("zip").toString(), QStringLiteral("78701"));
        const QJsonArray visits = p.value("visits").toArray();
        QCOMPARE(visits.size(), 1);
        QCOMPARE(visits.at(0).toObject().value("masterId").toString(), QStringLiteral("r-visit"));
        QCOMPARE(visits.at(0).toObject().value("visitType").toString(),
                 QStringLiteral("weightloss"));
        QCOMPARE(m_sandbox->request("GET", "/patient/externalFetch/5125550699").body,
                 (QJsonObject{{"status", 400}, {"error", "Patient not found"}}));
    }

    void nameCorrection()
    {
        QCOMPARE(m_sandbox
                     ->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("r-name", "5125550602"))
                     .body.value("status")
                     .toInt(),
                 200);
        QCOMPARE(
            rename({{"masterId", "r-name"}, {"firstName", "Testa"}, {"lastName", "O'Test-Face"}}),
            info(200, "Successfully updated patient name"));
        QTRY_VERIFY_WITH_TIMEOUT(event("r-name", "NAME_UPDATE").has_value(), 20000);
        QCOMPARE(event("r-name", "NAME_UPDATE")->payload.value("lastName").toString(),
                 QStringLiteral("O'Test-Face"));
        QCOMPARE(m_sandbox->request("GET", "/patient/externalFetch/5125550602")
                     .body.value("data")
                     .toObject()
                     .value("firstName")
                     .toString(),
                 QStringLiteral("Testa"));
        const QString format = QStringLiteral("Data format incorrect");
        QCOMPARE(rename({{"masterId", "r-name"}, {"firstName", ""}, {"lastName", "X"}}),
                 info(400, format));
        QCOMPARE(rename({{"masterId", "r-name"}, {"firstName", "R2"}, {"lastName", "D2"}}),
                 info(400, format));
        QCOMPARE(
            rename({{"masterId", "r-name"}, {"firstName", QString(101, u'a')}, {"lastName", "X"}}),
            info(400, format));
        QCOMPARE(rename({{"firstName", "A"}, {"lastName", "B"}}), info(400, format));
        QCOMPARE(rename({{"masterId", "r-nope"}, {"firstName", "A"}, {"lastName", "B"}}),
                 info(400, "Visit does not exist"));
        QVERIFY(m_sandbox->control("/_sandbox/visits/r-name/approveId"));
        QCOMPARE(rename({{"masterId", "r-name"}, {"firstName", "A"}, {"lastName", "B"}}),
                 info(400, "Name change no longer allowed"));
        QCOMPARE(m_sandbox
                     ->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("r-gone", "5125550603"))
                     .body.value("status")
                     .toInt(),
                 200);
        QVERIFY(m_sandbox->control("/_sandbox/visits/r-gone/decision", {{"decision", "cancel"}}));
        QTRY_COMPARE_WITH_TIMEOUT(
            fetched("r-gone").value("data").toObject().value("visitStatus").toString(),
            QStringLiteral("canceled"), 10000);
        QCOMPARE(rename({{"masterId", "r-gone"}, {"firstName", "A"}, {"lastName", "B"}}),
                 info(400, "Error accepting name change"));
    }

    void pharmacySearch()
    {
        auto search = [&](const QJsonObject &body) {
            return m_sandbox->request("POST", "/external/pharmacies", body);
        };
        const QJsonObject invalid{{"status", 400}, {"data", "Invalid search parameters"}};
        QCOMPARE(search({}).http, 200);
        QCOMPARE(search({}).body, invalid);
        QCOMPARE(search({{"name", "Greenleaf"}, {"city", "Austin"}}).body, invalid);
        QCOMPARE(search({{"zip", "787"}}).body, invalid);
        auto r = search({{"zip", "78701"}});
        QCOMPARE(r.body.value("status").toInt(), 200);
        const QJsonArray texas = r.body.value("data").toArray();
        QCOMPARE(texas.size(), 100);
        QStringList keys = texas.at(0).toObject().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{"address", "city", "name", "pharmacyId", "phone", "state", "zip"}));
        QCOMPARE(texas.at(0).toObject().value("pharmacyId").toString(), QStringLiteral("ph_1"));
        r = search({{"zip", "98101"}, {"city", "seattle"}});
        QCOMPARE(r.body.value("data").toArray().size(), 13);
        QCOMPARE(search({{"zip", "59001"}}).body.value("data").toArray().size(), 0);
        QCOMPARE(search({{"zip", "78701"}, {"state", "XX"}}).body.value("error").toString(),
                 QStringLiteral("State not valid"));
        QCOMPARE(m_sandbox->request("GET", "/external/pharmacies").http, 405);
    }

    void labOrder()
    {
        QCOMPARE(m_sandbox
                     ->request("POST", "/visit/createNoPay",
                               sandboxtest::createBody("r-lab", "5125550604", "weightloss"))
                     .body.value("status")
                     .toInt(),
                 200);
        const auto r = m_sandbox->request("POST", "/_sandbox/visits/r-lab/lab");
        QCOMPARE(r.body.value("status").toInt(), 200);
        const QString orderId = r.body.value("data").toObject().value("orderId").toString();
        QVERIFY(!orderId.isEmpty());
        const QStringList expected = {"LAB_ORDER_SHIPPED_TO_PATIENT",
                                      "LAB_ORDER_DELIVERED_TO_PATIENT",
                                      "LAB_ORDER_SHIPPED_TO_LAB",
                                      "LAB_ORDER_RECEIVED_BY_LAB",
                                      "LAB_ORDER_RESULTS",
                                      "LAB_ORDER_REQUISITION_CREATED"};
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->events("r-lab"), expected, 30000);
        for (const QString &name : expected) {
            const auto d = event("r-lab", name);
            QVERIFY(d);
            QVERIFY(d->signatureValid);
            QCOMPARE(d->payload.value("orderId").toString(), orderId);
        }
        for (const char *shipped : {"LAB_ORDER_SHIPPED_TO_PATIENT", "LAB_ORDER_SHIPPED_TO_LAB"}) {
            const QJsonObject info = event("r-lab", shipped)->payload.value("info").toObject();
            QVERIFY(!info.value("carrier").toString().isEmpty());
            QVERIFY(!info.value("tracking").toString().isEmpty());
        }
        QVERIFY(event("r-lab", "LAB_ORDER_RESULTS")
                    ->payload.value("bookingLink")
                    .toString()
                    .startsWith("https://"));
        // The requisition is a real PDF: qpdf checks its structure, pdftotext reads it.
        const QByteArray pdf =
            QByteArray::fromBase64(event("r-lab", "LAB_ORDER_REQUISITION_CREATED")
                                       ->payload.value("labReqPdf")
                                       .toString()
                                       .toLatin1());
        QVERIFY(pdf.startsWith("%PDF-1."));
        const QString qpdf = QStandardPaths::findExecutable("qpdf");
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (qpdf.isEmpty() || pdftotext.isEmpty())
            QFAIL("qpdf and pdftotext are needed (Debian qpdf, poppler-utils: scripts/lib.sh)");
        const QString path = m_dir.filePath("requisition.pdf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        QProcess check;
        check.start(qpdf, {"--check", path});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
        QProcess text;
        text.start(pdftotext, {path, "-"});
        QVERIFY(text.waitForFinished(30000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains("Laboratory requisition"), qPrintable(out));
        QVERIFY(out.contains("Order: " + orderId));
        QVERIFY(out.contains("Patient: Testy McTestface"));
        // The results are on the visit.
        const QJsonArray results =
            fetched("r-lab").value("data").toObject().value("labResults").toArray();
        QCOMPARE(results.size(), 5);
        QCOMPARE(results.at(0).toObject().value("orderId").toString(), orderId);
        QCOMPARE(results.at(0).toObject().value("test").toString(),
                 QStringLiteral("Hemoglobin A1c"));
        QCOMPARE(fetched("r-lab").value("labResults").toArray(), results);
        QCOMPARE(m_sandbox->request("POST", "/_sandbox/visits/r-nope/lab").http, 404);
    }
};

QTEST_GUILESS_MAIN(TestSandboxReads)
#include "tst_sandboxreads.moc"
