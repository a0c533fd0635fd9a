// A patient's name corrected by staff (issue 15, item 5) against the real clinicdesk-sandbox over
// HTTPS: the correction goes to the provider for each of the patient's open visits (a queued
// one is not the provider's yet), the provider then holds the new name, the local patient takes
// it and the visit's timeline keeps both names; once the patient's ID is approved the sandbox
// answers "Name change no longer allowed", which staff read explained and the timeline records.
#include "AccessibilityAudit.h"
#include "CareSandboxScenes.h"
#include "ConsoleServices.h"
#include "NameCorrectionDialog.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "provider/ProviderConnection.h"
#include "store/PatientRepository.h"
#include "visits/NameCorrection.h"
#include "visits/VisitRecord.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;

class TestNameCorrection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;

    QList<NameCorrection::Outcome> sendAndWait(const QList<NameCorrection::Target> &targets,
                                               const QString &first, const QString &last)
    {
        std::optional<QList<NameCorrection::Outcome>> got;
        NameCorrection::send(*m_services->provider()->client(), targets, first, last,
                             [&](const QList<NameCorrection::Outcome> &o) { got = o; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 30000))
            qFatal("no answer from the sandbox within 30 s");
        return *got;
    }
    QString patientOf(const QString &visitId)
    {
        auto row = VisitRepository(*m_store).find(visitId);
        return row && row.value() ? row.value()->patientId : QString();
    }
    QStringList timeline(const QString &visitId)
    {
        auto record = VisitRecordReader(*m_store).read(visitId);
        QStringList labels;
        if (record)
            for (const auto &e : record->timeline)
                labels << e.label;
        return labels;
    }
    QString providerLastName(const QString &phone)
    {
        const auto r = m_sandbox->request("GET", QStringLiteral("/patient/externalFetch/") + phone);
        return r.body.value("data").toObject().value("lastName").toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString failure = test::startSandboxConsole(m_dir, m_keys, m_sandbox, m_services);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_store = m_services->store();
    }
    void cleanupTestCase() { QVERIFY(test::stopSandboxConsole(m_services, m_sandbox)); }

    void correctionReachesTheProviderAndKeepsBothNames()
    {
        const QString phone = QStringLiteral("5125550901");
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, phone, 20);
        const QString patientId = patientOf(visit.id);
        QVERIFY(!patientId.isEmpty());
        auto targets = NameCorrection::openVisits(*m_store, patientId);
        QVERIFY(targets);
        QCOMPARE(targets->size(), 1);
        QCOMPARE(targets->first().masterId, visit.masterId);

        auto before = PatientRepository(*m_store).get(patientId);
        QVERIFY(before);
        QVERIFY(providerLastName(phone) != QStringLiteral("Corrected"));
        const auto outcomes = sendAndWait(*targets, before->firstName, QStringLiteral("Corrected"));
        QCOMPARE(outcomes.size(), 1);
        QCOMPARE(outcomes.first().status, NameChangeStatus::Updated);
        QCOMPARE(providerLastName(phone), QStringLiteral("Corrected"));
        // A second visit of the same patient, still queued: not the provider's to correct.
        // Checked before the event loop runs again, so the outbox cannot have delivered it (it
        // would then be the provider's, and carry the name it was queued with).
        const auto queued = test::submitIntake(
            *m_store,
            test::completeIntake(QStringLiteral("weightloss"), visittest::samplePatient(phone)),
            QStringLiteral("alice"), patientId);
        QCOMPARE(patientOf(queued.visitId), patientId);
        const auto stillOpen = NameCorrection::openVisits(*m_store, patientId);
        QVERIFY(stillOpen);
        QCOMPARE(stillOpen->size(), 1);
        QCOMPARE(stillOpen->first().masterId, visit.masterId);

        QVERIFY(NameCorrection::record(*m_store, *m_services->audit(), patientId, before->firstName,
                                       QStringLiteral("Corrected"), outcomes,
                                       QStringLiteral("alice")));
        QCOMPARE(PatientRepository(*m_store).get(patientId)->lastName, QStringLiteral("Corrected"));
        const QString expected =
            QStringLiteral("Patient name corrected by staff: %1 Corrected (was %1 %2); the "
                           "provider has it")
                .arg(before->firstName, before->lastName);
        QVERIFY2(timeline(visit.id).contains(expected), qPrintable(timeline(visit.id).join('\n')));
    }

    void approvedIdIsRefusedAndExplained()
    {
        const QString phone = QStringLiteral("5125550902");
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, phone, 20);
        QVERIFY(m_sandbox->control(QStringLiteral("/_sandbox/visits/") + visit.masterId +
                                   QStringLiteral("/approveId")));
        const QString patientId = patientOf(visit.id);
        auto targets = NameCorrection::openVisits(*m_store, patientId);
        QVERIFY(targets);
        QCOMPARE(targets->size(), 1);
        const auto outcomes =
            sendAndWait(*targets, QStringLiteral("Testy"), QStringLiteral("Late"));
        QCOMPARE(outcomes.first().status, NameChangeStatus::NoLongerAllowed);
        QVERIFY(providerLastName(phone) != QStringLiteral("Late"));
        const QString why = NameCorrection::explain(outcomes.first().status);
        QVERIFY(why.contains(QStringLiteral("ID")));
        QVERIFY(why != NameCorrection::explain(NameChangeStatus::NotAccepted));
        QVERIFY(NameCorrection::record(*m_store, *m_services->audit(), patientId,
                                       QStringLiteral("Testy"), QStringLiteral("Late"), outcomes,
                                       QStringLiteral("alice")));
        const QStringList labels = timeline(visit.id);
        QVERIFY2(std::any_of(labels.cbegin(), labels.cend(),
                             [](const QString &l) {
                                 return l.startsWith(
                                            QStringLiteral("Patient name corrected by staff: "
                                                           "Testy Late (was ")) &&
                                        l.endsWith(QStringLiteral("the provider keeps the old "
                                                                  "name (ID already approved)"));
                             }),
                 qPrintable(labels.join('\n')));
    }

    // The dialog as staff use it: the patient tab's "Correct name…", the keyboard only (type the
    // last name, Enter sends), the answer explained, the tab showing the new name afterwards.
    void dialogFromThePatientTab()
    {
        const QString phone = QStringLiteral("5125550903");
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, phone, 20);
        User user;
        user.username = QStringLiteral("alice");
        VisitDetailPage page(*m_store, *m_services->audit(), user, m_services->provider(),
                             visit.id);
        page.resize(1366, 768);
        page.show();
        auto *button = page.findChild<QPushButton *>(QStringLiteral("correctNameButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QVERIFY(!button->accessibleName().isEmpty());
        button->click();
        auto *dialog = page.findChild<NameCorrectionDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *last = dialog->findChild<QLineEdit *>(QStringLiteral("lastName"));
        QTRY_VERIFY2(last->hasFocus(), qPrintable(test::describe(QApplication::focusWidget())));
        const QStringList findings = test::auditTree(dialog) + test::auditTabCycle(dialog);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join('\n')));
        last->setFocus();
        // Unchanged: nothing is sent.
        QTest::keyClick(last, Qt::Key_Return);
        auto *outcome = dialog->findChild<QLabel *>(QStringLiteral("outcome"));
        QCOMPARE(outcome->text(), QStringLiteral("The name is unchanged: nothing to send."));
        last->selectAll();
        QTest::keyClicks(last, QStringLiteral("Fixed"));
        QSignalSpy corrected(dialog, &NameCorrectionDialog::corrected);
        QTest::keyClick(last, Qt::Key_Return);
        QVERIFY(corrected.wait(30000));
        QVERIFY2(outcome->text().contains(NameCorrection::explain(NameChangeStatus::Updated)),
                 qPrintable(outcome->text()));
        QCOMPARE(providerLastName(phone), QStringLiteral("Fixed"));
        QTRY_COMPARE(page.findChild<QLabel *>(QStringLiteral("lastNameValue"))->text(),
                     QStringLiteral("Fixed"));
    }
};

QTEST_MAIN(TestNameCorrection)
#include "tst_namecorrection.moc"
