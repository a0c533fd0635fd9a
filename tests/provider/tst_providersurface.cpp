#include "../sandbox/TestImages.h"
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace clinicdesk;
using Outcome = ProviderResult::Outcome;

// ProviderClient's typed calls for the rest of the provider's surface, against the real
// clinicdesk-sandbox over HTTPS on loopback: photos, PDFs and a photo in the chat; the pharmacy
// search; prescription changes and titrations with their statuses and next steps; a check-in's
// followup answer; name corrections; the patient lookup and the full visit record; and the same
// normalisation on typed calls as on raw ones (a read's bad key, 5xx, a provider error in a 200,
// a timeout).
class TestProviderSurface : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ProviderClient> m_client;
    int m_phone = 0;

    QString phone() { return QStringLiteral("51255561%1").arg(++m_phone, 2, 10, QLatin1Char('0')); }

    // Runs one typed call to completion (the client's own deadline bounds it).
    template<typename T, typename Call> static ProviderReply<T> run(Call call)
    {
        std::optional<ProviderReply<T>> out;
        call([&out](const ProviderReply<T> &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            QTest::qFail("no reply within 30 s", __FILE__, __LINE__);
        return out.value_or(ProviderReply<T>{});
    }
    template<typename Call> static ProviderResult runRaw(Call call)
    {
        std::optional<ProviderResult> out;
        call([&out](const ProviderResult &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            QTest::qFail("no reply within 30 s", __FILE__, __LINE__);
        return out.value_or(ProviderResult{});
    }
    // A visit created through the client; its provider visitId.
    QString create(const QString &masterId, const QString &type = "ED", bool photos = false,
                   QString patientPhone = {})
    {
        if (patientPhone.isEmpty())
            patientPhone = phone();
        const QJsonObject body = sandboxtest::createBody(masterId, patientPhone, type);
        const ProviderResult r = runRaw([&](auto done) {
            photos ? m_client->createVisitWithPhotos(body, done)
                   : m_client->createVisit(body, done);
        });
        return BelugaAdapter::providerVisitId(r.data);
    }
    static MedicationPreference preference(const QString &medId, int days = 28)
    {
        return {"Medication", "as listed", "2", "0", days, medId};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        m_client = std::make_unique<ProviderClient>(m_sandbox->clientConfig());
    }

    void photosPdfAndMedia()
    {
        const QString visitId = create("s-photos", "hairloss", true);
        QVERIFY(!visitId.isEmpty());
        const QByteArray jpeg = sandboxtest::jpeg(80, 60);
        auto r = run<UploadStatus>([&](auto done) {
            m_client->sendPhotos(visitId, {ProviderImage{"image/jpeg", jpeg}}, done);
        });
        QVERIFY2(r.ok(), qPrintable(r.result.message));
        QCOMPARE(int(r.value), int(UploadStatus::Accepted));
        QCOMPARE(r.result.info, QStringLiteral("Successfully received images"));
        const QJsonArray kept = m_sandbox->request("GET", "/_sandbox/visits/s-photos/images")
                                    .body.value("data")
                                    .toArray();
        QCOMPARE(QByteArray::fromBase64(kept.at(0).toObject().value("data").toString().toLatin1()),
                 jpeg);

        r = run<UploadStatus>([&](auto done) {
            m_client->sendPhotos("v_unknown", {ProviderImage{"image/jpeg", jpeg}}, done);
        });
        QCOMPARE(int(r.value), int(UploadStatus::VisitMissing));
        QCOMPARE(int(r.result.outcome), int(Outcome::NotFound));
        QCOMPARE(r.result.message, QStringLiteral("Visit does not exist"));
        r = run<UploadStatus>([&](auto done) {
            m_client->sendPhotos(visitId, {ProviderImage{"image/jpeg", "\x89PNG...."}}, done);
        });
        QCOMPARE(int(r.value), int(UploadStatus::NotAccepted));
        QCOMPARE(r.result.message, QStringLiteral("Error accepting images"));
        QVERIFY(!r.result.retryable());

        const QByteArray pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\nstartxref\n9\n%%EOF\n";
        r = run<UploadStatus>([&](auto done) { m_client->sendPdf(visitId, pdf, done); });
        QCOMPARE(int(r.value), int(UploadStatus::Accepted));
        r = run<UploadStatus>([&](auto done) { m_client->sendPdf(visitId, jpeg, done); });
        QCOMPARE(int(r.value), int(UploadStatus::NotAccepted));
        QCOMPARE(r.result.message, QStringLiteral("Error accepting image"));

        r = run<UploadStatus>(
            [&](auto done) { m_client->sendStaffMedia("Front", "Desk", jpeg, "s-photos", done); });
        QCOMPARE(int(r.value), int(UploadStatus::Accepted));
        r = run<UploadStatus>([&](auto done) {
            m_client->sendStaffMedia("Front", "Desk", "text", "s-photos", done);
        });
        QCOMPARE(int(r.value), int(UploadStatus::NotAccepted));
        r = run<UploadStatus>(
            [&](auto done) { m_client->sendStaffMedia("Front", "Desk", jpeg, "s-nope", done); });
        QCOMPARE(int(r.value), int(UploadStatus::VisitMissing));
    }

    void pharmacies()
    {
        auto r = run<QList<Pharmacy>>([&](auto done) {
            m_client->findPharmacies(PharmacySearch{"78701", {}, {}, {}}, done);
        });
        QVERIFY(r.ok());
        QCOMPARE(r.value.size(), 100);
        QCOMPARE(r.value.first().pharmacyId, QStringLiteral("ph_1"));
        QCOMPARE(r.value.first().city, QStringLiteral("Austin"));
        QVERIFY(!r.value.first().phone.isEmpty());
        r = run<QList<Pharmacy>>([&](auto done) {
            m_client->findPharmacies(PharmacySearch{"98101", "Greenleaf", {}, {}}, done);
        });
        for (const Pharmacy &p : r.value)
            QVERIFY(p.name.startsWith("Greenleaf"));
        r = run<QList<Pharmacy>>(
            [&](auto done) { m_client->findPharmacies(PharmacySearch{}, done); });
        QCOMPARE(int(r.result.outcome), int(Outcome::Refused));
        QCOMPARE(r.result.message, QStringLiteral("Invalid search parameters"));
        QVERIFY(r.value.isEmpty());
    }

    void prescriptionChanges()
    {
        create("s-change");
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-change/resolve", {{"medId", "sild-50"}}));
        PrescriptionRequest request{"s-change", {}, {preference("sild-100", 30)}};
        // The client puts the API key in updateVisit's body: a wrong one would be a 401.
        auto r = run<CareReply>([&](auto done) { m_client->updateVisit(request, done); });
        QVERIFY2(r.ok(), qPrintable(r.result.message));
        QCOMPARE(int(r.value.status), int(CareStatus::NewRxSent));
        QCOMPARE(r.value.medsPrescribed.size(), 1);
        QCOMPARE(r.value.medsPrescribed.at(0).medId, QStringLiteral("sild-100"));
        QVERIFY(r.value.medsPrescribed.at(0).rxId.startsWith("rx_"));
        QCOMPARE(int(CareReply::nextStep(r.value.status)), int(CareNextStep::None));

        request = PrescriptionRequest{"s-change", "ph_121", {}};
        r = run<CareReply>([&](auto done) { m_client->updateVisit(request, done); });
        QCOMPARE(int(r.result.outcome), int(Outcome::Refused));
        QCOMPARE(int(r.value.status), int(CareStatus::PharmacyMismatch));
        QCOMPARE(r.value.info, QStringLiteral("Pharmacy is not in the patient's state"));
        QCOMPARE(int(CareReply::nextStep(r.value.status)), int(CareNextStep::ChoosePharmacy));

        request = PrescriptionRequest{"s-nope", "ph_1", {}};
        r = run<CareReply>([&](auto done) { m_client->updateVisit(request, done); });
        QCOMPARE(int(r.value.status), int(CareStatus::NoVisit));

        // The raw route an outbox uses: the same normalisation, the key added at send time.
        const ProviderResult raw = runRaw([&](auto done) {
            m_client->post(ProviderRoute::UpdateVisit,
                           BelugaAdapter::updateVisitBody({"s-change", "ph_2", {}}), done);
        });
        QVERIFY2(raw.ok(), qPrintable(raw.message));
        QCOMPARE(int(BelugaAdapter::careReply(raw).status), int(CareStatus::NewRxSent));
    }

    void titrationAndCheckin()
    {
        const QString p = phone();
        create("s-wl", "weightloss", false, p);
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-wl/resolve",
                                   {{"medId", "sema-0.5"}, {"daysAgo", 95}, {"rxMonths", 3}}));
        PrescriptionRequest request{"s-wl", "ph_1", {preference("sema-0.5", 84)}};
        auto r = run<CareReply>([&](auto done) { m_client->requestNextTitration(request, done); });
        QCOMPARE(int(r.value.status), int(CareStatus::NeedsCheckin));
        QCOMPARE(int(CareReply::nextStep(r.value.status)), int(CareNextStep::StartCheckin));
        QVERIFY(!r.value.info.isEmpty());

        const QJsonObject checkin =
            BelugaAdapter::asCheckin(sandboxtest::createBody("s-wl-checkin", p, "weightloss"),
                                     CheckinTitration::Decrease, 31);
        const ProviderResult created =
            runRaw([&](auto done) { m_client->createVisit(checkin, done); });
        QVERIFY2(created.ok(), qPrintable(created.message));
        QVERIFY(BelugaAdapter::needsFollowup(created));

        r = run<CareReply>([&](auto done) { m_client->requestNextTitration(request, done); });
        QCOMPARE(int(r.value.status), int(CareStatus::FollowupRequired));
        QCOMPARE(int(CareReply::nextStep(r.value.status)), int(CareNextStep::StartFollowup));

        create("s-wl2", "weightloss");
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-wl2/resolve",
                                   {{"medId", "sema-0.5"}, {"daysAgo", 20}}));
        request = PrescriptionRequest{"s-wl2", "ph_1", {preference("sema-1.0")}};
        r = run<CareReply>([&](auto done) { m_client->requestNextTitration(request, done); });
        QCOMPARE(int(r.value.status), int(CareStatus::NewRxSent));
        QCOMPARE(r.value.medsPrescribed.at(0).medId, QStringLiteral("sema-1.0"));
        request.preference << preference("sema-1.0");
        r = run<CareReply>([&](auto done) { m_client->requestNextTitration(request, done); });
        QCOMPARE(int(r.value.status), int(CareStatus::TooManyItems));
    }

    void names()
    {
        create("s-name");
        auto r = run<NameChangeStatus>(
            [&](auto done) { m_client->updateName("s-name", "Testa", "Corrected", done); });
        QCOMPARE(int(r.value), int(NameChangeStatus::Updated));
        r = run<NameChangeStatus>(
            [&](auto done) { m_client->updateName("s-name", "", "X", done); });
        QCOMPARE(int(r.value), int(NameChangeStatus::BadFormat));
        r = run<NameChangeStatus>(
            [&](auto done) { m_client->updateName("s-nope", "A", "B", done); });
        QCOMPARE(int(r.value), int(NameChangeStatus::VisitMissing));
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-name/approveId"));
        r = run<NameChangeStatus>(
            [&](auto done) { m_client->updateName("s-name", "A", "B", done); });
        QCOMPARE(int(r.value), int(NameChangeStatus::NoLongerAllowed));
        QCOMPARE(r.result.message, QStringLiteral("Name change no longer allowed"));
    }

    void patientAndRecord()
    {
        const QString p = phone();
        create("s-record", "weightloss", false, p);
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-record/resolve", {{"medId", "sema-0.5"}}));
        QVERIFY(m_sandbox->control("/_sandbox/visits/s-record/lab"));
        auto patient = run<ProviderPatient>(
            [&](auto done) { m_client->lookupPatient("(512) 555-61" + p.right(2), done); });
        QVERIFY2(patient.ok(), qPrintable(patient.result.message));
        QCOMPARE(patient.value.lastName, QStringLiteral("McTestface"));
        QCOMPARE(patient.value.dob, QDate(1985, 4, 23));
        QCOMPARE(patient.value.visits.size(), 1);
        QCOMPARE(patient.value.visits.at(0).masterId, QStringLiteral("s-record"));
        QCOMPARE(int(patient.value.visits.at(0).stage), int(ProviderVisitStatus::Stage::Resolved));
        patient =
            run<ProviderPatient>([&](auto done) { m_client->lookupPatient("5125556999", done); });
        QCOMPARE(int(patient.result.outcome), int(Outcome::NotFound));
        QCOMPARE(patient.result.message, QStringLiteral("Patient not found"));

        const auto record = run<ProviderVisitDetails>(
            [&](auto done) { m_client->fetchVisitDetails("s-record", done); });
        QVERIFY(record.ok());
        QCOMPARE(record.value.visitType, QStringLiteral("weightloss"));
        QCOMPARE(int(record.value.status.stage), int(ProviderVisitStatus::Stage::Resolved));
        QCOMPARE(record.value.rxHistory.size(), 1);
        QVERIFY(record.value.rxHistory.at(0).writtenAt.isValid());
        QCOMPARE(record.value.rxHistory.at(0).medications.at(0).medId, QStringLiteral("sema-0.5"));
        QCOMPARE(record.value.labResults.size(), 5);
        QVERIFY(!record.value.labResults.at(0).orderId.isEmpty());
        QCOMPARE(record.value.intakeResults.size(), 1);
        const auto missing = run<ProviderVisitDetails>(
            [&](auto done) { m_client->fetchVisitDetails("s-nope", done); });
        QCOMPARE(int(missing.result.outcome), int(Outcome::NotFound));
    }

    void typedCallsNormaliseFailures()
    {
        ProviderClient::Config c = m_sandbox->clientConfig();
        c.apiKey = "sk_wrong";
        ProviderClient wrong(c);
        const auto patient =
            run<ProviderPatient>([&](auto done) { wrong.lookupPatient("5125550100", done); });
        QCOMPARE(int(patient.result.outcome), int(Outcome::Unauthorized));
        QCOMPARE(patient.result.httpStatus, 400); // a read: HTTP 400 with no body
        const auto care = run<CareReply>([&](auto done) {
            wrong.updateVisit({"s-change", "ph_2", {}}, done);
        });
        QCOMPARE(int(care.result.outcome), int(Outcome::Unauthorized));
        QCOMPARE(int(care.value.status), int(CareStatus::NoReply));

        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"5xx", "200-error"}}}));
        const auto down = run<CareReply>([&](auto done) {
            m_client->requestNextTitration({"s-wl2", "ph_1", {preference("sema-1.0")}}, done);
        });
        QCOMPARE(down.result.httpStatus, 503);
        QVERIFY(down.result.retryable());
        QCOMPARE(int(down.value.status), int(CareStatus::NoReply));
        QCOMPARE(int(CareReply::nextStep(down.value.status)), int(CareNextStep::Retry));
        const auto inside =
            run<UploadStatus>([&](auto done) { m_client->sendPdf("v_x", "%PDF", done); });
        QCOMPARE(int(inside.value), int(UploadStatus::NoReply));
        QCOMPARE(inside.result.providerStatus, 500);

        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{"delay"}}, {"delayMs", 3000}}));
        ProviderClient impatient(m_sandbox->clientConfig(500));
        const auto slow = run<QList<Pharmacy>>([&](auto done) {
            impatient.findPharmacies(PharmacySearch{"78701", {}, {}, {}}, done);
        });
        QCOMPARE(int(slow.result.outcome), int(Outcome::Transient));
        QVERIFY(slow.result.timedOut);
        QVERIFY(slow.value.isEmpty());
        QVERIFY(m_sandbox->setFaults({{"next", QJsonArray{}}}));
    }
};

QTEST_GUILESS_MAIN(TestProviderSurface)
#include "tst_providersurface.moc"
