#include "provider/BelugaAdapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace clinicdesk;
using Outcome = ProviderResult::Outcome;

// BelugaAdapter for the rest of the provider's surface, as units: each route's path, the
// bodies as sent, and every reply shape read into our types: the prescription routes' status
// names (each one, and what staff can do next), the upload and name texts, HTTP 400 with no
// body on a read, "Invalid search parameters" as a data string, the not-found texts.
class TestProviderRoutes : public QObject
{
    Q_OBJECT

private:
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(); }

private slots:
    void paths()
    {
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::CreateVisitWithPhotos),
                 QStringLiteral("/visit/createNoPayPhotos"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::Photos),
                 QStringLiteral("/external/receivePhotos"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::Pdf),
                 QStringLiteral("/external/receivePdf"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::UpdateVisit),
                 QStringLiteral("/external/updateVisit"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::NextTitration),
                 QStringLiteral("/external/nextTitration"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::UpdateName),
                 QStringLiteral("/external/updateName"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::PharmacySearch),
                 QStringLiteral("/external/pharmacies"));
        QCOMPARE(BelugaAdapter::routePath(ProviderRoute::CreateVisit),
                 QStringLiteral("/visit/createNoPay"));
    }

    void careStatuses_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("next");
        QTest::addColumn<bool>("ok");
        using S = CareStatus;
        using N = CareNextStep;
        auto row = [](const char *name, S s, N n, bool ok) {
            QTest::newRow(name) << QString::fromLatin1(name) << int(s) << int(n) << ok;
        };
        row("NEW_RX_SENT", S::NewRxSent, N::None, true);
        row("VISIT_DATA_UPDATED", S::VisitDataUpdated, N::WaitForClinician, true);
        row("NO_VISIT", S::NoVisit, N::StartNewVisit, false);
        row("VISIT_WAS_REFERRED", S::VisitWasReferred, N::StartNewVisit, false);
        row("TOO_MANY_RETRIES", S::TooManyRetries, N::ContactProvider, false);
        row("CATEGORY_MISMATCH", S::CategoryMismatch, N::ChooseMedication, false);
        row("PHARMACY_MISMATCH", S::PharmacyMismatch, N::ChoosePharmacy, false);
        row("TOO_LONG_AGO", S::TooLongAgo, N::StartNewVisit, false);
        row("DURATION_MISMATCH", S::DurationMismatch, N::ChooseMedication, false);
        row("TITRATION_MISMATCH", S::TitrationMismatch, N::ChooseMedication, false);
        row("RX_ERROR", S::RxError, N::ChooseMedication, false);
        row("GENERIC", S::Generic, N::ContactProvider, false);
        row("NOT_RESOLVED", S::NotResolved, N::WaitForClinician, false);
        row("VISIT_MISMATCH", S::VisitMismatch, N::UseCurrentVisit, false);
        row("MAX_MONTHS_REACHED", S::MaxMonthsReached, N::StartFollowup, false);
        row("NEEDS_CHECKIN", S::NeedsCheckin, N::StartCheckin, false);
        row("FOLLOWUP_REQUIRED", S::FollowupRequired, N::StartFollowup, false);
        row("TOO_MANY_ITEMS", S::TooManyItems, N::ChooseMedication, false);
        row("RX_TIME_OUT_OF_RANGE", S::RxTimeOutOfRange, N::WaitForWindow, false);
        row("SOMETHING_NEW", S::Unknown, N::ContactProvider, false);
    }
    void careStatuses()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        QFETCH(int, next);
        QFETCH(bool, ok);
        QJsonObject body{{"status", name}, {"info", "Why: " + name}};
        if (name == QLatin1String("NEW_RX_SENT"))
            body.insert("medsPrescribed", QJsonArray{QJsonObject{{"rxName", "Semaglutide"},
                                                                 {"rxStrength", "1 mg"},
                                                                 {"rxRefills", "0"},
                                                                 {"rxQuantity", "2 mL"},
                                                                 {"rxId", "rx_1"},
                                                                 {"medId", "sema-1.0"}}});
        for (const ProviderRoute route :
             {ProviderRoute::UpdateVisit, ProviderRoute::NextTitration}) {
            const ProviderResult r = BelugaAdapter::normalise(route, 200, json(body));
            QCOMPARE(r.ok(), ok);
            QCOMPARE(ProviderResult::outcomeName(r.outcome),
                     ProviderResult::outcomeName(ok ? Outcome::Ok : Outcome::Refused));
            QCOMPARE(r.info, "Why: " + name);
            QVERIFY(!r.retryable());
            if (!ok)
                QCOMPARE(r.message, "Why: " + name);
            const CareReply reply = BelugaAdapter::careReply(r);
            QCOMPARE(int(reply.status), status);
            QCOMPARE(reply.providerStatus, name);
            QCOMPARE(reply.info, "Why: " + name);
            QCOMPARE(reply.accepted(), ok);
            QCOMPARE(int(CareReply::nextStep(reply.status)), next);
            QCOMPARE(reply.medsPrescribed.size(), name == QLatin1String("NEW_RX_SENT") ? 1 : 0);
        }
    }

    void careTransportAndOddReplies()
    {
        // No answer, 5xx, the provider's numeric statuses: not a care status at all.
        ProviderResult r = BelugaAdapter::normalise(ProviderRoute::UpdateVisit, 503, {});
        QCOMPARE(int(r.outcome), int(Outcome::Transient));
        QCOMPARE(int(BelugaAdapter::careReply(r).status), int(CareStatus::NoReply));
        QCOMPARE(int(CareReply::nextStep(CareStatus::NoReply)), int(CareNextStep::Retry));
        r = BelugaAdapter::normalise(ProviderRoute::NextTitration, 200,
                                     R"({"status":500,"error":"Internal server error"})");
        QCOMPARE(int(r.outcome), int(Outcome::Transient));
        QCOMPARE(int(BelugaAdapter::careReply(r).status), int(CareStatus::NoReply));
        r = BelugaAdapter::normalise(
            ProviderRoute::NextTitration, 200,
            R"({"status":"400","error":"Payload contains bad fields: x"})");
        QCOMPARE(int(r.outcome), int(Outcome::Refused));
        const CareReply generic = BelugaAdapter::careReply(r);
        QCOMPARE(int(generic.status), int(CareStatus::Generic));
        QCOMPARE(generic.info, QStringLiteral("Payload contains bad fields: x"));
        r = BelugaAdapter::normalise(ProviderRoute::UpdateVisit, 401,
                                     R"({"error":"Unauthorized"})");
        QCOMPARE(int(r.outcome), int(Outcome::Unauthorized));
        QCOMPARE(int(BelugaAdapter::careReply(r).status), int(CareStatus::NoReply));
    }

    void readsAnswerABadKeyWithAnEmpty400()
    {
        ProviderResult r = BelugaAdapter::normaliseRead(400, QByteArray());
        QCOMPARE(int(r.outcome), int(Outcome::Unauthorized));
        QCOMPARE(r.httpStatus, 400);
        r = BelugaAdapter::normaliseRead(400, "  \r\n");
        QCOMPARE(int(r.outcome), int(Outcome::Unauthorized));
        r = BelugaAdapter::normaliseRead(400, R"({"error":"Invalid JSON"})");
        QCOMPARE(int(r.outcome), int(Outcome::Refused));
        r = BelugaAdapter::normaliseRead(200, R"({"status":400,"error":"Visit not found"})");
        QCOMPARE(int(r.outcome), int(Outcome::NotFound));
        QCOMPARE(r.message, QStringLiteral("Visit not found"));
        r = BelugaAdapter::normaliseRead(200, R"({"status":400,"error":"Patient not found"})");
        QCOMPARE(int(r.outcome), int(Outcome::NotFound));
        // Elsewhere an empty 400 is just a refusal.
        r = BelugaAdapter::normaliseReply(400, QByteArray());
        QCOMPARE(int(r.outcome), int(Outcome::Refused));
    }

    void uploads_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        using U = UploadStatus;
        QTest::newRow("photos ok")
            << 200 << QByteArray(R"({"status":200,"info":"Successfully received images"})")
            << int(U::Accepted) << QString();
        QTest::newRow("pdf ok") << 200
                                << QByteArray(
                                       R"({"status":200,"info":"Successfully received image"})")
                                << int(U::Accepted) << QString();
        QTest::newRow("no visit") << 200
                                  << QByteArray(R"({"status":400,"info":"Visit does not exist"})")
                                  << int(U::VisitMissing) << "Visit does not exist";
        QTest::newRow("refused") << 200
                                 << QByteArray(R"({"status":400,"info":"Error accepting images"})")
                                 << int(U::NotAccepted) << "Error accepting images";
        QTest::newRow("chat bad field")
            << 200 << QByteArray(R"({"status":400,"error":"Payload contains bad fields: content"})")
            << int(U::NotAccepted) << "Payload contains bad fields: content";
        QTest::newRow("503") << 503 << QByteArray() << int(U::NoReply)
                             << "the provider answered HTTP 503";
        QTest::newRow("unreadable") << 200 << QByteArray("<html>") << int(U::NoReply)
                                    << "the provider's reply could not be read";
    }
    void uploads()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, message);
        const ProviderResult r = BelugaAdapter::normalise(ProviderRoute::Photos, http, body);
        QCOMPARE(int(BelugaAdapter::uploadStatus(r)), status);
        if (!r.ok())
            QCOMPARE(r.message, message);
    }

    void nameChanges_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        using N = NameChangeStatus;
        QTest::newRow("updated")
            << QByteArray(R"({"status":200,"info":"Successfully updated patient name"})")
            << int(N::Updated);
        QTest::newRow("not allowed")
            << QByteArray(R"({"status":400,"info":"Name change no longer allowed"})")
            << int(N::NoLongerAllowed);
        QTest::newRow("no visit") << QByteArray(R"({"status":400,"info":"Visit does not exist"})")
                                  << int(N::VisitMissing);
        QTest::newRow("format") << QByteArray(R"({"status":400,"info":"Data format incorrect"})")
                                << int(N::BadFormat);
        QTest::newRow("error") << QByteArray(
                                      R"({"status":400,"info":"Error accepting name change"})")
                               << int(N::NotAccepted);
        QTest::newRow("down") << QByteArray(R"({"status":503,"error":"busy"})") << int(N::NoReply);
    }
    void nameChanges()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const ProviderResult r = BelugaAdapter::normalise(ProviderRoute::UpdateName, 200, body);
        QCOMPARE(int(BelugaAdapter::nameChangeStatus(r)), status);
    }

    void pharmacies()
    {
        ProviderResult r =
            BelugaAdapter::normalise(ProviderRoute::PharmacySearch, 200,
                                     R"({"status":400,"data":"Invalid search parameters"})");
        QCOMPARE(int(r.outcome), int(Outcome::Refused));
        QCOMPARE(r.message, QStringLiteral("Invalid search parameters"));
        const QList<Pharmacy> list = BelugaAdapter::pharmacies(
            QJsonArray{QJsonObject{{"pharmacyId", "ph_1"},
                                   {"name", "Greenleaf"},
                                   {"address", "1 Main St"},
                                   {"city", "Austin"},
                                   {"state", "TX"},
                                   {"zip", "78701"},
                                   {"phone", "5125550100"}},
                       QJsonObject{{"pharmacyId", 12345}, {"name", "Numbered"}, {"zip", 78702}},
                       QJsonObject{{"name", "No id: skipped"}}});
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).name, QStringLiteral("Greenleaf"));
        QCOMPARE(list.at(0).phone, QStringLiteral("5125550100"));
        QCOMPARE(list.at(1).pharmacyId, QStringLiteral("12345"));
        QCOMPARE(list.at(1).zip, QStringLiteral("78702"));
        QCOMPARE(BelugaAdapter::pharmacySearchBody(PharmacySearch{"78701", "", " Austin ", "tx"}),
                 (QJsonObject{{"zip", "78701"}, {"city", "Austin"}, {"state", "TX"}}));
    }

    void bodies()
    {
        const QJsonObject photos =
            BelugaAdapter::photosBody("v_1", {ProviderImage{"image/jpeg", "\xFF\xD8\xFF\xD9"},
                                              ProviderImage{"image/jpeg", "ab"}});
        QCOMPARE(photos.value("visitId").toString(), QStringLiteral("v_1"));
        QCOMPARE(photos.value("images").toArray().size(), 2);
        QCOMPARE(photos.value("images").toArray().at(0).toObject(),
                 (QJsonObject{{"mime", "image/jpeg"}, {"data", "/9j/2Q=="}}));
        QCOMPARE(BelugaAdapter::pdfBody("v_2", "%PDF"),
                 (QJsonObject{
                     {"visitId", "v_2"},
                     {"image", QJsonObject{{"mime", "application/pdf"}, {"data", "JVBERg=="}}}}));
        const QJsonObject media = BelugaAdapter::staffMediaBody("Front", "Desk", "ab", "m_1");
        QCOMPARE(media.value("isMedia").toBool(), true);
        QCOMPARE(media.value("content").toString(), QStringLiteral("YWI="));
        QCOMPARE(media.value("masterId").toString(), QStringLiteral("m_1"));

        PrescriptionRequest request;
        request.masterId = "m_2";
        QCOMPARE(BelugaAdapter::updateVisitBody(request), (QJsonObject{{"masterId", "m_2"}}));
        request.pharmacyId = "ph_7";
        request.preference = {
            MedicationPreference{"Semaglutide", "1 mg", "2 mL", "0", 28, "sema-1.0"}};
        const QJsonObject update = BelugaAdapter::updateVisitBody(request);
        QCOMPARE(update.value("pharmacyId").toString(), QStringLiteral("ph_7"));
        QCOMPARE(update.value("patientPreference").toArray().at(0).toObject(),
                 (QJsonObject{{"name", "Semaglutide"},
                              {"strength", "1 mg"},
                              {"quantity", "2 mL"},
                              {"refills", "0"},
                              {"daysSupply", 28},
                              {"medId", "sema-1.0"}}));
        QVERIFY(!update.contains("apiKey")); // a stored body never holds the key
        QCOMPARE(BelugaAdapter::withApiKey(ProviderRoute::UpdateVisit, update, "sk_1")
                     .value("apiKey")
                     .toString(),
                 QStringLiteral("sk_1"));
        QVERIFY(!BelugaAdapter::withApiKey(ProviderRoute::NextTitration, update, "sk_1")
                     .contains("apiKey"));
        const QJsonObject titration = BelugaAdapter::nextTitrationBody(request);
        QCOMPARE(titration.keys(), (QStringList{"masterId", "patientPreference", "pharmacyId"}));
        QCOMPARE(BelugaAdapter::updateNameBody("m_3", " Ana ", "Ruiz "),
                 (QJsonObject{{"masterId", "m_3"}, {"firstName", "Ana"}, {"lastName", "Ruiz"}}));
    }

    void checkinAndVerifiedId()
    {
        const QJsonObject base{
            {"masterId", "m_4"},
            {"visitType", "weightloss"},
            {"formObj", QJsonObject{{"firstName", "Ana"}, {"patientPreference", QJsonArray{}}}}};
        const QJsonObject checkin =
            BelugaAdapter::asCheckin(base, CheckinTitration::StayTheSame, 27);
        QCOMPARE(checkin.value("visitType").toString(), QStringLiteral("weightlossCheckin"));
        const QJsonObject form = checkin.value("formObj").toObject();
        QVERIFY(!form.contains("patientPreference"));
        QCOMPARE(form.value("titration").toString(), QStringLiteral("Stay the same"));
        QCOMPARE(form.value("BMI").toString(), QStringLiteral("27"));
        QCOMPARE(BelugaAdapter::asCheckin(base, CheckinTitration::Increase, 30)
                     .value("formObj")
                     .toObject()
                     .value("titration")
                     .toString(),
                 QStringLiteral("Increase"));
        const QJsonObject verified = BelugaAdapter::withVerifiedId(base, " DL-1 ");
        QCOMPARE(verified.value("patientVerified").toBool(), true);
        QCOMPARE(verified.value("verificationId").toString(), QStringLiteral("DL-1"));
        ProviderResult created = BelugaAdapter::normalise(
            ProviderRoute::CreateVisit, 200,
            R"({"status":200,"data":{"masterId":"m","visitId":"v"},"info":"Patient needs to submit a followup visit"})");
        QVERIFY(created.ok());
        QVERIFY(BelugaAdapter::needsFollowup(created));
        QCOMPARE(BelugaAdapter::providerVisitId(created.data), QStringLiteral("v"));
        created = BelugaAdapter::normalise(ProviderRoute::CreateVisit, 200,
                                           R"({"status":200,"data":{"visitId":"v"}})");
        QVERIFY(!BelugaAdapter::needsFollowup(created));
    }

    void records()
    {
        const ProviderPatient p = BelugaAdapter::patient(QJsonObject{
            {"firstName", "Ana"},
            {"lastName", "Ruiz"},
            {"dob", "04/23/1985"},
            {"phone", "(512) 555-0100"},
            {"visits",
             QJsonArray{
                 QJsonObject{{"masterId", "m1"}, {"visitType", "ED"}, {"visitStatus", "resolved"}},
                 "m2"}}});
        QCOMPARE(p.dob, QDate(1985, 4, 23));
        QCOMPARE(p.phone, QStringLiteral("5125550100"));
        QCOMPARE(p.visits.size(), 2);
        QCOMPARE(int(p.visits.at(0).stage), int(ProviderVisitStatus::Stage::Resolved));
        QCOMPARE(p.visits.at(1).masterId, QStringLiteral("m2"));

        const ProviderVisitDetails d = BelugaAdapter::visitDetails(QJsonObject{
            {"masterId", "m1"},
            {"visitType", "weightloss"},
            {"visitStatus", "resolved"},
            {"resolvedStatus", "closed"},
            {"rxHistory", QJsonArray{QJsonObject{
                              {"docName", "Dr. S"},
                              {"pharmacyId", "ph_1"},
                              {"writtenAt", "2026-01-02T03:04:05.000Z"},
                              {"medsPrescribed", QJsonArray{QJsonObject{{"name", "Semaglutide"},
                                                                        {"strength", "0.5 mg"},
                                                                        {"medId", "sema-0.5"}}}}}}},
            {"labResults", QJsonArray{QJsonObject{{"orderId", "lab_1"},
                                                  {"test", "TSH"},
                                                  {"value", "2.1"},
                                                  {"unit", "mIU/L"},
                                                  {"referenceRange", "0.4-4.0"},
                                                  {"flag", "normal"},
                                                  {"resultedAt", "2026-01-03T00:00:00Z"}}}},
            {"intakeResults", QJsonArray{QJsonObject{{"question", "Q?"}, {"answer", "A"}}}}});
        QCOMPARE(d.visitType, QStringLiteral("weightloss"));
        QVERIFY(d.status.closed);
        QCOMPARE(d.rxHistory.size(), 1);
        QCOMPARE(d.rxHistory.at(0).doctor, QStringLiteral("Dr. S"));
        QCOMPARE(d.rxHistory.at(0).writtenAt,
                 QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(d.rxHistory.at(0).medications.at(0).rxName, QStringLiteral("Semaglutide"));
        QCOMPARE(d.rxHistory.at(0).medications.at(0).rxStrength, QStringLiteral("0.5 mg"));
        QCOMPARE(d.labResults.size(), 1);
        QCOMPARE(d.labResults.at(0).test, QStringLiteral("TSH"));
        QCOMPARE(d.labResults.at(0).resultedAt, QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC));
        QCOMPARE(d.intakeResults.at(0).answer, QStringLiteral("A"));
    }
};

QTEST_GUILESS_MAIN(TestProviderRoutes)
#include "tst_providerroutes.moc"
