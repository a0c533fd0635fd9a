#include "intake/IntakeForm.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/BelugaAdapter.h"

#include <QJsonDocument>
#include <QTest>

using namespace clinicdesk;

// The provider's rules and the formObj built from a complete weight-loss intake.
class TestBelugaAdapter : public QObject
{
    Q_OBJECT

    QuestionnaireLibrary m_library = QuestionnaireLibrary::load();

    IntakeForm completeWeightLoss() const
    {
        IntakeForm form(m_library.intake(QStringLiteral("weightloss")));
        Patient p;
        p.firstName = QStringLiteral(" Ana ");
        p.lastName = QStringLiteral("García");
        p.dob = QDate(1980, 4, 9);
        p.sex = QStringLiteral("Female");
        p.phone = QStringLiteral("(512) 555-0123");
        p.email = QStringLiteral("ana@example.org");
        p.address = QStringLiteral("1 Main St");
        p.city = QStringLiteral("Austin");
        p.state = QStringLiteral("tx");
        p.zip = QStringLiteral("78701");
        form.setPatient(p);
        const QList<std::pair<const char *, QJsonValue>> answers = {
            {"medication", QStringLiteral("sema-0.25")},
            {"pharmacy.name", QStringLiteral("Main St Pharmacy")},
            {"pharmacy.zip", QStringLiteral("78701")},
            {"pharmacy.id", QStringLiteral("PH-42")},
            {"conditions", QStringLiteral("Hypertension")},
            {"medications", QStringLiteral("Lisinopril 10 mg")},
            {"allergies", QStringLiteral("None")},
            {"weight", 231.5},
            {"height.ft", 5},
            {"height.in", 6},
            {"mtc", false},
            {"men2", false},
            {"pancreatitis", false},
            {"gallbladder", false},
            {"kidney", false},
            {"gastroparesis", false},
            {"eatingdisorder", false},
            {"suicidal", false},
            {"diabetes", QStringLiteral("none")},
            {"pregnancy", false},
            {"bariatric", false},
            {"priorglp1", true},
            {"priorglp1.last", QStringLiteral("2025-01-15")},
            {"consent.telehealth", true},
            {"consent.truthful", true},
            {"consent.privacy", true},
            {"consent.glp1", true},
        };
        for (const auto &[id, value] : answers)
            form.setAnswer(QString::fromLatin1(id), value);
        form.setAnswers(QStringLiteral("related"), {QStringLiteral("htn"), QStringLiteral("osa")});
        form.setAnswers(QStringLiteral("priorglp1.which"),
                        {QStringLiteral("semaglutide"), QStringLiteral("a compounded one")});
        // Hidden: diabetes is "none", so this answer is never sent.
        form.setAnswer(QStringLiteral("hypoglycemics"), true);
        return form;
    }

private Q_SLOTS:
    void providerRules_data()
    {
        QTest::addColumn<QString>("linkId");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("ok");
        auto row = [](const char *name, const QString &id, QJsonValue v, bool ok) {
            QTest::newRow(name) << id << v << ok;
        };
        const QDate today = QDate::currentDate();
        row("dob ok", IntakeForm::kDob, QStringLiteral("1980-04-09"), true);
        row("dob today", IntakeForm::kDob, today.toString(Qt::ISODate), false);
        row("dob future", IntakeForm::kDob, today.addDays(1).toString(Qt::ISODate), false);
        row("dob 02/30", IntakeForm::kDob, QStringLiteral("02/30/1980"), false);
        row("dob 1850", IntakeForm::kDob, QStringLiteral("1850-01-01"), false);
        row("state TX", IntakeForm::kState, QStringLiteral("TX"), true);
        row("state lower", IntakeForm::kState, QStringLiteral("ca"), true);
        row("state DC", IntakeForm::kState, QStringLiteral("DC"), true);
        row("state XX", IntakeForm::kState, QStringLiteral("XX"), false);
        row("state Texas", IntakeForm::kState, QStringLiteral("Texas"), false);
        row("zip ok", IntakeForm::kZip, QStringLiteral("78701"), true);
        row("zip 4", IntakeForm::kZip, QStringLiteral("7870"), false);
        row("zip+4", IntakeForm::kZip, QStringLiteral("78701-1234"), false);
        row("phone formatted", IntakeForm::kPhone, QStringLiteral("(512) 555-0123"), true);
        row("phone +1", IntakeForm::kPhone, QStringLiteral("+1 512 555 0123"), true);
        row("phone 9", IntakeForm::kPhone, QStringLiteral("512555012"), false);
        row("phone letters", IntakeForm::kPhone, QStringLiteral("512-555-01OO"), false);
        row("phone area 0", IntakeForm::kPhone, QStringLiteral("012-555-0123"), false);
        row("name ok", IntakeForm::kFirstName, QStringLiteral("José-María"), true);
        row("name 100", IntakeForm::kLastName, QString(100, QLatin1Char('a')), true);
        row("name 101", IntakeForm::kLastName, QString(101, QLatin1Char('a')), false);
        row("name digits", IntakeForm::kFirstName, QStringLiteral("123"), false);
        row("email ok", IntakeForm::kEmail, QStringLiteral("a.b@example.org"), true);
        row("email bad", IntakeForm::kEmail, QStringLiteral("a@b"), false);
        row("sex ok", IntakeForm::kSex, QStringLiteral("Other"), true);
    }

    void providerRules()
    {
        QFETCH(QString, linkId);
        QFETCH(QJsonValue, value);
        QFETCH(bool, ok);
        IntakeForm form(m_library.patient());
        form.setAnswer(linkId, value);
        const QString message = form.validateItem(linkId);
        QVERIFY2(message.isEmpty() == ok, qPrintable(message));
    }

    void completeIntakeIsValid()
    {
        const IntakeForm form = completeWeightLoss();
        const auto issues = form.validate();
        for (const IntakeIssue &i : issues)
            qWarning("%s: %s", qPrintable(i.linkId), qPrintable(i.message));
        QVERIFY(issues.isEmpty());
        QCOMPARE(form.completion(), 100);
    }

    void formObj()
    {
        const IntakeForm form = completeWeightLoss();
        const QJsonObject obj = BelugaAdapter::formObj(form.submissionView());
        QCOMPARE(obj.value(QLatin1String("firstName")).toString(), QStringLiteral("Ana"));
        QCOMPARE(obj.value(QLatin1String("lastName")).toString(), QStringLiteral("García"));
        QCOMPARE(obj.value(QLatin1String("dob")).toString(), QStringLiteral("04/09/1980"));
        QCOMPARE(obj.value(QLatin1String("phone")).toString(), QStringLiteral("5125550123"));
        QCOMPARE(obj.value(QLatin1String("state")).toString(), QStringLiteral("TX"));
        QCOMPARE(obj.value(QLatin1String("zip")).toString(), QStringLiteral("78701"));
        QCOMPARE(obj.value(QLatin1String("sex")).toString(), QStringLiteral("Female"));
        QCOMPARE(obj.value(QLatin1String("selfReportedMeds")).toString(),
                 QStringLiteral("Lisinopril 10 mg"));
        QCOMPARE(obj.value(QLatin1String("allergies")).toString(), QStringLiteral("None"));
        QCOMPARE(obj.value(QLatin1String("medicalConditions")).toString(),
                 QStringLiteral("Hypertension"));
        QCOMPARE(obj.value(QLatin1String("consentsSigned")), QJsonValue(true));
        const QJsonArray pref = obj.value(QLatin1String("patientPreference")).toArray();
        QCOMPARE(pref.size(), 1);
        QCOMPARE(pref[0][QLatin1String("name")].toString(), QStringLiteral("Semaglutide"));
        QCOMPARE(pref[0][QLatin1String("medId")].toString(), QStringLiteral("sema-0.25"));
        QCOMPARE(pref[0][QLatin1String("daysSupply")].toInt(), 28);
        QVERIFY(!obj.contains(QLatin1String("pharmacyId")));
        QCOMPARE(BelugaAdapter::pharmacyId(form.submissionView()), QStringLiteral("PH-42"));

        // Qn/An in questionnaire order, numbered without gaps, never empty.
        QStringList questions;
        int n = 1;
        for (; obj.contains(QStringLiteral("Q%1").arg(n)); ++n) {
            QVERIFY(!obj.value(QStringLiteral("A%1").arg(n)).toString().isEmpty());
            questions << obj.value(QStringLiteral("Q%1").arg(n)).toString();
        }
        QVERIFY(!obj.contains(QStringLiteral("A%1").arg(n)));
        QCOMPARE(questions.first(), QStringLiteral("Preferred pharmacy (name and street)"));
        const int weight = questions.indexOf(QStringLiteral("Current weight (lb)"));
        QVERIFY(weight >= 0);
        QCOMPARE(obj.value(QStringLiteral("A%1").arg(weight + 1)).toString(),
                 QStringLiteral("231.5"));
        const int related =
            questions.indexOf(QRegularExpression(QStringLiteral("^Weight-related.*")));
        QCOMPARE(questions[related],
                 QStringLiteral("Weight-related conditions (tick all that apply) POSSIBLE ANSWERS: "
                                "High blood pressure; High cholesterol; Sleep apnea; Prediabetes; "
                                "Type 2 diabetes; Polycystic ovary syndrome; None of these"));
        QCOMPARE(obj.value(QStringLiteral("A%1").arg(related + 1)).toString(),
                 QStringLiteral("High blood pressure;Sleep apnea"));
        const int mtc =
            questions.indexOf(QRegularExpression(QStringLiteral(".*medullary thyroid.*")));
        QVERIFY(questions[mtc].endsWith(QStringLiteral(" POSSIBLE ANSWERS: Yes; No")));
        QCOMPARE(obj.value(QStringLiteral("A%1").arg(mtc + 1)).toString(), QStringLiteral("No"));
        const int which = questions.indexOf(QRegularExpression(QStringLiteral("^Which ones.*")));
        QCOMPARE(obj.value(QStringLiteral("A%1").arg(which + 1)).toString(),
                 QStringLiteral("Semaglutide (Wegovy, Ozempic);a compounded one"));
        const int last = questions.indexOf(QStringLiteral("Date of the last dose"));
        QCOMPARE(obj.value(QStringLiteral("A%1").arg(last + 1)).toString(),
                 QStringLiteral("01/15/2025"));
        const QByteArray all = QJsonDocument(obj).toJson();
        QVERIFY(!all.contains("insulin"));               // hidden question not sent
        QVERIFY(!all.contains("telehealth evaluation")); // consents: consentsSigned only
        QVERIFY(!all.contains("Goal weight"));           // unanswered optional question not sent
        for (auto it = obj.begin(); it != obj.end(); ++it)
            QVERIFY2(!it.value().isNull() &&
                         !(it.value().isString() && it.value().toString().isEmpty()),
                     qPrintable(it.key()));

        const QJsonObject body = BelugaAdapter::createVisitBody(
            form.submissionView(), QStringLiteral("m-1"), QStringLiteral("clinic"));
        QCOMPARE(body.value(QLatin1String("visitType")).toString(), QStringLiteral("weightloss"));
        QCOMPARE(body.value(QLatin1String("masterId")).toString(), QStringLiteral("m-1"));
        QCOMPARE(body.value(QLatin1String("pharmacyId")).toString(), QStringLiteral("PH-42"));
    }

    void consentMissingIsNotSigned()
    {
        IntakeForm form = completeWeightLoss();
        form.setAnswer(QStringLiteral("consent.glp1"), false);
        QCOMPARE(
            BelugaAdapter::formObj(form.submissionView()).value(QLatin1String("consentsSigned")),
            QJsonValue(false));
        QCOMPARE(form.validate().size(), 1);
        QCOMPARE(form.validate().first().linkId, QStringLiteral("consent.glp1"));
    }
};

QTEST_GUILESS_MAIN(TestBelugaAdapter)
#include "tst_belugaadapter.moc"
