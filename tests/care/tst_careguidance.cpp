// CareGuidance (issue 15, items 2 and 4) against the real clinicdesk-sandbox over HTTPS: every
// status the provider can answer to a next-titration request and to a prescription change is
// produced for real through ProviderClient's typed calls, and each becomes its own staff message
// and the next step the console offers. The windows' edges are crossed by moving the sandbox's
// clock forward (POST /_sandbox/clock): the previous prescription 14/15 and 60/61 days old, the
// resolution 89/90 and 179/180 days ago, a prescription 7/8 days old for a change.
#include "SandboxPayloads.h"
#include "SandboxProcess.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderClient.h"
#include "visits/CareGuidance.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace clinicdesk;
using Request = CareGuidance::Request;
using Step = CareNextStep;

class TestCareGuidance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ProviderClient> m_client;
    int m_phone = 0;
    // Every status met, per request, with the message it got: all must differ.
    QHash<int, QString> m_titrationMessages, m_changeMessages;

    QString phone() { return QStringLiteral("51255571%1").arg(++m_phone, 2, 10, QLatin1Char('0')); }

    static MedicationPreference med(const QString &medId, int days = 28)
    {
        return {QStringLiteral("Medication"),
                QStringLiteral("as listed"),
                QStringLiteral("2"),
                QStringLiteral("0"),
                days,
                medId};
    }
    // A visit of a new patient (or `patientPhone`), resolved per `resolve` unless empty.
    QString visit(const QString &masterId, const QString &type, const QJsonObject &resolve,
                  QString patientPhone = {})
    {
        if (patientPhone.isEmpty())
            patientPhone = phone();
        const auto r = m_sandbox->request("POST", "/visit/createNoPay",
                                          sandboxtest::createBody(masterId, patientPhone, type));
        if (r.body.value("status").toInt() != 200)
            qWarning("create %s: %s", qPrintable(masterId), r.raw.constData());
        if (!resolve.isEmpty() &&
            !m_sandbox->control("/_sandbox/visits/" + masterId + "/resolve", resolve))
            qWarning("resolve %s failed", qPrintable(masterId));
        return patientPhone;
    }
    void checkin(const QString &masterId, const QString &patientPhone,
                 CheckinTitration titration = CheckinTitration::StayTheSame)
    {
        const QJsonObject body = BelugaAdapter::asCheckin(
            sandboxtest::createBody(masterId, patientPhone, "weightloss"), titration, 31);
        const auto r = m_sandbox->request("POST", "/visit/createNoPay", body);
        QCOMPARE(r.body.value("status").toInt(), 200);
    }

    CareReply call(Request request, const PrescriptionRequest &body)
    {
        std::optional<ProviderReply<CareReply>> out;
        auto done = [&out](const ProviderReply<CareReply> &r) { out = r; };
        if (request == Request::NextTitration)
            m_client->requestNextTitration(body, done);
        else
            m_client->updateVisit(body, done);
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            qFatal("no reply within 30 s");
        return out->value;
    }

    // The provider's answer is `status`, and staff read its message and get `step`.
    void expect(Request request, const PrescriptionRequest &body, CareStatus status, Step step)
    {
        const CareReply reply = call(request, body);
        QCOMPARE(int(reply.status), int(status));
        const CareGuidance::Advice advice = CareGuidance::advise(request, reply);
        QCOMPARE(int(advice.step), int(step));
        QVERIFY(!advice.message.isEmpty());
        QCOMPARE(advice.message, CareGuidance::message(request, status, reply.info));
        if (step != Step::None)
            QVERIFY(!CareGuidance::actionLabel(step).isEmpty());
        QHash<int, QString> &seen =
            request == Request::NextTitration ? m_titrationMessages : m_changeMessages;
        // TOO_LONG_AGO and the rest keep their words whatever the provider's info says, GENERIC
        // and RX_ERROR quote it: compare the message without the info.
        seen.insert(int(status), CareGuidance::message(request, status));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath("sandbox"));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        m_client = std::make_unique<ProviderClient>(m_sandbox->clientConfig());
    }

    void titrationStatuses()
    {
        const Request t = Request::NextTitration;
        expect(t, {"g-none", {}, {med("sema-0.5")}}, CareStatus::Generic, Step::ContactProvider);
        expect(t, {"g-none", "ph_1", {med("sema-0.5"), med("sema-1.0")}}, CareStatus::TooManyItems,
               Step::ChooseMedication);
        expect(t, {"g-none", "ph_1", {med("sema-0.5")}}, CareStatus::VisitMismatch,
               Step::UseCurrentVisit);
        visit("g-open", "weightloss", {});
        expect(t, {"g-open", "ph_1", {med("sema-0.5")}}, CareStatus::NotResolved,
               Step::WaitForClinician);

        visit("g-six", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 80}, {"rxMonths", 3}});
        QVERIFY(m_sandbox->control("/_sandbox/visits/g-six/rx",
                                   {{"daysAgo", 20}, {"medId", "sema-0.5"}, {"rxMonths", 3}}));
        expect(t, {"g-six", "ph_1", {med("sema-0.5")}}, CareStatus::MaxMonthsReached,
               Step::StartFollowup);

        const QString down =
            visit("g-down", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        checkin("g-down-checkin", down, CheckinTitration::Decrease);
        expect(t, {"g-down", "ph_1", {med("sema-0.25")}}, CareStatus::FollowupRequired,
               Step::StartFollowup);

        visit("g-med", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 30}});
        expect(t, {"g-med", "ph_1", {med("sild-50")}}, CareStatus::CategoryMismatch,
               Step::ChooseMedication);
        expect(t, {"g-med", "ph_9999", {med("sema-0.5")}}, CareStatus::PharmacyMismatch,
               Step::ChoosePharmacy);
        expect(t, {"g-med", "ph_1", {med("sema-9.9")}}, CareStatus::RxError,
               Step::ChooseMedication);
        expect(t, {"g-med", "ph_1", {med("sema-1.7")}}, CareStatus::TitrationMismatch,
               Step::ChooseMedication);
    }

    // The edges, crossed on the sandbox clock: every visit below is placed so that the same
    // two moves (+14 days, then +1) put one on each side of an edge.
    void titrationWindowsOnTheClock()
    {
        const Request t = Request::NextTitration;
        visit("g-rx15", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 0}});
        visit("g-rx60", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 46}});
        visit("g-rx61", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 46}});
        // 3-month prescriptions written at resolution: their window (60-120) stays open.
        visit("g-res89", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 75}, {"rxMonths", 3}});
        visit("g-res90", "weightloss", {{"medId", "sema-0.5"}, {"daysAgo", 75}, {"rxMonths", 3}});
        const QString p179 =
            visit("g-res179", "weightloss",
                  {{"medId", "sema-0.5"}, {"daysAgo", 165}, {"rxMonths", 3}, {"rxDaysAgo", 100}});
        checkin("g-res179-checkin", p179);
        const QString p180 =
            visit("g-res180", "weightloss",
                  {{"medId", "sema-0.5"}, {"daysAgo", 165}, {"rxMonths", 3}, {"rxDaysAgo", 100}});
        checkin("g-res180-checkin", p180);

        QVERIFY(m_sandbox->advanceDays(14));
        expect(t, {"g-rx15", "ph_1", {med("sema-0.5")}}, CareStatus::RxTimeOutOfRange,
               Step::WaitForWindow); // day 14
        expect(t, {"g-rx60", "ph_1", {med("sema-0.5")}}, CareStatus::NewRxSent,
               Step::None); // day 60
        expect(t, {"g-res89", "ph_1", {med("sema-0.5", 84)}}, CareStatus::NewRxSent, Step::None);
        expect(t, {"g-res179", "ph_1", {med("sema-0.5", 84)}}, CareStatus::NewRxSent, Step::None);

        QVERIFY(m_sandbox->advanceDays(1));
        expect(t, {"g-rx15", "ph_1", {med("sema-0.5")}}, CareStatus::NewRxSent,
               Step::None); // day 15
        expect(t, {"g-rx61", "ph_1", {med("sema-0.5")}}, CareStatus::RxTimeOutOfRange,
               Step::WaitForWindow); // day 61
        expect(t, {"g-res90", "ph_1", {med("sema-0.5", 84)}}, CareStatus::NeedsCheckin,
               Step::StartCheckin);
        expect(t, {"g-res180", "ph_1", {med("sema-0.5", 84)}}, CareStatus::TooLongAgo,
               Step::StartNewVisit);
    }

    void prescriptionChangeStatuses()
    {
        const Request c = Request::PrescriptionChange;
        expect(c, {"u-none", "ph_2", {}}, CareStatus::NoVisit, Step::StartNewVisit);
        visit("u-open", "ED", {});
        expect(c, {"u-open", "ph_2", {}}, CareStatus::VisitDataUpdated, Step::WaitForClinician);
        expect(c, {"u-open", {}, {}}, CareStatus::Generic, Step::ContactProvider);
        visit("u-referred", "ED", {{"outcome", "referred"}});
        expect(c, {"u-referred", "ph_2", {}}, CareStatus::VisitWasReferred, Step::StartNewVisit);

        visit("u-ed", "ED", {{"medId", "sild-50"}});
        expect(c, {"u-ed", "ph_9999", {}}, CareStatus::PharmacyMismatch, Step::ChoosePharmacy);
        expect(c, {"u-ed", {}, {med("xyz-1")}}, CareStatus::RxError, Step::ChooseMedication);
        expect(c, {"u-ed", {}, {med("sema-0.5")}}, CareStatus::CategoryMismatch,
               Step::ChooseMedication);
        expect(c, {"u-ed", {}, {med("sild-100", 90)}}, CareStatus::DurationMismatch,
               Step::ChooseMedication);
        expect(c, {"u-ed", {}, {med("sild-100", 30)}}, CareStatus::NewRxSent, Step::None);
        expect(c, {"u-ed", "ph_2", {}}, CareStatus::NewRxSent, Step::None);
        expect(c, {"u-ed", "ph_1", {}}, CareStatus::NewRxSent, Step::None);
        expect(c, {"u-ed", "ph_2", {}}, CareStatus::TooManyRetries, Step::ContactProvider);

        visit("u-glp1", "weightloss", {{"medId", "sema-0.5"}});
        expect(c, {"u-glp1", {}, {med("sema-1.0")}}, CareStatus::TitrationMismatch,
               Step::ChooseMedication);

        // Day 7 is the last a prescription can change, on the moved clock.
        visit("u-day7", "ED", {{"medId", "sild-50"}, {"daysAgo", 6}});
        visit("u-day8", "ED", {{"medId", "sild-50"}, {"daysAgo", 6}});
        QVERIFY(m_sandbox->advanceDays(1));
        expect(c, {"u-day7", "ph_2", {}}, CareStatus::NewRxSent, Step::None);
        QVERIFY(m_sandbox->advanceDays(1));
        expect(c, {"u-day8", "ph_2", {}}, CareStatus::TooLongAgo, Step::StartNewVisit);
    }

    // Every status has its own message for each request (a copy-paste would repeat one), the
    // two meanings of TOO_LONG_AGO differ, and the provider's words are quoted where ours are
    // generic.
    void messagesAreDistinct()
    {
        for (const QHash<int, QString> *seen : {&m_titrationMessages, &m_changeMessages}) {
            QSet<QString> texts;
            for (const QString &m : *seen)
                texts.insert(m);
            QCOMPARE(texts.size(), seen->size());
        }
        QCOMPARE(m_titrationMessages.size(), 14); // DESIGN's 14 nextTitration statuses
        QCOMPARE(m_changeMessages.size(), 12);    // and updateVisit's 12
        QVERIFY(CareGuidance::message(Request::NextTitration, CareStatus::TooLongAgo) !=
                CareGuidance::message(Request::PrescriptionChange, CareStatus::TooLongAgo));
        QVERIFY(CareGuidance::message(Request::NextTitration, CareStatus::TooLongAgo)
                    .contains(QStringLiteral("180 days")));
        QVERIFY(CareGuidance::message(Request::PrescriptionChange, CareStatus::TooLongAgo)
                    .contains(QStringLiteral("7 days")));
        QVERIFY(CareGuidance::message(Request::NextTitration, CareStatus::NeedsCheckin)
                    .contains(QStringLiteral("Start the check-in")));
        QVERIFY(CareGuidance::message(Request::PrescriptionChange, CareStatus::Generic,
                                      QStringLiteral("Visit was canceled"))
                    .contains(QStringLiteral("(Visit was canceled)")));
        QVERIFY(CareGuidance::actionLabel(Step::None).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCareGuidance)
#include "tst_careguidance.moc"
