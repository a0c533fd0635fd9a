#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "intake/QuestionnaireLibrary.h"
#include "provider/BelugaAdapter.h"
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
        QCOMPARE(body.value(QLatin1String("formObj")).toObject(),
                 BelugaAdapter::formObj(form.submissionView()));
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
