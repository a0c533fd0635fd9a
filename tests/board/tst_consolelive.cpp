// Several consoles, live (issue 16): two consoles ("PC A" and "PC B": real windows, each with its
// own data dir and its own copy of the key ring) on one PostgreSQL store. A visit submitted at
// A, an event the relay applies at A and a message reach B's open board and open visit detail
// within a second, pushed by LISTEN/NOTIFY (no relay notifier, no refresh, no polling); A's own
// board follows too. After B's listening connection is terminated on the server, B listens again,
// re-reads what it shows, and later changes still arrive. A draft open at A is refused at B with
// who has it, where and since when.
#include "BoardFixture.h"
#include "DraftsPage.h"
#include "HomePage.h"
#include "IntakeWizard.h"
#include "MainWindow.h"
#include "SessionWorkspace.h"
#include "SignInPage.h"
#include "TestSupport.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"
#include "VisitDetailPage.h"
#include "VisitFixDialog.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "intake/DraftAutosaver.h"
#include "intake/DraftRepository.h"
#include "store/ChangeFeed.h"
#include "store/Leases.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;

namespace {

const QString kPassword = QStringLiteral("tangerine ladder oboe");

} // namespace

class TestConsoleLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    StoreLocation m_location;
    std::unique_ptr<KeyFileKeyProvider> m_keysA, m_keysB, m_keysRelay;
    std::unique_ptr<LocalStore> m_relayStore; // the relay's own connection at PC A
    std::unique_ptr<BoardFixture> m_fx;
    std::unique_ptr<MainWindow> m_a, m_b;
    QString m_patient, m_visit;
    qint64 m_cursor = 0;

    std::unique_ptr<MainWindow> console(const QString &pc, KeyFileKeyProvider *keys,
                                        const QString &user)
    {
        const QString dataDir = m_dir.filePath(pc);
        const StoreLocation location = m_location;
        auto window = std::make_unique<MainWindow>(
            [dataDir, keys, location] {
                return LocalStore::open({dataDir, keys, false, location, false});
            },
            PasswordHasher(PasswordHasher::testing()));
        window->resize(1366, 768);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        window->start();
        if (!typeSignIn(*window, user, kPassword))
            return nullptr;
        return window;
    }

    void relayApplies(const QJsonObject &payload)
    {
        QJsonObject body = payload;
        body.insert(QStringLiteral("masterId"), m_fx->masterIdOf(m_visit));
        ++m_cursor;
        const QJsonObject event{{QStringLiteral("cursor"), m_cursor},
                                {QStringLiteral("id"), QStringLiteral("msg_two_%1").arg(m_cursor)},
                                {QStringLiteral("provider"), QStringLiteral("beluga")},
                                {QStringLiteral("receivedAt"), TimeText::utcNow()},
                                {QStringLiteral("payload"), body}};
        auto report = VisitEventApplier(*m_relayStore).applyBatch({event});
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->applied, 1);
    }

    static QString statusOn(MainWindow &window, const QString &visitId)
    {
        VisitBoardPage *board = window.board();
        const int row = board ? board->model()->rowOf(visitId) : -1;
        return row < 0
                   ? QString()
                   : board->model()->index(row, VisitBoardModel::StatusColumn).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        QStandardPaths::setTestModeEnabled(true);
        const QString relayDir = m_dir.filePath(QStringLiteral("relay-a"));
        const QString keyA = m_dir.filePath(QStringLiteral("a.key"));
        m_keysRelay = std::make_unique<KeyFileKeyProvider>(keyA);
        m_relayStore = openStore(relayDir, *m_keysRelay);
        m_location = storeLocation(relayDir);
        // Each console keeps its own copy of the clinic's key ring.
        for (const char *pc : {"b.key", "c.key"})
            QVERIFY(QFile::copy(keyA, m_dir.filePath(QLatin1String(pc))));
        m_keysA = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("b.key")));
        m_keysB = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("c.key")));

        UserRepository users(*m_relayStore, PasswordHasher(PasswordHasher::testing()));
        QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Staff,
                                 kPassword));
        QVERIFY(users.createUser(QStringLiteral("ben"), QStringLiteral("Ben Ortiz"), Role::Staff,
                                 kPassword));
        m_fx = std::make_unique<BoardFixture>(*m_relayStore);
        m_patient = m_fx->addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                     QDate(1980, 1, 2), QStringLiteral("5125550110"));
        m_visit = m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Submitted,
                                  VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_fx.reset();
        m_relayStore.reset();
    }

    void otherConsolesFollowWithinASecond()
    {
        m_a = console(QStringLiteral("pc-a"), m_keysA.get(), QStringLiteral("ana"));
        m_b = console(QStringLiteral("pc-b"), m_keysB.get(), QStringLiteral("ben"));
        QVERIFY(m_a && m_b);
        QTRY_VERIFY(qobject_cast<HomePage *>(m_a->currentPage()));
        QTRY_VERIFY(qobject_cast<HomePage *>(m_b->currentPage()));
        QVERIFY(m_b->services().changeFeed());
        QCOMPARE(m_b->board()->model()->rowCount(), 1);

        // A visit submitted at PC A appears on both boards.
        QElapsedTimer clock;
        clock.start();
        const QString added =
            m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Submitted,
                            VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
        QTRY_COMPARE_WITH_TIMEOUT(m_b->board()->model()->rowCount(), 2, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->board()->model()->rowCount(), 2, 1000);
        qInfo("visit at A -> board at B: %lld ms", clock.elapsed());
        QVERIFY(!statusOn(*m_b, added).isEmpty());

        // The clinician asks a question (the relay at A applies it): B's board shows it.
        clock.restart();
        relayApplies({{QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                      {QStringLiteral("content"), QStringLiteral("Any allergies?")}});
        QTRY_COMPARE_WITH_TIMEOUT(statusOn(*m_b, m_visit), QStringLiteral("Needs information"),
                                  1000);
        qInfo("relay event at A -> board at B: %lld ms", clock.elapsed());
        QCOMPARE(m_b->board()->unreadCount(), 1);

        // B opens the visit; the next message reaches the open detail.
        m_b->openVisit(m_visit);
        QTRY_VERIFY(qobject_cast<VisitDetailPage *>(m_b->currentPage()));
        auto *detail = qobject_cast<VisitDetailPage *>(m_b->currentPage());
        const int before = detail->record().messages.size();
        clock.restart();
        relayApplies({{QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                      {QStringLiteral("content"), QStringLiteral("And current medication?")}});
        QTRY_COMPARE_WITH_TIMEOUT(detail->record().messages.size(), before + 1, 1000);
        qInfo("message at A -> open detail at B: %lld ms", clock.elapsed());
    }

    void followsAgainAfterTheConnectionIsKilled()
    {
        QVERIFY(m_b);
        ChangeFeed *feed = m_b->services().changeFeed();
        QVERIFY(feed);
        auto *detail = qobject_cast<VisitDetailPage *>(m_b->currentPage());
        QVERIFY(detail);
        QSignalSpy resynced(feed, &ChangeFeed::resynced);
        QVERIFY(m_relayStore->db().exec(QStringLiteral("SELECT pg_terminate_backend(?)"),
                                        {feed->backendPid()}));
        QVERIFY(resynced.wait(5000));

        relayApplies({{QStringLiteral("event"), QStringLiteral("CONSULT_CONCLUDED")},
                      {QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}});
        QTRY_COMPARE_WITH_TIMEOUT(VisitStateMachine::name(detail->record().status),
                                  QStringLiteral("Prescribed"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOn(*m_b, m_visit), QStringLiteral("Prescribed"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOn(*m_a, m_visit), QStringLiteral("Prescribed"), 1000);
    }

    void draftOpenAtAIsRefusedAtB()
    {
        QVERIFY(m_a && m_b);
        // Ana starts an intake at A and types: the draft is saved, and leased to her at A.
        m_a->openIntake();
        auto *wizard = qobject_cast<IntakeWizard *>(m_a->currentPage());
        QVERIFY(wizard);
        QSignalSpy saved(&wizard->autosaver(), &DraftAutosaver::saved);
        auto *first = wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.firstName"));
        QVERIFY(first);
        QTest::keyClicks(first, QStringLiteral("Lucia"));
        QVERIFY(saved.wait(5000));
        const QString draftId = wizard->draftId();
        auto holder = Leases(m_relayStore->db()).holder(Leases::draft(draftId));
        QVERIFY(holder && holder.value());
        QCOMPARE(holder.value()->ownerName, QStringLiteral("Ana Ruiz"));

        // Ben opens the same draft at B: refused, with who, where and since when.
        QString said;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box) {
                said = box->text();
                box->accept();
            }
        });
        QWidget *pageBefore = m_b->currentPage();
        m_b->openIntake(draftId);
        QVERIFY2(said.contains(QLatin1String("in use by Ana Ruiz at ")), qPrintable(said));
        QVERIFY(said.contains(holder.value()->workstation));
        QCOMPARE(m_b->currentPage(), pageBefore);

        // Ana saves and closes: the lease goes with the wizard, and Ben continues her draft.
        wizard->flushDraft();
        delete wizard;
        QVERIFY(!Leases(m_relayStore->db()).holder(Leases::draft(draftId)).value());
        m_b->openIntake(draftId);
        auto *atB = qobject_cast<IntakeWizard *>(m_b->currentPage());
        QVERIFY(atB);
        QCOMPARE(atB->draftId(), draftId);
        QCOMPARE(atB->findChild<QLineEdit *>(QStringLiteral("edit:patient.firstName"))->text(),
                 QStringLiteral("Lucia"));
        QCOMPARE(Leases(m_relayStore->db()).holder(Leases::draft(draftId)).value()->ownerName,
                 QStringLiteral("Ben Ortiz"));
    }

    void visitCorrectedAtAIsRefusedAtB()
    {
        QVERIFY(m_a && m_b);
        const QString refused =
            m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Rejected,
                            VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
        const auto openFix = [&](MainWindow &window) -> VisitDetailPage * {
            window.openVisit(refused);
            auto *page = qobject_cast<VisitDetailPage *>(window.currentPage());
            if (!page || page->visitId() != refused)
                return nullptr;
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("fixAndResubmit")),
                              Qt::LeftButton);
            return page;
        };
        // Ana corrects it at A: the visit is hers while the dialog is open.
        VisitDetailPage *atA = openFix(*m_a);
        QVERIFY(atA);
        auto *dialog = atA->findChild<VisitFixDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Ben tries at B: no dialog, and the page says who has it.
        VisitDetailPage *atB = openFix(*m_b);
        QVERIFY(atB);
        QVERIFY(!atB->findChild<VisitFixDialog *>());
        const QString said = atB->findChild<QLabel *>(QStringLiteral("checkResult"))->text();
        QVERIFY2(said.contains(QLatin1String("in use by Ana Ruiz at ")), qPrintable(said));
        // Ana closes the dialog: the visit is free again.
        dialog->reject();
        QTRY_VERIFY(!Leases(m_relayStore->db()).holder(Leases::visit(refused)).value());
        QTest::mouseClick(atB->findChild<QPushButton *>(QStringLiteral("fixAndResubmit")),
                          Qt::LeftButton);
        QVERIFY(atB->findChild<VisitFixDialog *>());
    }

    void draftsListFollowsOtherWorkstations()
    {
        QVERIFY(m_b);
        m_b->showDrafts();
        auto *page = qobject_cast<DraftsPage *>(m_b->currentPage());
        QVERIFY(page);
        auto *list = page->findChild<QAbstractItemView *>(QStringLiteral("drafts"));
        QVERIFY(list && list->model());
        const int before = list->model()->rowCount();
        Draft draft;
        draft.ownerUser = QStringLiteral("ana");
        draft.visitType = QStringLiteral("ED");
        draft.answers = {{QStringLiteral("patient.firstName"), QStringLiteral("Maria")}};
        auto id = DraftRepository(*m_relayStore).save(draft);
        QVERIFY(id);
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), before + 1, 2000);
        QVERIFY(DraftRepository(*m_relayStore).remove(id.value()));
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), before, 2000);
    }
};

QTEST_MAIN(TestConsoleLive)
#include "tst_consolelive.moc"
