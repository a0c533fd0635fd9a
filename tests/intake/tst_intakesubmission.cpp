#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "intake/QuestionnaireLibrary.h"
#include "store/PatientRepository.h"
#include "visits/IntakeSubmission.h"

#include <QJsonDocument>
#include <QStandardPaths>

using namespace clinicdesk;

// Submit: the provider's validator first, then one transaction making the patient, the queued
// visit (sealed formObj, a fresh masterId) and removing the draft.
class TestIntakeSubmission : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    QuestionnaireLibrary m_library = QuestionnaireLibrary::load();

    IntakeForm completeHairLoss() const
    {
        IntakeForm form(m_library.intake(QStringLiteral("hairloss")));
        Patient p;
        p.firstName = QStringLiteral("Luis");
        p.lastName = QStringLiteral("Pérez");
        p.dob = QDate(1990, 1, 31);
        p.sex = QStringLiteral("Male");
        p.phone = QStringLiteral("2145550188");
        p.email = QStringLiteral("luis@example.org");
        p.address = QStringLiteral("9 Elm St");
        p.city = QStringLiteral("Dallas");
        p.state = QStringLiteral("TX");
        p.zip = QStringLiteral("75201");
        form.setPatient(p);
        for (const char *id :
             {"family", "scalp", "fatherchild", "prostate", "depression", "heart", "liver"})
            form.setAnswer(QString::fromLatin1(id), false);
        const QList<std::pair<const char *, const char *>> text = {
            {"medication", "fin-1"}, {"pharmacy.name", "Elm Pharmacy"}, {"pharmacy.zip", "75201"},
            {"conditions", "None"},  {"medications", "None"},           {"allergies", "Penicillin"},
            {"duration", "gt2y"}};
        for (const auto &[id, value] : text)
            form.setAnswer(QString::fromLatin1(id), QString::fromUtf8(value));
        form.setAnswers(QStringLiteral("pattern"), {QStringLiteral("crown")});
        for (const char *id :
             {"consent.telehealth", "consent.truthful", "consent.privacy", "consent.hair"})
            form.setAnswer(QString::fromLatin1(id), true);
        return form;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_store = test::openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
    }

    void refusesAnInvalidIntake()
    {
        IntakeForm form = completeHairLoss();
        form.setAnswer(QStringLiteral("patient.zip"), QStringLiteral("7520"));
        Draft draft;
        draft.ownerUser = QStringLiteral("alice");
        auto r = IntakeSubmission::submit(*m_store, form, draft, QStringLiteral("alice"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QCOMPARE(r.error().message,
                 QStringLiteral("1 answer(s) need attention before submitting."));
        auto count = m_store->db().exec(QStringLiteral("SELECT COUNT(*) FROM visits"));
        QVERIFY(count && count->next());
        QCOMPARE(count->value(0).toInt(), 0);
    }

    void queuesTheVisit()
    {
        const IntakeForm form = completeHairLoss();
        DraftRepository drafts(*m_store);
        Draft draft;
        draft.ownerUser = QStringLiteral("alice");
        draft.visitType = QStringLiteral("hairloss");
        draft.answers = form.allAnswers();
        auto id = drafts.save(draft);
        QVERIFY(id);
        draft.id = *id;
        auto out = IntakeSubmission::submit(*m_store, form, draft, QStringLiteral("alice"));
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        QCOMPARE(drafts.get(draft.id).error().code, ErrorCode::NotFound);
        auto patient = PatientRepository(*m_store).get(out->patientId);
        QVERIFY(patient);
        QCOMPARE(patient->lastName, QStringLiteral("Pérez"));
        auto row = m_store->db().exec(
            QStringLiteral("SELECT master_id, patient_id, visit_type, status, form_obj, created_by "
                           "FROM visits WHERE id = ?"),
            {out->visitId});
        QVERIFY(row && row->next());
        QCOMPARE(row->value(0).toString(), out->masterId);
        QCOMPARE(row->value(1).toString(), out->patientId);
        QCOMPARE(row->value(2).toString(), QStringLiteral("hairloss"));
        QCOMPARE(row->value(3).toString(), QStringLiteral("Queued"));
        QCOMPARE(row->value(5).toString(), QStringLiteral("alice"));
        const QByteArray sealed = row->value(4).toByteArray();
        QVERIFY(!sealed.contains("Pérez"));
        auto plain = m_store->cipher().open(QStringLiteral("visits"), out->visitId,
                                            QStringLiteral("form_obj"), sealed);
        QVERIFY(plain);
        const QJsonObject body = QJsonDocument::fromJson(*plain).object();
        QCOMPARE(body.value(QLatin1String("masterId")).toString(), out->masterId);
        QCOMPARE(body.value(QLatin1String("visitType")).toString(), QStringLiteral("hairloss"));
        // The provider's formObj, written out by hand from the hair-loss questionnaire and
        // DESIGN's rules (named demographics, MM/DD/YYYY, patientPreference from the chosen
        // medication, every other enabled, answered question as Qn/An in questionnaire order with
        // its POSSIBLE ANSWERS, consents folded into consentsSigned, nothing empty): not computed
        // with the adapter under test.
        const QJsonObject expected = QJsonDocument::fromJson(R"json({
            "firstName": "Luis", "lastName": "Pérez", "dob": "01/31/1990", "sex": "Male",
            "phone": "2145550188", "email": "luis@example.org", "address": "9 Elm St",
            "city": "Dallas", "state": "TX", "zip": "75201",
            "selfReportedMeds": "None", "allergies": "Penicillin", "medicalConditions": "None",
            "patientPreference": [{"name": "Finasteride", "strength": "1 mg",
                                   "quantity": "90 tablets", "refills": 3, "daysSupply": 90,
                                   "medId": "fin-1"}],
            "Q1": "Preferred pharmacy (name and street)", "A1": "Elm Pharmacy",
            "Q2": "Pharmacy ZIP code", "A2": "75201",
            "Q3": "Where is the hair thinning? (tick all that apply) POSSIBLE ANSWERS: Receding hairline; Crown; All over; Round bald patches",
            "A3": "Crown",
            "Q4": "How long has the hair loss been noticeable? POSSIBLE ANSWERS: Less than 6 months; 6 months to 2 years; More than 2 years",
            "A4": "More than 2 years",
            "Q5": "Do close relatives have similar hair loss? POSSIBLE ANSWERS: Yes; No", "A5": "No",
            "Q6": "Does the scalp itch, burn, scale or hurt? POSSIBLE ANSWERS: Yes; No", "A6": "No",
            "Q7": "Is the patient trying to father a child in the next 12 months? POSSIBLE ANSWERS: Yes; No",
            "A7": "No",
            "Q8": "Has the patient had prostate cancer or a raised PSA? (Finasteride lowers PSA results.) POSSIBLE ANSWERS: Yes; No",
            "A8": "No",
            "Q9": "Has the patient had depression or taken medicine for it? POSSIBLE ANSWERS: Yes; No",
            "A9": "No",
            "Q10": "Does the patient have a heart condition, low blood pressure, or swelling of the legs? (Oral minoxidil lowers blood pressure.) POSSIBLE ANSWERS: Yes; No",
            "A10": "No",
            "Q11": "Does the patient have liver disease? POSSIBLE ANSWERS: Yes; No", "A11": "No",
            "consentsSigned": true
        })json")
                                         .object();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(body.value(QLatin1String("formObj")).toObject(), expected);
        QCOMPARE(out->questionnaireResponse.value(QLatin1String("status")).toString(),
                 QStringLiteral("completed"));
        QVERIFY(!QJsonDocument(out->questionnaireResponse).toJson().contains("pregnancy.hair"));
    }

    void reusesTheLinkedPatient()
    {
        PatientRepository patients(*m_store);
        IntakeForm form = completeHairLoss();
        Patient existing = form.patient();
        existing.phone = QStringLiteral("2145550199");
        auto existingId = patients.save(existing);
        QVERIFY(existingId);
        Draft draft;
        draft.patientId = *existingId;
        auto out = IntakeSubmission::submit(*m_store, form, draft, QStringLiteral("bob"));
        QVERIFY(out);
        QCOMPARE(out->patientId, *existingId);
        QCOMPARE(patients.get(*existingId)->phone, QStringLiteral("2145550188")); // updated
    }
};

QTEST_GUILESS_MAIN(TestIntakeSubmission)
#include "tst_intakesubmission.moc"
