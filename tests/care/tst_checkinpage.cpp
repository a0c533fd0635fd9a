// The weight-loss check-in page (issue 15, item 1), real widgets (offscreen) over a real store
// and the real clinicdesk-sandbox: started from a resolved programme visit (an intake submitted
// as staff submit one), it carries the weight and height over, shows the BMI as they change,
// refuses a BMI below 19 before anything is queued with the provider's reason, and queues an
// eligible check-in the outbox delivers as a check-in; asking to decrease the dose, the sandbox
// answers that the patient needs a follow-up visit, and the session opens a follow-up intake
// drafted from the check-in.
#include "AccessibilityAudit.h"
#include "BoardFixture.h"
#include "CheckinPage.h"
#include "ConsoleServices.h"
#include "IntakeWizard.h"
#include "QuestionnairePage.h"
#include "SandboxProcess.h"
#include "SessionWorkspace.h"
#include "TestSupport.h"
#include "VisitBoardPage.h"
#include "WindowSupport.h"
#include "intake/CheckinRules.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "store/VisitRepository.h"
#include "visits/DueList.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

class TestCheckinPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    int m_patients = 0;

    // A resolved programme visit, known to the sandbox too (created with the console's own
    // body and resolved there with a prescription).
    QString programmeVisit()
    {
        BoardFixture fx(*m_store);
        const QString patient =
            fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"), QDate(1984, 5, 6),
                          QStringLiteral("51255505%1").arg(++m_patients, 2, 10, QLatin1Char('0')));
        const QString visit =
            fx.addVisit({patient, DueList::programmeType(), Status::Prescribed, RxStatus::Written});
        auto body = VisitRepository(*m_store).openCreateBody(visit);
        const auto created = m_sandbox->request("POST", QStringLiteral("/visit/createNoPay"),
                                                QJsonDocument::fromJson(body.value()).object());
        if (created.body.value(QLatin1String("status")).toInt() != 200)
            qFatal("sandbox refused the programme visit: %s", created.raw.constData());
        if (!m_sandbox->control(QStringLiteral("/_sandbox/visits/") + fx.masterIdOf(visit) +
                                    QStringLiteral("/resolve"),
                                {{QStringLiteral("medId"), QStringLiteral("sema-0.25")},
                                 {QStringLiteral("daysAgo"), 80}}))
            qFatal("sandbox did not resolve the visit");
        return visit;
    }
    static QLineEdit *line(CheckinPage &page, const QString &linkId)
    {
        return page.findChild<QLineEdit *>(QStringLiteral("edit:") + linkId);
    }
    static void type(CheckinPage &page, const QString &linkId, const QString &text)
    {
        QLineEdit *edit = line(page, linkId);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    static void choose(CheckinPage &page, const QString &linkId, const QString &text)
    {
        auto *group = page.findChild<QWidget *>(QStringLiteral("options:") + linkId);
        QVERIFY2(group, qPrintable(linkId));
        for (QRadioButton *b : group->findChildren<QRadioButton *>())
            if (b->text() == text) {
                b->click();
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no option %1 on %2").arg(text, linkId)));
    }
    // Side effects and safety answered "no", the text questions "None", the consent given.
    static void answerTheRest(CheckinPage &page)
    {
        for (const char *id : {"vomiting", "bowel", "injectionsite", "lowsugar", "abdominalpain",
                               "pregnancy", "mood", "thyroid"})
            choose(page, QString::fromLatin1(id), QStringLiteral("No"));
        auto *nausea = page.findChild<QWidget *>(QStringLiteral("options:nausea"));
        nausea->findChildren<QRadioButton *>().first()->click();
        for (const char *id : {"sideeffects.other", "newmeds"}) {
            const QString name = QStringLiteral("edit:") + QString::fromLatin1(id);
            if (auto *text = page.findChild<QPlainTextEdit *>(name))
                text->setPlainText(QStringLiteral("None"));
            else
                QTest::keyClicks(page.findChild<QLineEdit *>(name), QStringLiteral("None"));
        }
        page.findChild<QCheckBox *>(QStringLiteral("edit:consent.truthful"))->click();
    }
    int checkins()
    {
        auto all = VisitRepository(*m_store).all();
        int n = 0;
        for (const auto &row : all.value())
            n += row.visitType == DueList::checkinType();
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(writeKeyFile(m_dir));
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        // The console's own services: the outbox sends to the sandbox.
        m_services = openServices(m_dir.filePath(QStringLiteral("store")), *m_keys,
                                  m_sandbox->clientConfig());
        m_store = m_services->store();
        QVERIFY(m_services->provider() && m_services->provider()->sender());
    }
    void cleanupTestCase()
    {
        m_services.reset();
        if (m_sandbox)
            QVERIFY(m_sandbox->stop());
    }

    void carriesOverShowsTheBmiAndRefusesBelow19()
    {
        const QString visit = programmeVisit();
        CheckinPage page(*m_store, QStringLiteral("ana"));
        QVERIFY(page.start(visit));
        page.resize(1366, 768);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        // The intake's 212 lb at 5 ft 7 in came over: BMI 33.2, shown and in the read-only item.
        QCOMPARE(line(page, CheckinRules::kWeight)->text(), QStringLiteral("212"));
        QCOMPARE(line(page, CheckinRules::kHeightFeet)->text(), QStringLiteral("5"));
        QCOMPARE(line(page, CheckinRules::kHeightInches)->text(), QStringLiteral("7"));
        auto *bmiLive = page.findChild<QLabel *>(QStringLiteral("bmiLive"));
        QCOMPARE(bmiLive->text(), QStringLiteral("BMI 33.2"));
        QCOMPARE(line(page, CheckinRules::kBmi)->text(), QStringLiteral("33.2"));
        const QStringList findings = auditTree(&page) + auditTabCycle(&page);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("carried"))
                    ->text()
                    .contains(QStringLiteral("Current weight")));

        // 110 lb: BMI 17.2, said live, and the check-in is refused before it is queued.
        type(page, CheckinRules::kWeight, QStringLiteral("110"));
        QCOMPARE(line(page, CheckinRules::kBmi)->text(), QStringLiteral("17.2"));
        QVERIFY(bmiLive->text().startsWith(QStringLiteral("BMI 17.2: below 19")));
        choose(page, CheckinRules::kTitration, QStringLiteral("Stay the same"));
        answerTheRest(page);
        const int before = checkins();
        QSignalSpy submitted(&page, &CheckinPage::submitted);
        QTest::keyClick(line(page, CheckinRules::kWeight), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(checkins(), before);
        auto *message = page.findChild<QLabel *>(QStringLiteral("checkinMessage"));
        QVERIFY(message->text().contains(CheckinRules::kBelowEligibility));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("error:weight"))
                    ->text()
                    .contains(CheckinRules::kBelowEligibility));
    }

    void eligibleCheckinIsSentAndItsFollowupDrafted()
    {
        const QString visit = programmeVisit();
        User user;
        user.username = QStringLiteral("ana");
        user.displayName = QStringLiteral("Ana Ruiz");
        QStackedWidget pages;
        SessionWorkspace session(*m_services, user, &pages);
        CheckinPage page(*m_store, QStringLiteral("ana"));
        QVERIFY(page.start(visit));
        page.resize(1366, 768);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        type(page, CheckinRules::kWeight, QStringLiteral("150"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("bmiLive"))->text(),
                 QStringLiteral("BMI 23.4"));
        choose(page, CheckinRules::kTitration, QStringLiteral("Decrease"));
        answerTheRest(page);
        QSignalSpy submitted(&page, &CheckinPage::submitted);
        QTest::keyClick(line(page, CheckinRules::kWeight), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(submitted.size() == 1,
                 qPrintable(page.findChild<QLabel *>(QStringLiteral("checkinMessage"))->text()));
        const QString checkin = submitted.at(0).at(0).toString();
        auto row = VisitRepository(*m_store).find(checkin);
        QVERIFY(row && row.value());
        QCOMPARE(row.value()->visitType, DueList::checkinType());
        // Queued as a check-in: the BMI's digits, the dose choice, no medication asked for.
        const QJsonObject body =
            QJsonDocument::fromJson(VisitRepository(*m_store).openCreateBody(checkin).value())
                .object();
        const QJsonObject form = body.value(QLatin1String("formObj")).toObject();
        QCOMPARE(body.value(QLatin1String("visitType")).toString(), DueList::checkinType());
        QCOMPARE(form.value(QLatin1String("BMI")).toString(), QStringLiteral("23"));
        QCOMPARE(form.value(QLatin1String("titration")).toString(), QStringLiteral("Decrease"));
        QVERIFY(!form.contains(QLatin1String("patientPreference")));

        // The outbox delivers it; the sandbox takes it and asks for a follow-up visit.
        QSignalSpy followup(m_services->provider()->sender(), &OutboxSender::followupNeeded);
        m_services->kickOutbox();
        QTRY_VERIFY_WITH_TIMEOUT(!followup.isEmpty(), 30000);
        QCOMPARE(followup.at(0).at(0).toString(), checkin);
        // The session opened a follow-up intake for the patient, the check-in's answers in it.
        IntakeWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = pages.findChild<IntakeWizard *>()) != nullptr);
        QCOMPARE(pages.currentWidget(), wizard);
        QCOMPARE(wizard->form().questionnaire().name(), DueList::followupType());
        QCOMPARE(wizard->form().patient().firstName, QStringLiteral("Lucía"));
        QCOMPARE(wizard->form().answer(CheckinRules::kWeight).toDouble(), 150.0);
        QVERIFY(!wizard->draftId().isEmpty());
    }
};

QTEST_MAIN(TestCheckinPage)
#include "tst_checkinpage.moc"
