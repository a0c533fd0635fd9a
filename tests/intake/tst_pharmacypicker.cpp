// The pharmacy picker (issue 14, item 3), real widgets (offscreen) against the real
// clinicdesk-sandbox: a ZIP search lists the directory's pharmacies nearest first; the keyboard
// alone searches (Enter), chooses (arrows) and picks (Enter); no results, "State not valid", a
// half-typed ZIP and a provider that is down each get their calm message; in the intake wizard
// the pick fills the pharmacy and the submitted createNoPay body carries its pharmacyId; in the
// prescription-change dialog the pick becomes the pharmacy id sent. The picker passes the
// accessibility audit (tests/ui/AccessibilityAudit.h).
#include "AccessibilityAudit.h"
#include "CareRequestDialog.h"
#include "IntakeSupport.h"
#include "IntakeWizard.h"
#include "PharmacyPickerDialog.h"
#include "SandboxPharmacyDirectory.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "intake/DraftRepository.h"
#include "provider/ProviderClient.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;

class TestPharmacyPicker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ProviderClient> m_client;

    static QString message(QWidget *picker)
    {
        return picker->findChild<QLabel *>(QStringLiteral("pharmacyMessage"))->text();
    }
    // Types into the picker's fields and presses Enter in the last one; waits for the answer.
    static bool searchWith(PharmacyPickerDialog *picker, const QString &zip,
                           const QString &state = {})
    {
        QSignalSpy searched(picker, &PharmacyPickerDialog::searched);
        auto *zipEdit = picker->findChild<QLineEdit *>(QStringLiteral("zip"));
        auto *stateEdit = picker->findChild<QLineEdit *>(QStringLiteral("state"));
        zipEdit->clear();
        QTest::keyClicks(zipEdit, zip);
        stateEdit->clear();
        QTest::keyClicks(stateEdit, state);
        QTest::keyClick(stateEdit, Qt::Key_Return);
        return searched.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->failure()));
        auto store =
            LocalStore::open({m_dir.filePath(QStringLiteral("store")), m_keys.get(), false});
        QVERIFY(store);
        m_store = std::move(store.value());
        m_client = std::make_unique<ProviderClient>(m_sandbox->clientConfig());
    }
    void cleanupTestCase()
    {
        m_client.reset();
        if (m_sandbox)
            QVERIFY(m_sandbox->stop());
    }

    void zipSearchListsTheDirectoryAndTheKeyboardPicks()
    {
        const auto expected = SandboxPharmacyDirectory::search({}, {}, {}, QStringLiteral("78701"));
        QVERIFY(expected.size() > 2);
        PharmacyPickerDialog picker(m_client.get());
        picker.resize(1366, 768);
        picker.show();
        QApplication::setActiveWindow(&picker);
        QVERIFY(QTest::qWaitForWindowActive(&picker));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("zip"));
        QVERIFY(searchWith(&picker, QStringLiteral("78701")));
        auto *list = picker.findChild<QListWidget *>(QStringLiteral("pharmacies"));
        QCOMPARE(list->count(), int(expected.size()));
        QCOMPARE(picker.results().first().pharmacyId, QStringLiteral("ph_1"));
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(list->item(i)->text().startsWith(expected.at(i).name + QStringLiteral(", ") +
                                                     expected.at(i).address));
        QVERIFY(list->item(0)->text().contains(QStringLiteral("(")));
        QCOMPARE(QApplication::focusWidget(), list);
        // Named controls, Tab in reading order, with the results listed.
        const QStringList findings = test::auditTree(&picker) + test::auditTabCycle(&picker);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(message(&picker).contains(QString::number(expected.size())));
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(picker.result(), int(QDialog::Accepted));
        QCOMPARE(picker.chosen().pharmacyId, expected.at(2).pharmacyId);
    }

    void noResultsRefusalsAndADownProviderAreSaidCalmly()
    {
        PharmacyPickerDialog picker(m_client.get());
        picker.show();
        QVERIFY(searchWith(&picker, QStringLiteral("99501"))); // Alaska: not in the directory
        QVERIFY(message(&picker).startsWith(QStringLiteral("No pharmacy found")));
        QCOMPARE(picker.results().size(), 0);
        QVERIFY(searchWith(&picker, QStringLiteral("78701"), QStringLiteral("ZZ")));
        QVERIFY2(message(&picker).contains(QStringLiteral("State not valid")),
                 qPrintable(message(&picker)));
        // A half-typed ZIP is not sent at all.
        picker.setZip(QStringLiteral("787"));
        QVERIFY(!picker.search());
        QVERIFY(message(&picker).contains(QStringLiteral("5-digit")));
        // Esc cancels.
        QTest::keyClick(picker.findChild<QLineEdit *>(QStringLiteral("zip")), Qt::Key_Escape);
        QCOMPARE(picker.result(), int(QDialog::Rejected));

        ProviderClient::Config down = m_sandbox->clientConfig(3000);
        down.baseUrl.setPort(1); // nothing listens there
        ProviderClient unreachable(down);
        PharmacyPickerDialog offline(&unreachable);
        offline.show();
        QVERIFY(searchWith(&offline, QStringLiteral("78701")));
        QVERIFY2(message(&offline).contains(QStringLiteral("cannot be reached")),
                 qPrintable(message(&offline)));
    }

    void theWizardSubmitsThePickedPharmacyId()
    {
        const IntakeForm filled =
            test::completeIntake(QStringLiteral("hairloss"), test::intakePatient("2145550199"));
        Draft draft;
        draft.ownerUser = QStringLiteral("alice");
        draft.visitType = QStringLiteral("hairloss");
        draft.answers = filled.allAnswers();
        draft.page = 1;
        auto id = DraftRepository(*m_store).save(draft);
        QVERIFY(id);
        IntakeWizard wizard(*m_store, QStringLiteral("alice"));
        wizard.setProviderClient(m_client.get());
        wizard.resize(1366, 768);
        wizard.show();
        QApplication::setActiveWindow(&wizard);
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        QVERIFY(wizard.resume(*id));
        QCOMPARE(wizard.currentStep(), 1);
        auto *choose = wizard.findChild<QPushButton *>(QStringLiteral("choosePharmacy"));
        QVERIFY(choose);
        QVERIFY(choose->isVisible());
        QTest::keyClick(choose, Qt::Key_Space);
        auto *picker = wizard.findChild<PharmacyPickerDialog *>();
        QVERIFY(picker);
        // The pharmacy's ZIP is already typed: Enter searches it.
        QCOMPARE(picker->findChild<QLineEdit *>(QStringLiteral("zip"))->text(),
                 QStringLiteral("75201"));
        QSignalSpy searched(picker, &PharmacyPickerDialog::searched);
        QTest::keyClick(picker->findChild<QLineEdit *>(QStringLiteral("zip")), Qt::Key_Return);
        QVERIFY(searched.wait(20000));
        const auto expected = SandboxPharmacyDirectory::search({}, {}, {}, QStringLiteral("75201"));
        QVERIFY(expected.size() > 1);
        auto *list = picker->findChild<QListWidget *>(QStringLiteral("pharmacies"));
        QCOMPARE(list->count(), int(expected.size()));
        QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        const SandboxPharmacyDirectory::Pharmacy &want = expected.at(1);
        QCOMPARE(wizard.form().text(QStringLiteral("pharmacy.id")), want.pharmacyId);
        QVERIFY(wizard.form().text(QStringLiteral("pharmacy.name")).startsWith(want.name));
        auto *idEdit = wizard.findChild<QLineEdit *>(QStringLiteral("edit:pharmacy.id"));
        QVERIFY(idEdit && idEdit->isReadOnly());
        QCOMPARE(idEdit->text(), want.pharmacyId);
        QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("chosenPharmacy"))
                    ->text()
                    .contains(want.name));
        QTRY_COMPARE(wizard.focusWidget(), choose); // the keyboard goes back to the button

        QSignalSpy submitted(&wizard, &IntakeWizard::submitted);
        wizard.goToStep(wizard.stepCount() - 1);
        QVERIFY(wizard.submit());
        QCOMPARE(submitted.count(), 1);
        const QString visitId = submitted.first().first().toString();
        auto body = VisitRepository(*m_store).openCreateBody(visitId);
        QVERIFY(body);
        QCOMPARE(QJsonDocument::fromJson(body.value())
                     .object()
                     .value(QLatin1String("pharmacyId"))
                     .toString(),
                 want.pharmacyId);
    }

    void theChangeDialogSendsThePickedPharmacy()
    {
        AuditLog audit(*m_store, nullptr);
        User user;
        user.username = QStringLiteral("alice");
        CareRequestDialog dialog(CareGuidance::Request::PrescriptionChange, *m_store, audit, user,
                                 m_client.get(), QStringLiteral("no-such-visit"),
                                 QStringLiteral("weightloss"), QStringLiteral("Ana"));
        dialog.show();
        PharmacyPickerDialog *picker = dialog.choosePharmacy();
        QVERIFY(searchWith(picker, QStringLiteral("98101"))); // Seattle
        QVERIFY(picker->results().size() > 0);
        const Pharmacy first = picker->results().first();
        QTest::keyClick(picker->findChild<QListWidget *>(QStringLiteral("pharmacies")),
                        Qt::Key_Return);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("pharmacy"))->text(),
                 first.pharmacyId);
        auto *chosen = dialog.findChild<QLabel *>(QStringLiteral("chosenPharmacy"));
        QVERIFY(chosen->isVisible());
        QCOMPARE(chosen->text(), PharmacyPickerDialog::describe(first));
    }
};

QTEST_MAIN(TestPharmacyPicker)
#include "tst_pharmacypicker.moc"
