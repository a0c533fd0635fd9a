// Issue 18's keyboard findings, one test each: the board's date filters let Tab through and do
// not jump to 2000, the audit export's dates too; the wizard opens on First name and moves the
// keyboard once per step, never to the step list, and a visit type change leaves it where it is;
// every main action is in the menu bar with its shortcut; the unfinished intakes have a way back
// and a Tab order that follows the screen.
#include "AccessibilityAudit.h"
#include "AuditExportDialog.h"
#include "ConsoleFixture.h"
#include "DateField.h"
#include "DraftsPage.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"

#include <QAction>
#include <QComboBox>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace clinicdesk;
using namespace clinicdesk::test;

class TestKeyboardFindings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleFixture> m_console;

    static QWidget *focused() { return QApplication::focusWidget(); }
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focused(), key, modifiers);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_console = std::make_unique<ConsoleFixture>(m_dir);
        QVERIFY(m_console->openSignedIn());
    }

    void cleanup() { m_console.reset(); }

    void boardDatesLetTabThroughAndStartAtToday()
    {
        VisitBoardPage *board = m_console->window->board();
        auto *from = board->findChild<DateField *>(QStringLiteral("fromDate"));
        auto *to = board->findChild<DateField *>(QStringLiteral("toDate"));
        const int visits = board->view()->model()->rowCount();
        QVERIFY(visits > 0);
        from->setFocus(Qt::TabFocusReason);
        QVERIFY(from->isAny());
        press(Qt::Key_Tab);
        QCOMPARE(focused(), to);
        press(Qt::Key_Tab);
        QCOMPARE(focused(), board->view());
        press(Qt::Key_Backtab);
        QCOMPARE(focused(), to);
        press(Qt::Key_Backtab);
        QCOMPARE(focused(), from);
        // Up on "Any" starts at today: the board keeps the visits submitted since midnight (the
        // scenes are dated hours back, so shortly after midnight some are yesterday's).
        const QAbstractItemModel *rows = board->view()->model();
        const qint64 midnight = QDate::currentDate().startOfDay().toMSecsSinceEpoch();
        int today = 0;
        for (int r = 0; r < visits; ++r)
            today += rows->index(r, VisitBoardModel::SubmittedAtColumn)
                         .data(VisitBoardModel::SortRole)
                         .toLongLong() >= midnight;
        press(Qt::Key_Up);
        QCOMPARE(from->date(), QDate::currentDate());
        QVERIFY(!from->isAny());
        QCOMPARE(rows->rowCount(), today);
        press(Qt::Key_Tab);
        QCOMPARE(focused(), to); // a real date: Tab still moves on
        press(Qt::Key_Backtab);
        press(Qt::Key_Delete);
        QVERIFY(from->isAny());
    }

    void auditExportDatesLetTabThrough()
    {
        AuditExportDialog dialog(*m_console->window->accountAdmin(),
                                 m_console->window->currentUser().value());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *from = dialog.findChild<QDateEdit *>(QStringLiteral("fromEdit"));
        auto *to = dialog.findChild<QDateEdit *>(QStringLiteral("toEdit"));
        from->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Tab);
        QCOMPARE(focused(), to);
        press(Qt::Key_Tab);
        QCOMPARE(focused(), dialog.findChild<QComboBox *>(QStringLiteral("userEdit")));
    }

    void wizardOpensOnFirstName()
    {
        m_console->window->openIntake();
        QTRY_VERIFY(focused());
        QCOMPARE(focused()->objectName(), QStringLiteral("edit:patient.firstName"));
    }

    void stepChangeMovesTheKeyboardOnce()
    {
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        QVERIFY(wizard);
        // The step list is a display: never selected, never current (each would reach a screen
        // reader as an event from the list, after the new step's first field took the keyboard).
        auto *steps = wizard->findChild<QListWidget *>(QStringLiteral("steps"));
        QSignalSpy selected(steps->selectionModel(), &QItemSelectionModel::selectionChanged);
        QSignalSpy current(steps->selectionModel(), &QItemSelectionModel::currentChanged);
        QSignalSpy moved(qApp, &QApplication::focusChanged);
        press(Qt::Key_Return, Qt::ControlModifier); // Next
        QCOMPARE(wizard->currentStep(), 1);
        auto *type = wizard->findChild<QComboBox *>(QStringLiteral("visitType"));
        QCOMPARE(focused(), type);
        for (const auto &args : moved)
            qDebug() << "MOVED" << describe(args.value(0).value<QWidget *>())
                     << describe(args.value(1).value<QWidget *>());
        // The old field lets go, the new one takes the keyboard: one focus a reader announces.
        QList<QWidget *> gained;
        for (const QList<QVariant> &change : std::as_const(moved))
            if (QWidget *now = change.value(1).value<QWidget *>())
                gained << now;
        QCOMPARE(gained, QList<QWidget *>{type});
        QCOMPARE(selected.size(), 0);
        QCOMPARE(current.size(), 0);
        QVERIFY(steps->selectedItems().isEmpty());
        QVERIFY(
            steps->item(1)->data(Qt::AccessibleTextRole).toString().contains(wizard->stepTitle(1)));
    }

    void visitTypeChangeLeavesTheKeyboardAlone()
    {
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        QVERIFY(wizard->goNext());
        auto *type = wizard->findChild<QComboBox *>(QStringLiteral("visitType"));
        QCOMPARE(focused(), type);
        for (int i = 0; i < 3; ++i) {
            QSignalSpy moved(qApp, &QApplication::focusChanged);
            const QString before = wizard->form().questionnaire().name();
            press(Qt::Key_Down);
            QVERIFY(wizard->form().questionnaire().name() != before); // the questions changed
            QCOMPARE(focused(), type);
            QVERIFY2(moved.isEmpty(),
                     qPrintable(describe(moved.value(0).value(1).value<QWidget *>())));
        }
    }

    void signInLeavesTheKeyboardOnTheBoard()
    {
        // Signing in moves the keyboard once, to the visits table on its first row (it used to
        // stop on "New intake" first, where Qt's page switch put it, then jump to the table).
        m_console->window->signOut();
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("usernameEdit"));
        QSignalSpy moved(qApp, &QApplication::focusChanged);
        QVERIFY(typeSignIn(*m_console->window, QStringLiteral("ana"), kFixturePassword));
        QTRY_VERIFY(m_console->current<HomePage>());
        QTableView *view = m_console->window->board()->view();
        QCOMPARE(focused(), view);
        QVERIFY(view->currentIndex().isValid());
        QList<QWidget *> gained;
        for (const QList<QVariant> &change : std::as_const(moved))
            if (QWidget *now = change.value(1).value<QWidget *>())
                gained << now;
        QCOMPARE(gained, QList<QWidget *>{view});
    }

    void everyMainActionIsInTheMenuBarWithItsShortcut()
    {
        auto *bar = m_console->window->findChild<QMenuBar *>();
        QVERIFY(bar);
        QVERIFY(bar->isVisible());
        QStringList found;
        for (QAction *menu : bar->actions()) {
            QVERIFY(menu->isVisible());
            for (QAction *action : menu->menu()->actions()) {
                if (action->isSeparator())
                    continue;
                QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
                found << action->objectName();
            }
        }
        for (const char *name :
             {"actionHome", "actionNewIntake", "actionDrafts", "actionAccounts",
              "actionExportAudit", "actionVerifyAudit", "actionLock", "actionSignOut"})
            QVERIFY2(found.contains(QLatin1String(name)), name);
        // F10 opens it from wherever the keyboard is.
        press(Qt::Key_F10);
        QTRY_VERIFY(bar->activeAction());
        press(Qt::Key_Escape);
    }

    void unfinishedIntakesHaveAWayBack()
    {
        m_console->window->showDrafts();
        QTRY_VERIFY(m_console->current<DraftsPage>());
        auto *back = m_console->current<DraftsPage>()->findChild<QPushButton *>(
            QStringLiteral("backButton"));
        QVERIFY(back && back->isVisible());
        press(Qt::Key_Escape);
        QTRY_VERIFY(m_console->current<HomePage>());
        // Tab follows the screen there (and everywhere: tst_accessibility).
        m_console->window->showDrafts();
        QTRY_VERIFY(m_console->current<DraftsPage>());
        const QStringList findings = auditTabCycle(m_console->window->currentPage());
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestKeyboardFindings)
#include "tst_keyboardfindings.moc"
