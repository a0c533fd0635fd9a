// The next-titration request and the prescription change from the visit detail (issue 15, items
// 2 and 4), real widgets (offscreen) against the real clinicdesk-sandbox through the console's
// own provider link: a titration inside its window becomes a new prescription on the visit's
// prescription track, timeline and Due list; a visit resolved 95 days ago is refused with
// NEEDS_CHECKIN, explained, and "Start the check-in" reaches the page; a titration without a
// pharmacy is not sent, and one the provider does not know is refused, both putting the keyboard
// back on the pharmacy; a resend to another pharmacy is a new prescription.
#include "AccessibilityAudit.h"
#include "CareRequestDialog.h"
#include "CareSandboxScenes.h"
#include "ConsoleServices.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "VisitPrescriptionsTab.h"
#include "WindowSupport.h"
#include "provider/ProviderConnection.h"
#include "visits/DueList.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace clinicdesk;
using Request = CareGuidance::Request;

class TestCareRequestDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    User m_user;
    int m_phones = 0;

    QString nextPhone() { return QStringLiteral("51255504%1").arg(10 + ++m_phones); }

    struct Opened
    {
        std::unique_ptr<VisitDetailPage> page;
        CareRequestDialog *dialog = nullptr;
    };
    Opened open(const QString &visitId, Request request)
    {
        Opened o;
        o.page = std::make_unique<VisitDetailPage>(*m_store, *m_services->audit(), m_user,
                                                   m_services->provider(), visitId);
        o.page->resize(1366, 768);
        o.page->show();
        o.dialog = o.page->openCareDialog(request);
        return o;
    }
    // Sends with the keyboard (Enter: the send button is the default) and waits for the answer.
    static CareReply sendAndWait(CareRequestDialog *dialog)
    {
        QSignalSpy answered(dialog, &CareRequestDialog::answered);
        QTest::keyClick(dialog->findChild<QComboBox *>(QStringLiteral("medication")),
                        Qt::Key_Return);
        if (!answered.wait(30000))
            qFatal("no answer from the provider within 30 s");
        return answered.at(0).at(0).value<CareReply>();
    }
    static QString outcome(CareRequestDialog *dialog)
    {
        return dialog->findChild<QLabel *>(QStringLiteral("outcome"))->text();
    }
    static int prescriptionRows(VisitDetailPage &page)
    {
        return page.findChild<QTableWidget *>(QStringLiteral("prescriptions"))->rowCount();
    }
    static QString timelineText(VisitDetailPage &page)
    {
        auto *t = page.findChild<QTableWidget *>(QStringLiteral("timeline"));
        QStringList all;
        for (int row = 0; row < t->rowCount(); ++row)
            for (int column = 0; column < t->columnCount(); ++column)
                if (t->item(row, column))
                    all << t->item(row, column)->text();
        return all.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CareReply>();
        const QString failure = test::startSandboxConsole(m_dir, m_keys, m_sandbox, m_services);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_store = m_services->store();
        visittest::addUser(*m_store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        m_user.username = QStringLiteral("alice");
        m_user.displayName = QStringLiteral("Alice Front");
    }
    void cleanupTestCase() { QVERIFY(test::stopSandboxConsole(m_services, m_sandbox)); }

    void titrationInsideTheWindowIsANewPrescription()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 20);
        Opened o = open(visit.id, Request::NextTitration);
        QVERIFY(o.dialog);
        VisitDetailPage &page = *o.page;
        auto *titrate = page.findChild<QPushButton *>(QStringLiteral("titrationButton"));
        QVERIFY(!titrate->isHidden());
        const int rowsBefore = prescriptionRows(page);
        // Exactly one medication, the visit's, at the visit's pharmacy.
        auto *medication = o.dialog->findChild<QComboBox *>(QStringLiteral("medication"));
        QVERIFY(medication->currentText().startsWith(QStringLiteral("Semaglutide, 0.5 mg")));
        QCOMPARE(o.dialog->findChild<QLineEdit *>(QStringLiteral("pharmacy"))->text(),
                 QStringLiteral("ph_1"));
        QSignalSpy prescribed(o.dialog, &CareRequestDialog::prescribed);

        const CareReply reply = sendAndWait(o.dialog);
        QCOMPARE(int(reply.status), int(CareStatus::NewRxSent));
        QCOMPARE(prescribed.size(), 1);
        QCOMPARE(outcome(o.dialog),
                 CareGuidance::message(Request::NextTitration, CareStatus::NewRxSent, reply.info));
        QVERIFY(o.dialog->findChild<QPushButton *>(QStringLiteral("nextStep"))->isHidden());
        const QStringList findings = test::auditTree(o.dialog) + test::auditTabCycle(o.dialog);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        QVERIFY(!o.dialog->findChild<QPushButton *>(QStringLiteral("send"))->isEnabled());
        // On the prescription track and the timeline of the page behind.
        QCOMPARE(prescriptionRows(page), rowsBefore + 1);
        QVERIFY(timelineText(page).contains(
            QStringLiteral("Next titration prescription sent to the pharmacy")));
        // The Due list counts the window from the new prescription: 15 days on, it is open.
        auto due =
            DueList::compute(*m_store, QDateTime::currentMSecsSinceEpoch() + 15 * DueList::kDayMs);
        QVERIFY(due);
        bool found = false;
        for (const DueList::Item &i : due->items())
            found = found || (i.visitId == visit.id && i.kind == DueList::Kind::Titration &&
                              i.daysSince == 15);
        QVERIFY(found);
        o.dialog->reject();
    }

    void needsCheckinIsExplainedAndOffersTheCheckin()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 95);
        Opened o = open(visit.id, Request::NextTitration);
        QSignalSpy checkin(o.page.get(), &VisitDetailPage::checkinRequested);
        const CareReply reply = sendAndWait(o.dialog);
        QCOMPARE(int(reply.status), int(CareStatus::NeedsCheckin));
        QCOMPARE(outcome(o.dialog),
                 CareGuidance::message(Request::NextTitration, CareStatus::NeedsCheckin));
        auto *next = o.dialog->findChild<QPushButton *>(QStringLiteral("nextStep"));
        QVERIFY(!next->isHidden());
        QCOMPARE(next->text(), CareGuidance::actionLabel(CareNextStep::StartCheckin));
        QTRY_VERIFY(next->hasFocus());
        QTest::keyClick(next, Qt::Key_Space);
        QCOMPARE(checkin.size(), 1);
        QCOMPARE(checkin.at(0).at(0).toString(), visit.id);
    }

    void unknownPharmacyGoesBackToThePharmacy()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 20);
        Opened o = open(visit.id, Request::NextTitration);
        auto *pharmacy = o.dialog->findChild<QLineEdit *>(QStringLiteral("pharmacy"));
        // No pharmacy: said before anything is asked, and the keyboard goes there.
        pharmacy->clear();
        QSignalSpy answered(o.dialog, &CareRequestDialog::answered);
        QTest::keyClick(o.dialog->findChild<QComboBox *>(QStringLiteral("medication")),
                        Qt::Key_Return);
        QVERIFY(!o.dialog->busy());
        QVERIFY(outcome(o.dialog).contains(QStringLiteral("pharmacy id")));
        QTRY_VERIFY(pharmacy->hasFocus());
        QCOMPARE(answered.size(), 0);
        pharmacy->setText(QStringLiteral("ph_9999"));
        const CareReply reply = sendAndWait(o.dialog);
        QCOMPARE(int(reply.status), int(CareStatus::PharmacyMismatch));
        QCOMPARE(outcome(o.dialog),
                 CareGuidance::message(Request::NextTitration, CareStatus::PharmacyMismatch));
        auto *next = o.dialog->findChild<QPushButton *>(QStringLiteral("nextStep"));
        QTRY_VERIFY(next->hasFocus());
        QTest::keyClick(next, Qt::Key_Space);
        QTRY_VERIFY(pharmacy->hasFocus());
        o.dialog->reject();
    }

    void resendToAnotherPharmacyIsANewPrescription()
    {
        const auto visit = test::careProgrammeVisit(*m_store, *m_sandbox, nextPhone(), 0);
        Opened o = open(visit.id, Request::PrescriptionChange);
        QVERIFY(!o.page->findChild<QPushButton *>(QStringLiteral("changeButton"))->isHidden());
        const int rowsBefore = prescriptionRows(*o.page);
        auto *medication = o.dialog->findChild<QComboBox *>(QStringLiteral("medication"));
        QCOMPARE(medication->currentIndex(), 0); // keep the medication: a resend
        o.dialog->findChild<QLineEdit *>(QStringLiteral("pharmacy"))
            ->setText(QStringLiteral("ph_2"));
        const CareReply reply = sendAndWait(o.dialog);
        QCOMPARE(int(reply.status), int(CareStatus::NewRxSent));
        QCOMPARE(outcome(o.dialog), CareGuidance::message(Request::PrescriptionChange,
                                                          CareStatus::NewRxSent, reply.info));
        QCOMPARE(prescriptionRows(*o.page), rowsBefore + 1);
        QVERIFY(timelineText(*o.page).contains(
            QStringLiteral("Changed prescription sent to the pharmacy")));
        o.dialog->reject();
    }
};

QTEST_MAIN(TestCareRequestDialog)
#include "tst_carerequestdialog.moc"
