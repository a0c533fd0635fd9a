// The board's Due view (issue 15, "What is due") as staff use it: real widgets (offscreen) over a
// real store with weight-loss patients in each due state (CareScenes.h), the board's "Due" chip
// and its count, the kind chips with theirs, the list sorted by days left both ways, a kind
// chosen from the keyboard, and a row opening its programme visit.
#include "AccessibilityAudit.h"
#include "CareScenes.h"
#include "DueListModel.h"
#include "DuePanel.h"
#include "FilterChip.h"
#include "TestSupport.h"
#include "VisitBoardPage.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Kind = DueList::Kind;

class TestDuePanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    CareScene m_scene;

    static QStringList column(const QTableView *view, int column, int role = Qt::DisplayRole)
    {
        QStringList values;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            values << view->model()->index(row, column).data(role).toString();
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(writeKeyFile(m_dir));
        m_store = openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
        m_scene = CareScene::build(*m_store);
    }
    void cleanupTestCase()
    {
        m_store.reset();
        m_keys.reset();
    }

    void dueChipCountsAndShowsTheList()
    {
        VisitBoardPage board(*m_store, nullptr, QStringLiteral("ana"));
        board.resize(1366, 700);
        DuePanel *due = board.duePanel();
        due->setClock([this] { return m_scene.dueNowMs(); });
        board.reloadAll();
        board.show();
        board.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&board));

        // 80 days on: 2 titrations, 3 check-ins, 1 programme ended.
        auto *chip = board.findChild<FilterChip *>(QStringLiteral("dueFilter"));
        QVERIFY(chip);
        QCOMPARE(chip->text(), QStringLiteral("Due (6)"));
        QVERIFY(chip->accessibleDescription().contains(QStringLiteral("2 next titrations")));
        QVERIFY(!due->isVisible());
        QCOMPARE(due->chip(-1)->text(), QStringLiteral("All due (6)"));
        QCOMPARE(due->chip(int(Kind::Titration))->text(), QStringLiteral("Next titration (2)"));
        QCOMPARE(due->chip(int(Kind::Checkin))->text(), QStringLiteral("Check-in (3)"));
        QCOMPARE(due->chip(int(Kind::ProgrammeEnded))->text(),
                 QStringLiteral("Programme ended (1)"));

        // Ctrl+D on the board: the Due view in place of the visits, the keyboard on its list.
        board.view()->setFocus();
        QTest::keyClick(board.view(), Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(due->isVisible());
        QVERIFY(!board.view()->isVisible());
        QVERIFY(chip->isChecked());
        QTRY_VERIFY(due->view()->hasFocus());
        // Every control named for a screen reader, and Tab reaches each one in reading order.
        const QStringList findings = auditTree(&board) + auditTabCycle(&board);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));

        // Most urgent first: the ended programme (0), Omar's titration (5), the check-ins (10),
        // Lucía's titration (40); descending turns it round.
        QTableView *view = due->view();
        QCOMPARE(view->model()->rowCount(), 6);
        QCOMPARE(column(view, DueListModel::DaysLeftColumn, DueListModel::SortRole),
                 (QStringList{"0", "5", "10", "10", "10", "40"}));
        QCOMPARE(view->model()->index(0, DueListModel::PatientColumn).data().toString(),
                 QStringLiteral("Example, Grace"));
        QCOMPARE(view->model()->index(1, DueListModel::KindColumn).data().toString(),
                 QStringLiteral("Next titration"));
        QVERIFY(view->model()
                    ->index(1, DueListModel::DaysLeftColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("5 day")));
        view->sortByColumn(DueListModel::DaysLeftColumn, Qt::DescendingOrder);
        QCOMPARE(column(view, DueListModel::DaysLeftColumn, DueListModel::SortRole),
                 (QStringList{"40", "10", "10", "10", "5", "0"}));
        QCOMPARE(view->model()->index(0, DueListModel::PatientColumn).data().toString(),
                 QStringLiteral("Demo, Lucía"));
        view->sortByColumn(DueListModel::DaysLeftColumn, Qt::AscendingOrder);

        // The kind chips from the keyboard: Shift+Tab to the group, Right to "Next titration".
        QTest::keyClick(view, Qt::Key_Backtab);
        QTRY_VERIFY(due->chip(-1)->hasFocus());
        QTest::keyClick(due->chip(-1), Qt::Key_Right);
        QTRY_VERIFY(due->chip(int(Kind::Titration))->isChecked());
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(column(view, DueListModel::PatientColumn),
                 (QStringList{"Test, Omar", "Demo, Lucía"}));
        due->showKind(int(Kind::Checkin));
        QCOMPARE(view->model()->rowCount(), 3);
        QVERIFY(column(view, 0, DueListModel::VisitIdRole).contains(m_scene.noahVisit));
        QVERIFY(!column(view, 0, DueListModel::VisitIdRole).contains(m_scene.graceVisit));

        // Enter on a row opens its programme visit.
        QSignalSpy opened(&board, &VisitBoardPage::openVisitRequested);
        due->showKind(int(Kind::ProgrammeEnded));
        QCOMPARE(view->model()->rowCount(), 1);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), m_scene.graceVisit);

        // Back to the visits: the board's own rows again.
        board.findChild<FilterChip *>(QStringLiteral("allFilter"))->click();
        QVERIFY(!due->isVisible());
        QVERIFY(board.view()->isVisible());
    }

    // On the wall clock everyone was resolved just now: only the programme whose months are used
    // up is due.
    void todayOnlyTheUsedUpProgrammeIsDue()
    {
        VisitBoardPage board(*m_store, nullptr, QStringLiteral("ana"));
        board.reloadAll();
        QCOMPARE(board.findChild<FilterChip *>(QStringLiteral("dueFilter"))->text(),
                 QStringLiteral("Due (1)"));
        board.showDue(true);
        QTableView *view = board.duePanel()->view();
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(DueListModel::VisitIdRole).toString(),
                 m_scene.graceVisit);
    }
};

QTEST_MAIN(TestDuePanel)
#include "tst_duepanel.moc"
