#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// Ongoing care through clinicdesk-sandbox over HTTPS: POST /external/updateVisit with every
// status and its rules (the 7-day edge included), the sandbox clock, and the weightlossCheckin
// visit's field errors, eligibility and followup answer. (nextTitration: tst_sandboxtitration.)
class TestSandboxCare : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    int m_phone = 0;

    QString phone() { return QStringLiteral("51255531%1").arg(++m_phone, 2, 10, QLatin1Char('0')); }

    static QJsonObject item(const QString &medId, int daysSupply = 30)
    {
        return {{"name", "Medication"}, {"strength", "1 unit"},     {"quantity", "30"},
                {"refills", "1"},       {"daysSupply", daysSupply}, {"medId", medId}};
    }
    // A visit of a new patient (or of `patientPhone`).
    void visit(const QString &masterId, const QString &type, QString patientPhone = {})
    {
        if (patientPhone.isEmpty())
            patientPhone = phone();
        const auto r = m_sandbox->request("POST", "/visit/createNoPay",
                                          sandboxtest::createBody(masterId, patientPhone, type));
        QVERIFY2(r.body.value("status").toInt() == 200, r.raw.constData());
    }
    bool resolve(const QString &masterId, const QJsonObject &body = {})
    {
        return m_sandbox->control("/_sandbox/visits/" + masterId + "/resolve", body);
    }
    QJsonObject update(const QJsonObject &body)
    {
        const auto r = m_sandbox->request("POST", "/external/updateVisit", body);
        return r.http == 200 ? r.body : QJsonObject{{"http", r.http}};
    }
    static QString status(const QJsonObject &reply) { return reply.value("status").toString(); }
    QJsonObject fetched(const QString &masterId)
    {
        return m_sandbox->request("GET", "/visit/externalFetch/" + masterId)
            .body.value("data")
            .toObject();
    }
    QJsonObject checkin(const QString &masterId, const QString &patientPhone,
                        const QJsonObject &fields)
    {
        QJsonObject body = sandboxtest::createBody(masterId, patientPhone, "weightlossCheckin");
        QJsonObject form = body.value("formObj").toObject();
        form.remove("patientPreference");
        for (auto it = fields.begin(); it != fields.end(); ++it)
            form.insert(it.key(), it.value());
        body.insert("formObj", form);
        return m_sandbox->request("POST", "/visit/createNoPay", body).body;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
    }

    void fieldErrorsAreGeneric()
    {
        QJsonObject r = update({});
        QCOMPARE(status(r), QStringLiteral("GENERIC"));
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: masterId, patientPreference"));
        r = update(
            {{"masterId", "u-x"}, {"patientPreference", QJsonArray{QJsonObject{{"name", "A"}}}}});
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: patientPreference"));
        r = update({{"masterId", "u-x"}, {"pharmacyId", ""}});
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: pharmacyId"));
        // Fields are answered before the visit is looked up.
        QCOMPARE(status(update({{"masterId", "u-nope"}, {"pharmacyId", "ph_2"}})),
                 QStringLiteral("NO_VISIT"));
        QCOMPARE(update({{"masterId", "u-nope"}, {"pharmacyId", "ph_2"}}).value("info").toString(),
                 QStringLiteral("Visit does not exist"));
    }

    // Before the clinician decides, the new pharmacy and preference are what the clinician uses.
    void openVisitDataIsUpdated()
    {
        visit("u-open", "ED");
        const QJsonObject r = update({{"masterId", "u-open"},
                                      {"pharmacyId", "ph_2"},
                                      {"patientPreference", QJsonArray{item("sild-100")}}});
        QCOMPARE(status(r), QStringLiteral("VISIT_DATA_UPDATED"));
        QVERIFY(!r.value("info").toString().isEmpty());
        QVERIFY(!r.contains("medsPrescribed"));
        QVERIFY(
            m_sandbox->control("/_sandbox/visits/u-open/decision", {{"decision", "prescribe"}}));
        QTRY_COMPARE_WITH_TIMEOUT(fetched("u-open").value("rxHistory").toArray().size(), 1, 10000);
        const QJsonObject rx = fetched("u-open").value("rxHistory").toArray().at(0).toObject();
        QCOMPARE(rx.value("pharmacyId").toString(), QStringLiteral("ph_2"));
        QCOMPARE(rx.value("medsPrescribed").toArray().at(0).toObject().value("medId").toString(),
                 QStringLiteral("sild-100"));
    }

    void refusals()
    {
        visit("u-referred", "ED");
        QVERIFY(resolve("u-referred", {{"outcome", "referred"}}));
        QCOMPARE(status(update({{"masterId", "u-referred"}, {"pharmacyId", "ph_2"}})),
                 QStringLiteral("VISIT_WAS_REFERRED"));

        visit("u-canceled", "ED");
        QVERIFY(
            m_sandbox->control("/_sandbox/visits/u-canceled/decision", {{"decision", "cancel"}}));
        QTRY_COMPARE_WITH_TIMEOUT(fetched("u-canceled").value("visitStatus").toString(),
                                  QStringLiteral("canceled"), 10000);
        QJsonObject r = update({{"masterId", "u-canceled"}, {"pharmacyId", "ph_2"}});
        QCOMPARE(status(r), QStringLiteral("GENERIC"));
        QCOMPARE(r.value("info").toString(), QStringLiteral("Visit was canceled"));

        visit("u-refusals", "ED");
        QVERIFY(resolve("u-refusals", {{"medId", "sild-50"}}));
        r = update({{"masterId", "u-refusals"}, {"pharmacyId", "ph_9999"}});
        QCOMPARE(status(r), QStringLiteral("PHARMACY_MISMATCH"));
        QCOMPARE(r.value("info").toString(), QStringLiteral("Pharmacy not found"));
        r = update({{"masterId", "u-refusals"}, {"pharmacyId", "ph_121"}}); // Los Angeles
        QCOMPARE(status(r), QStringLiteral("PHARMACY_MISMATCH"));
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Pharmacy is not in the patient's state"));
        r = update({{"masterId", "u-refusals"}, {"patientPreference", QJsonArray{item("xyz-1")}}});
        QCOMPARE(status(r), QStringLiteral("RX_ERROR"));
        r = update(
            {{"masterId", "u-refusals"}, {"patientPreference", QJsonArray{item("sema-0.5", 28)}}});
        QCOMPARE(status(r), QStringLiteral("CATEGORY_MISMATCH"));
        r = update(
            {{"masterId", "u-refusals"}, {"patientPreference", QJsonArray{item("sild-100", 90)}}});
        QCOMPARE(status(r), QStringLiteral("DURATION_MISMATCH"));
        for (const QJsonObject &reply :
             {update({{"masterId", "u-refusals"}, {"pharmacyId", "ph_9999"}}),
              update(
                  {{"masterId", "u-refusals"}, {"patientPreference", QJsonArray{item("xyz-1")}}})})
            QVERIFY(!reply.value("info").toString().isEmpty());
        QCOMPARE(fetched("u-refusals").value("rxHistory").toArray().size(), 1); // nothing written
    }

    void newPrescriptionAndRetries()
    {
        visit("u-change", "ED");
        QVERIFY(resolve("u-change", {{"medId", "sild-50"}}));
        QJsonObject r =
            update({{"masterId", "u-change"}, {"patientPreference", QJsonArray{item("sild-100")}}});
        QCOMPARE(status(r), QStringLiteral("NEW_RX_SENT"));
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("New prescription sent to the pharmacy"));
        const QJsonArray meds = r.value("medsPrescribed").toArray();
        QCOMPARE(meds.size(), 1);
        QStringList keys = meds.at(0).toObject().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{"medId", "rxId", "rxName", "rxQuantity", "rxRefills", "rxStrength"}));
        QCOMPARE(meds.at(0).toObject().value("medId").toString(), QStringLiteral("sild-100"));
        QVERIFY(meds.at(0).toObject().value("rxId").toString().startsWith("rx_"));
        // Resent to another pharmacy: the current prescription again.
        r = update({{"masterId", "u-change"}, {"pharmacyId", "ph_2"}});
        QCOMPARE(status(r), QStringLiteral("NEW_RX_SENT"));
        QCOMPARE(r.value("medsPrescribed").toArray().at(0).toObject().value("medId").toString(),
                 QStringLiteral("sild-100"));
        r = update({{"masterId", "u-change"}, {"patientPreference", QJsonArray{item("tada-5")}}});
        QCOMPARE(status(r), QStringLiteral("NEW_RX_SENT"));
        QCOMPARE(fetched("u-change").value("rxHistory").toArray().size(), 4);
        // Three changes are the most.
        r = update({{"masterId", "u-change"}, {"pharmacyId", "ph_1"}});
        QCOMPARE(status(r), QStringLiteral("TOO_MANY_RETRIES"));
        QCOMPARE(fetched("u-change").value("rxHistory").toArray().size(), 4);
    }

    // A prescription can be changed through day 7; from day 8 it is too old.
    void sevenDayEdge_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("expected");
        QTest::newRow("day 0") << 0 << "NEW_RX_SENT";
        QTest::newRow("day 7") << 7 << "NEW_RX_SENT";
        QTest::newRow("day 8") << 8 << "TOO_LONG_AGO";
        QTest::newRow("day 30") << 30 << "TOO_LONG_AGO";
    }
    void sevenDayEdge()
    {
        QFETCH(int, days);
        QFETCH(QString, expected);
        const QString id = QStringLiteral("u-age-%1").arg(days);
        visit(id, "ED");
        QVERIFY(resolve(id, {{"medId", "sild-50"}, {"daysAgo", days}}));
        QCOMPARE(status(update({{"masterId", id}, {"pharmacyId", "ph_2"}})), expected);
    }

    void titratedDoseCannotChangeHere()
    {
        visit("u-glp1", "weightloss");
        QVERIFY(resolve("u-glp1", {{"medId", "sema-0.5"}}));
        QJsonObject r = update(
            {{"masterId", "u-glp1"}, {"patientPreference", QJsonArray{item("sema-1.0", 28)}}});
        QCOMPARE(status(r), QStringLiteral("TITRATION_MISMATCH"));
        r = update(
            {{"masterId", "u-glp1"}, {"patientPreference", QJsonArray{item("tirz-2.5", 28)}}});
        QCOMPARE(status(r), QStringLiteral("TITRATION_MISMATCH"));
        r = update(
            {{"masterId", "u-glp1"}, {"patientPreference", QJsonArray{item("sema-0.5", 28)}}});
        QCOMPARE(status(r), QStringLiteral("NEW_RX_SENT"));
    }

    // The body may carry the API key, as the provider's integrators send it; a wrong one is 401.
    void apiKeyInTheBody()
    {
        visit("u-key", "ED");
        auto r = m_sandbox->request(
            "POST", "/external/updateVisit",
            {{"masterId", "u-key"}, {"pharmacyId", "ph_2"}, {"apiKey", "sk_wrong"}});
        QCOMPARE(r.http, 401);
        r = m_sandbox->request("POST", "/external/updateVisit",
                               {{"masterId", "u-key"},
                                {"pharmacyId", "ph_2"},
                                {"apiKey", QString::fromUtf8(m_sandbox->apiKey())}});
        QCOMPARE(r.body.value("status").toString(), QStringLiteral("VISIT_DATA_UPDATED"));
        QCOMPARE(m_sandbox->request("GET", "/external/updateVisit").http, 405);
    }

    void checkinFieldsBeforeEligibility()
    {
        // A patient with no weight-loss visit at all still hears about the fields first.
        const QString p = phone();
        QCOMPARE(checkin("c-f1", p, {{"BMI", "30"}}).value("error").toString(),
                 QStringLiteral("Titration details missing"));
        QCOMPARE(checkin("c-f2", p, {{"titration", "Increase"}, {"BMI", "30.5"}})
                     .value("error")
                     .toString(),
                 QStringLiteral("BMI malformed or missing"));
        QCOMPARE(checkin("c-f3", p, {{"titration", "Increase"}}).value("error").toString(),
                 QStringLiteral("BMI malformed or missing"));
        QCOMPARE(checkin("c-f4", p, {{"titration", "Increase"}, {"BMI", "18"}})
                     .value("error")
                     .toString(),
                 QStringLiteral("BMI below eligibility level"));
        QCOMPARE(checkin("c-f5", p, {{"titration", "Increase"}, {"BMI", "19"}})
                     .value("error")
                     .toString(),
                 QStringLiteral("Patient not eligible for this visitType"));
        QCOMPARE(checkin("c-f6", p,
                         {{"titration", "Increase"},
                          {"BMI", "30"},
                          {"patientPreference", QJsonArray{item("sema-0.5")}}})
                     .value("error")
                     .toString(),
                 QStringLiteral("Payload contains bad fields: patientPreference"));
        // titration and BMI belong to check-ins only.
        QJsonObject ed = sandboxtest::createBody("c-f7", phone(), "ED");
        QJsonObject form = ed.value("formObj").toObject();
        form.insert("titration", "Increase");
        ed.insert("formObj", form);
        QCOMPARE(
            m_sandbox->request("POST", "/visit/createNoPay", ed).body.value("error").toString(),
            QStringLiteral("Payload contains bad fields: titration"));
    }

    void checkinEligibility()
    {
        const QJsonObject fine{{"titration", "Stay the same"}, {"BMI", "31"}};
        const QString open = phone();
        visit("c-open", "weightloss", open);
        QCOMPARE(checkin("c-e1", open, fine).value("error").toString(),
                 QStringLiteral("Patient has not resolved initial visit yet"));

        const QString referred = phone();
        visit("c-referred", "weightloss", referred);
        QVERIFY(resolve("c-referred", {{"outcome", "referred"}}));
        QCOMPARE(checkin("c-e2", referred, fine).value("error").toString(),
                 QStringLiteral("Patient not eligible for this visitType"));

        const QString old = phone();
        visit("c-old", "weightloss", old);
        QVERIFY(resolve("c-old", {{"medId", "sema-0.5"}, {"daysAgo", 180}}));
        QCOMPARE(checkin("c-e3", old, fine).value("error").toString(),
                 QStringLiteral("Patient not eligible for this visitType"));

        const QString ok = phone();
        visit("c-ok", "weightloss", ok);
        QVERIFY(resolve("c-ok", {{"medId", "sema-0.5"}, {"daysAgo", 179}}));
        const QJsonObject accepted = checkin("c-e4", ok, fine);
        QCOMPARE(accepted.value("status").toInt(), 200);
        QVERIFY(!accepted.contains("info"));
        QCOMPARE(accepted.value("data").toObject().value("masterId").toString(),
                 QStringLiteral("c-e4"));
        // One open check-in at a time.
        QCOMPARE(checkin("c-e5", ok, fine).value("error").toString(),
                 QStringLiteral("Patient not eligible for new visit"));
        // A check-in is concluded without a prescription.
        QVERIFY(resolve("c-e4"));
        QCOMPARE(fetched("c-e4").value("visitStatus").toString(), QStringLiteral("resolved"));
        QVERIFY(fetched("c-e4").value("rxHistory").toArray().isEmpty());
    }

    void checkinMayNeedAFollowup_data()
    {
        QTest::addColumn<QString>("titration");
        QTest::addColumn<QString>("bmi");
        QTest::addColumn<bool>("followup");
        QTest::newRow("decrease") << "Decrease"
                                  << "30" << true;
        QTest::newRow("BMI 24") << "Increase"
                                << "24" << true;
        QTest::newRow("BMI 25") << "Increase"
                                << "25" << false;
        QTest::newRow("stay") << "Stay the same"
                              << "33" << false;
    }
    void checkinMayNeedAFollowup()
    {
        QFETCH(QString, titration);
        QFETCH(QString, bmi);
        QFETCH(bool, followup);
        const QString p = phone();
        const QString id = "c-follow-" + QString::number(m_phone);
        visit(id, "weightloss", p);
        QVERIFY(resolve(id, {{"medId", "sema-0.5"}, {"daysAgo", 30}}));
        const QJsonObject r = checkin(id + "-checkin", p, {{"titration", titration}, {"BMI", bmi}});
        QCOMPARE(r.value("status").toInt(), 200);
        QCOMPARE(r.value("info").toString(),
                 followup ? QStringLiteral("Patient needs to submit a followup visit") : QString());
    }

    // The clock only moves forward, and a restart keeps where it was.
    void clock()
    {
        const auto before =
            m_sandbox->request("GET", "/_sandbox/clock").body.value("data").toObject();
        const double offset = before.value("offsetMs").toDouble();
        QVERIFY(m_sandbox->advanceDays(2));
        const auto after =
            m_sandbox->request("GET", "/_sandbox/clock").body.value("data").toObject();
        QCOMPARE(after.value("offsetMs").toDouble(), offset + 2 * 86400000.0);
        QVERIFY(after.value("nowMs").toDouble() >=
                before.value("nowMs").toDouble() + 2 * 86400000.0);
        QCOMPARE(m_sandbox->request("POST", "/_sandbox/clock", {{"advanceDays", -1}}).http, 400);
        QCOMPARE(m_sandbox->request("POST", "/_sandbox/clock", {{"advanceDays", 1.5}}).http, 400);
        QCOMPARE(m_sandbox->request("POST", "/_sandbox/clock", {}).http, 400);
        QVERIFY(m_sandbox->control("/_sandbox/clock", {{"advanceMs", 1000}}));
        QVERIFY(m_sandbox->stop());
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QCOMPARE(m_sandbox->request("GET", "/_sandbox/clock")
                     .body.value("data")
                     .toObject()
                     .value("offsetMs")
                     .toDouble(),
                 offset + 2 * 86400000.0 + 1000);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCare)
#include "tst_sandboxcare.moc"
