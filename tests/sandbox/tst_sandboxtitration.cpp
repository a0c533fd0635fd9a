#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// POST /external/nextTitration through clinicdesk-sandbox over HTTPS: every status, in the
// documented order, and every time-window edge on the sandbox clock: the previous prescription
// 14/15 and 60/61 days ago (1-month) and 59/60 and 120/121 (3-month), the visit resolved 89/90
// days ago (check-in due) and 179/180 (programme over), and a check-in created 74/75 days after
// the resolution (the clock moved forward for real).
class TestSandboxTitration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    int m_phone = 0;

    QString phone() { return QStringLiteral("51255541%1").arg(++m_phone, 2, 10, QLatin1Char('0')); }

    static QJsonObject item(const QString &medId, int daysSupply = 28)
    {
        return {{"name", "Semaglutide"}, {"strength", "as listed"},  {"quantity", "2 mL"},
                {"refills", "0"},        {"daysSupply", daysSupply}, {"medId", medId}};
    }
    // A weightloss visit of a new patient (or `patientPhone`), resolved per `resolveBody`
    // (nothing when empty); returns the phone.
    QString programme(const QString &masterId, const QJsonObject &resolveBody,
                      QString patientPhone = {}, const QString &type = "weightloss")
    {
        if (patientPhone.isEmpty())
            patientPhone = phone();
        const auto r = m_sandbox->request("POST", "/visit/createNoPay",
                                          sandboxtest::createBody(masterId, patientPhone, type));
        if (r.body.value("status").toInt() != 200)
            qWarning("create %s: %s", qPrintable(masterId), r.raw.constData());
        if (!resolveBody.isEmpty() &&
            !m_sandbox->control("/_sandbox/visits/" + masterId + "/resolve", resolveBody))
            qWarning("resolve %s failed", qPrintable(masterId));
        return patientPhone;
    }
    QJsonObject titrate(const QString &masterId, const QJsonArray &items,
                        const QString &pharmacyId = "ph_1")
    {
        QJsonObject body{{"masterId", masterId}, {"patientPreference", items}};
        if (!pharmacyId.isNull())
            body.insert("pharmacyId", pharmacyId);
        const auto r = m_sandbox->request("POST", "/external/nextTitration", body);
        return r.http == 200 ? r.body : QJsonObject{{"http", r.http}};
    }
    QString status(const QString &masterId, const QString &medId,
                   const QString &pharmacyId = "ph_1", int daysSupply = 28)
    {
        return titrate(masterId, {item(medId, daysSupply)}, pharmacyId).value("status").toString();
    }
    QJsonObject checkin(const QString &masterId, const QString &patientPhone,
                        const QString &titration, const QString &bmi = "30")
    {
        QJsonObject body = sandboxtest::createBody(masterId, patientPhone, "weightlossCheckin");
        QJsonObject form = body.value("formObj").toObject();
        form.remove("patientPreference");
        form.insert("titration", titration);
        form.insert("BMI", bmi);
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

    void fieldsFirst()
    {
        QJsonObject r = titrate("t-none", {item("sema-0.5")}, QString());
        QCOMPARE(r.value("status").toString(), QStringLiteral("GENERIC"));
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: pharmacyId"));
        r = titrate("t-none", {}, "ph_1");
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: patientPreference"));
        r = titrate("", {QJsonObject{{"name", "Semaglutide"}}});
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Payload contains bad fields: masterId, patientPreference"));
        // Exactly one item, even on a visit that does not exist.
        r = titrate("t-none", {item("sema-0.5"), item("sema-1.0")});
        QCOMPARE(r.value("status").toString(), QStringLiteral("TOO_MANY_ITEMS"));
        QVERIFY(!r.value("info").toString().isEmpty());
        QCOMPARE(status("t-none", "sema-0.5"), QStringLiteral("VISIT_MISMATCH"));
    }

    void visitMustBeTheCurrentProgrammeVisit()
    {
        programme("t-open", {});
        QCOMPARE(status("t-open", "sema-0.5"), QStringLiteral("NOT_RESOLVED"));
        programme("t-ed", {{"medId", "sild-50"}, {"daysAgo", 20}}, QString(), "ED");
        QCOMPARE(status("t-ed", "sema-0.5"), QStringLiteral("VISIT_MISMATCH"));
        programme("t-referred", {{"outcome", "referred"}, {"daysAgo", 20}});
        QCOMPARE(status("t-referred", "sema-0.5"), QStringLiteral("VISIT_MISMATCH"));
        programme("t-canceled", {});
        QVERIFY(
            m_sandbox->control("/_sandbox/visits/t-canceled/decision", {{"decision", "cancel"}}));
        QTRY_COMPARE_WITH_TIMEOUT(status("t-canceled", "sema-0.5"),
                                  QStringLiteral("VISIT_MISMATCH"), 10000);
        // A followup resolved later is the programme's visit from then on.
        const QString p = programme("t-first", {{"medId", "sema-0.5"}, {"daysAgo", 40}});
        QCOMPARE(status("t-first", "sema-0.5"), QStringLiteral("NEW_RX_SENT"));
        programme("t-followup", {{"medId", "sema-1.0"}, {"daysAgo", 20}}, p, "weightlossfollowup");
        const QJsonObject r = titrate("t-first", {item("sema-0.5")});
        QCOMPARE(r.value("status").toString(), QStringLiteral("VISIT_MISMATCH"));
        QVERIFY(r.value("info").toString().contains("most recent"));
        QCOMPARE(status("t-followup", "sema-1.0"), QStringLiteral("NEW_RX_SENT"));
    }

    void newPrescription()
    {
        programme("t-new", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        const QJsonObject r = titrate("t-new", {item("sema-1.0")});
        QCOMPARE(r.value("status").toString(), QStringLiteral("NEW_RX_SENT"));
        QCOMPARE(r.value("info").toString(),
                 QStringLiteral("Next titration prescription sent to the pharmacy"));
        const QJsonObject med = r.value("medsPrescribed").toArray().at(0).toObject();
        QCOMPARE(med.value("medId").toString(), QStringLiteral("sema-1.0"));
        QCOMPARE(med.value("rxName").toString(), QStringLiteral("Semaglutide"));
        QVERIFY(!med.value("rxId").toString().isEmpty());
        const QJsonArray history = m_sandbox->request("GET", "/visit/externalFetch/t-new")
                                       .body.value("data")
                                       .toObject()
                                       .value("rxHistory")
                                       .toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(1).toObject().value("pharmacyId").toString(), QStringLiteral("ph_1"));
        // The window starts again from the new prescription: too soon now.
        QCOMPARE(status("t-new", "sema-1.0"), QStringLiteral("RX_TIME_OUT_OF_RANGE"));
    }

    void medicationAndPharmacy()
    {
        programme("t-med", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        QCOMPARE(status("t-med", "sild-50"), QStringLiteral("CATEGORY_MISMATCH"));
        QJsonObject r = titrate("t-med", {item("sema-0.5")}, "ph_9999");
        QCOMPARE(r.value("status").toString(), QStringLiteral("PHARMACY_MISMATCH"));
        QCOMPARE(r.value("info").toString(), QStringLiteral("Pharmacy not found"));
        r = titrate("t-med", {item("sema-0.5")}, "ph_2");
        QCOMPARE(r.value("status").toString(), QStringLiteral("PHARMACY_MISMATCH"));
        QVERIFY(r.value("info").toString().contains("updateVisit"));
        QCOMPARE(status("t-med", "sema-9.9"), QStringLiteral("RX_ERROR"));
        QCOMPARE(status("t-med", "sema-1.7"), QStringLiteral("TITRATION_MISMATCH")); // two steps
        QCOMPARE(status("t-med", "tirz-5"), QStringLiteral("TITRATION_MISMATCH"));   // molecule
        QCOMPARE(status("t-med", "sema-0.25"), QStringLiteral("NEW_RX_SENT"));       // one down
        // Nothing to titrate from.
        programme("t-plain", {{"medId", "sild-50"}, {"daysAgo", 30}});
        const QJsonObject plain = titrate("t-plain", {item("sema-0.5")});
        QCOMPARE(plain.value("status").toString(), QStringLiteral("RX_ERROR"));
        QVERIFY(plain.value("info").toString().contains("GLP-1"));
    }

    void previousPrescriptionWindow_data()
    {
        QTest::addColumn<int>("months");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 month, day 14") << 1 << 14 << "RX_TIME_OUT_OF_RANGE";
        QTest::newRow("1 month, day 15") << 1 << 15 << "NEW_RX_SENT";
        QTest::newRow("1 month, day 60") << 1 << 60 << "NEW_RX_SENT";
        QTest::newRow("1 month, day 61") << 1 << 61 << "RX_TIME_OUT_OF_RANGE";
        QTest::newRow("3 months, day 59") << 3 << 59 << "RX_TIME_OUT_OF_RANGE";
        QTest::newRow("3 months, day 60") << 3 << 60 << "NEW_RX_SENT";
        QTest::newRow("3 months, day 120") << 3 << 120 << "NEW_RX_SENT";
        QTest::newRow("3 months, day 121") << 3 << 121 << "RX_TIME_OUT_OF_RANGE";
    }
    void previousPrescriptionWindow()
    {
        QFETCH(int, months);
        QFETCH(int, days);
        QFETCH(QString, expected);
        const QString id = QStringLiteral("t-window-%1-%2").arg(months).arg(days);
        const QString p =
            programme(id, {{"medId", "sema-0.5"}, {"daysAgo", days}, {"rxMonths", months}});
        if (days >= 90) // past day 90 a check-in (75 days or more after) is due first
            QCOMPARE(checkin(id + "-checkin", p, "Stay the same").value("status").toInt(), 200);
        const QJsonObject r = titrate(id, {item("sema-0.5", months == 3 ? 84 : 28)});
        QCOMPARE(r.value("status").toString(), expected);
        if (expected == QLatin1String("RX_TIME_OUT_OF_RANGE"))
            QVERIFY(r.value("info").toString().contains(QStringLiteral("%1 days ago").arg(days)));
    }

    void resolvedLongAgo_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("expected");
        // A 3-month prescription written at resolution keeps the Rx window open from 60 to 120.
        QTest::newRow("day 89") << 89 << "NEW_RX_SENT";
        QTest::newRow("day 90") << 90 << "NEEDS_CHECKIN";
        QTest::newRow("day 179") << 179 << "NEEDS_CHECKIN";
        QTest::newRow("day 180") << 180 << "TOO_LONG_AGO";
    }
    void resolvedLongAgo()
    {
        QFETCH(int, days);
        QFETCH(QString, expected);
        const QString id = QStringLiteral("t-age-%1").arg(days);
        programme(id, {{"medId", "sema-0.5"},
                       {"daysAgo", days},
                       {"rxMonths", 3},
                       {"rxDaysAgo", qMin(days, 100)}});
        QCOMPARE(status(id, "sema-0.5", "ph_1", 84), expected);
    }

    void maximumMonths()
    {
        // 3 + 1 + 1 months written: one more is allowed; 3 + 3: the programme is used up.
        programme("t-five", {{"medId", "sema-0.5"}, {"daysAgo", 80}, {"rxMonths", 3}});
        QVERIFY(m_sandbox->control("/_sandbox/visits/t-five/rx",
                                   {{"daysAgo", 50}, {"medId", "sema-0.5"}}));
        QVERIFY(m_sandbox->control("/_sandbox/visits/t-five/rx",
                                   {{"daysAgo", 20}, {"medId", "sema-0.5"}}));
        QCOMPARE(status("t-five", "sema-0.5"), QStringLiteral("NEW_RX_SENT"));
        programme("t-six", {{"medId", "sema-0.5"}, {"daysAgo", 80}, {"rxMonths", 3}});
        QVERIFY(m_sandbox->control("/_sandbox/visits/t-six/rx",
                                   {{"daysAgo", 20}, {"medId", "sema-0.5"}, {"rxMonths", 3}}));
        QCOMPARE(status("t-six", "sema-0.5"), QStringLiteral("MAX_MONTHS_REACHED"));
    }

    void checkinSteersTheDose()
    {
        const QString up = programme("t-up", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        QCOMPARE(checkin("t-up-checkin", up, "Increase").value("status").toInt(), 200);
        QCOMPARE(status("t-up", "sema-0.5"), QStringLiteral("TITRATION_MISMATCH"));
        QCOMPARE(status("t-up", "sema-1.0"), QStringLiteral("NEW_RX_SENT"));

        const QString down = programme("t-down", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        const QJsonObject c = checkin("t-down-checkin", down, "Decrease");
        QCOMPARE(c.value("info").toString(),
                 QStringLiteral("Patient needs to submit a followup visit"));
        QCOMPARE(status("t-down", "sema-0.25"), QStringLiteral("FOLLOWUP_REQUIRED"));
        // The followup, once resolved, is where the titration continues.
        programme("t-down-followup", {{"medId", "sema-0.25"}, {"daysAgo", 0}, {"rxDaysAgo", 0}},
                  down, "weightlossfollowup");
        QCOMPARE(status("t-down", "sema-0.25"), QStringLiteral("VISIT_MISMATCH"));
        QCOMPARE(status("t-down-followup", "sema-0.25"), QStringLiteral("RX_TIME_OUT_OF_RANGE"));
    }

    // A check-in counts for the 90-day rule when it is created 75 days or more after the visit
    // was resolved: two patients resolved together, one checks in on day 74, the other on day 75.
    void checkinDay74Or75()
    {
        const QString early = programme("t-74", {{"medId", "sema-0.5"}, {"rxMonths", 3}});
        const QString onTime = programme("t-75", {{"medId", "sema-0.5"}, {"rxMonths", 3}});
        QVERIFY(m_sandbox->advanceDays(74));
        QCOMPARE(checkin("t-74-checkin", early, "Stay the same").value("status").toInt(), 200);
        QVERIFY(m_sandbox->advanceDays(1));
        QCOMPARE(checkin("t-75-checkin", onTime, "Stay the same").value("status").toInt(), 200);
        QVERIFY(m_sandbox->advanceDays(15));
        // Day 90: the 3-month prescriptions' window is open (60-120); the check-ins decide.
        QCOMPARE(status("t-74", "sema-0.5", "ph_1", 84), QStringLiteral("NEEDS_CHECKIN"));
        QCOMPARE(status("t-75", "sema-0.5", "ph_1", 84), QStringLiteral("NEW_RX_SENT"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxTitration)
#include "tst_sandboxtitration.moc"
