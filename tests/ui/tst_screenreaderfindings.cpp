// Issue 18's screen-reader findings, one test each: values are said, not just their captions;
// the review summary can be read and names the visit type; errors sit with their field, keep
// the format hint and mark it invalid; results are announced; options carry their question,
// required fields say so, the status filters are radio buttons, new rows say "new"; the refusal
// banner is named and tied to Fix and resubmit; the words on screen say what they mean.
#include "AccessibilityAudit.h"
#include "AuditExportDialog.h"
#include "ConsoleFixture.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"
#include "VisitDetailPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>

using namespace clinicdesk;
using namespace clinicdesk::test;

namespace {

QString nameOf(QObject *object)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QString();
}

} // namespace

class TestScreenReaderFindings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleFixture> m_console;

    VisitDetailPage *openVisit(const QString &id)
    {
        m_console->window->openVisit(id);
        return m_console->current<VisitDetailPage>();
    }
    // The wizard on the step of `type` whose page is named `pageName`.
    IntakeWizard *wizardOn(const QString &type, const QString &pageName)
    {
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        auto *selector = wizard->findChild<QComboBox *>(QStringLiteral("visitType"));
        selector->setCurrentIndex(selector->findData(type));
        for (int step = 0; step < wizard->stepCount(); ++step)
            if (wizard->page(step)->objectName() == pageName)
                wizard->goToStep(step);
        return wizard;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_console = std::make_unique<ConsoleFixture>(m_dir);
        QVERIFY(m_console->openSignedIn());
    }

    void cleanup() { m_console.reset(); }

    void patientValuesAndPharmacyAreSaid()
    {
        VisitDetailPage *page = openVisit(m_console->scenes.prescribed);
        QVERIFY(page);
        QVERIFY(nameOf(page->findChild<QLabel *>(QStringLiteral("firstNameValue")))
                    .contains(QLatin1String("Ana")));
        QVERIFY(nameOf(page->findChild<QLabel *>(QStringLiteral("phoneValue")))
                    .contains(QLatin1String("5125550123")));
        const QString pharmacy = nameOf(page->findChild<QLabel *>(QStringLiteral("pharmacy")));
        for (const char *said : {"Shipped", "UPS", "1Z999AA10123456784"})
            QVERIFY2(pharmacy.contains(QLatin1String(said)), qPrintable(pharmacy));
    }

    void reviewCanBeReadAndNamesTheVisitType()
    {
        IntakeWizard *wizard = wizardOn(QStringLiteral("ED"), QStringLiteral("page:review"));
        QCOMPARE(wizard->currentStep(), wizard->stepCount() - 1);
        auto *review = wizard->findChild<QWidget *>(QStringLiteral("reviewSummary"));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(review);
        QVERIFY(iface->textInterface());
        const QString text =
            iface->textInterface()->text(0, iface->textInterface()->characterCount());
        QVERIFY2(text.contains(QLatin1String("Keyboard")), qPrintable(text));
        const QString type =
            wizard->findChild<QComboBox *>(QStringLiteral("visitType"))->currentText();
        QVERIFY2(text.contains(type), qPrintable(text));
        QVERIFY(review->focusPolicy() & Qt::TabFocus);
    }

    void exportDateErrorSitsWithTheDates()
    {
        AuditExportDialog dialog(*m_console->window->accountAdmin(),
                                 m_console->window->currentUser().value());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.setRange(QDate::currentDate(), QDate::currentDate().addDays(-3));
        QVERIFY(!dialog.exportNow());
        auto *to = dialog.findChild<QDateEdit *>(QStringLiteral("toEdit"));
        QCOMPARE(QApplication::focusWidget(), to);
        QCOMPARE(to->accessibleDescription(), dialog.errorText());
        QVERIFY(to->property("invalid").toBool());
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("fileEdit"))
                    ->accessibleDescription()
                    .isEmpty());
    }

    void errorsKeepTheHintAndMarkTheField()
    {
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        auto *dob = wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.dob"));
        dob->clear();
        QTest::keyClicks(dob, QStringLiteral("04121988"));
        auto *state = wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.state"));
        state->clear();
        QTest::keyClicks(state, QStringLiteral("ZZ"));
        QVERIFY(!wizard->goNext());
        auto *hint = wizard->findChild<QLabel *>(QStringLiteral("hint:patient.dob"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY(hint->text().contains(QLatin1String("MM/DD/YYYY")));
        QVERIFY(dob->property("invalid").toBool());
        // The words: the format, shown with the slashes; a state that is not one.
        const QString dobError = dob->accessibleDescription();
        QVERIFY2(dobError.contains(QLatin1String("MM/DD/YYYY")) &&
                     dobError.contains(QLatin1String("04/12/1988")),
                 qPrintable(dobError));
        QVERIFY2(state->accessibleDescription().contains(QLatin1String("ZZ is not a US state")),
                 qPrintable(state->accessibleDescription()));
        const QStringList findings = auditTree(wizard);
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    }

    void resultsAreAnnounced()
    {
        MainWindow *window = m_console->window.get();
        auto said = [window](const char *what) {
            return announcements(window).join(QLatin1Char('\n')).contains(QLatin1String(what));
        };
        // An intake's first save.
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        QTRY_VERIFY2(said("Draft saved"), qPrintable(announcements(window).join(QLatin1Char('|'))));
        wizard->findChild<QPushButton *>(QStringLiteral("saveClose"))->click();
        QTRY_VERIFY(m_console->current<HomePage>());
        // A submitted visit, said on the board the keyboard returns to.
        m_console->window->openIntake(m_console->saveCompleteDraft());
        wizard = m_console->current<IntakeWizard>();
        QVERIFY(wizard);
        QVERIFY(wizard->submit());
        QTRY_VERIFY(m_console->current<HomePage>());
        QVERIFY2(said("submitted"), qPrintable(announcements(window).join(QLatin1Char('|'))));
        // A reply queued.
        VisitDetailPage *page = openVisit(m_console->scenes.needsInfo);
        auto *reply = page->findChild<QPlainTextEdit *>(QStringLiteral("reply"));
        QTest::keyClicks(reply, QStringLiteral("No treatment so far."));
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(said("Reply queued"), qPrintable(announcements(window).join(QLatin1Char('|'))));
        // An export.
        AuditExportDialog dialog(*m_console->window->accountAdmin(),
                                 m_console->window->currentUser().value());
        dialog.show();
        dialog.setFilePath(m_dir.filePath(QStringLiteral("export.csv")));
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.errorText()));
        QVERIFY2(announcements(&dialog).join(QLatin1Char('\n')).contains(QLatin1String("Exported")),
                 qPrintable(announcements(&dialog).join(QLatin1Char('|'))));
    }

    void optionsCarryTheirQuestionAndRequiredIsSaid()
    {
        IntakeWizard *wizard = m_console->newIntakeWithPatient();
        auto *male = wizard->findChildren<QRadioButton *>().value(1);
        QVERIFY(male);
        QAccessibleInterface *group = namedGroupAbove(QAccessible::queryAccessibleInterface(male));
        QVERIFY(group);
        QCOMPARE(group->text(QAccessible::Name), QStringLiteral("Sex assigned at birth, required"));
        QCOMPARE(nameOf(wizard->findChild<QLineEdit *>(QStringLiteral("edit:patient.firstName"))),
                 QStringLiteral("First name, required"));
        // Diabetes' "Type 1" / "Type 2" and the history's check boxes: every step, every type.
        for (const QString &type : QuestionnaireLibrary::load().visitTypes()) {
            IntakeWizard *w = wizardOn(type, QStringLiteral("page:review"));
            for (int step = 0; step < w->stepCount(); ++step) {
                w->goToStep(step);
                const QStringList findings = auditTree(w);
                QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
            }
        }
    }

    void statusFiltersAreRadioButtonsAndNewRowsSayNew()
    {
        VisitBoardPage *board = m_console->window->board();
        auto *all = board->findChild<QToolButton *>(QStringLiteral("allFilter"));
        QAccessibleInterface *chip = QAccessible::queryAccessibleInterface(all);
        QCOMPARE(chip->role(), QAccessible::RadioButton);
        QVERIFY(chip->state().checked);
        QVERIFY(namedGroupAbove(chip));
        // The visit waiting for staff is new for ana: bold on screen, "new" when read.
        QAbstractItemModel *model = board->view()->model();
        int unread = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex patient = model->index(row, VisitBoardModel::PatientColumn);
            if (!patient.data(VisitBoardModel::UnreadRole).toBool())
                continue;
            ++unread;
            QVERIFY(patient.data(Qt::FontRole).value<QFont>().bold());
            QVERIFY2(
                patient.data(Qt::AccessibleTextRole).toString().endsWith(QLatin1String(", new")),
                qPrintable(patient.data(Qt::AccessibleTextRole).toString()));
        }
        QVERIFY(unread > 0);
    }

    void refusalBannerIsNamedAndTiedToFix()
    {
        VisitDetailPage *page = openVisit(m_console->scenes.refused);
        auto *banner = page->findChild<QWidget *>(QStringLiteral("rejectedBanner"));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(banner);
        QCOMPARE(iface->role(), QAccessible::Grouping);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        auto *fix = page->findChild<QPushButton *>(QStringLiteral("fixAndResubmit"));
        QCOMPARE(QApplication::focusWidget(), fix);
        QVERIFY(QAccessible::queryAccessibleInterface(fix)
                    ->text(QAccessible::Description)
                    .contains(QLatin1String("State not valid")));
    }

    void consentBoxesShowTheirStatement()
    {
        IntakeWizard *wizard =
            wizardOn(QStringLiteral("weightloss"), QStringLiteral("page:review"));
        QuestionnaireItemWidget *item =
            wizard->page(wizard->currentStep())->itemWidget(QStringLiteral("consent.truthful"));
        auto *box = item->findChild<QCheckBox *>();
        QVERIFY(box->text() != QLatin1String("Confirmed"));
        QLabel *statement = nullptr;
        for (QLabel *l : item->findChildren<QLabel *>())
            if (l->buddy() == box && l->isVisible())
                statement = l;
        QVERIFY(statement);
        QVERIFY(statement->text().startsWith(QLatin1String("The patient confirms")));
        // "…to the best of their knowledge, required": the statement, its full stop dropped.
        QCOMPARE(nameOf(box), QStringLiteral("%1, required").arg(statement->text().chopped(1)));
    }

    void longAnswerKeepsTheTypedLineInSight()
    {
        // The last question of a long step, below the fold: whatever brought the keyboard there
        // (a click, a screen reader's focus), the line being typed comes into sight.
        IntakeWizard *wizard = wizardOn(QStringLiteral("ED"), QStringLiteral("page:screening"));
        auto *text = wizard->findChild<QPlainTextEdit *>(QStringLiteral("edit:notes"));
        QVERIFY(text);
        auto *area = qobject_cast<QScrollArea *>(wizard->page(wizard->currentStep()));
        QVERIFY(area);
        text->setFocus(Qt::MouseFocusReason);
        for (int line = 1; line <= 15; ++line) {
            QTest::keyClicks(text, QStringLiteral("Note %1, typed at the desk").arg(line));
            QTest::keyClick(text, Qt::Key_Return);
        }
        QTest::keyClicks(text, QStringLiteral("the line being typed"));
        const QRect cursor = text->cursorRect();
        QVERIFY2(text->viewport()->rect().contains(cursor), "the line is outside the editor");
        // The page follows once it has laid out the grown editor (the next event-loop pass).
        QTRY_VERIFY2(area->viewport()->rect().contains(
                         text->viewport()->mapTo(area->viewport(), text->cursorRect().center())),
                     "the line is outside the page");
    }

    void submittedByIsNotCut()
    {
        VisitBoardPage *board = m_console->window->board();
        const int column = VisitBoardModel::SubmittedByColumn;
        QAbstractItemModel *model = board->view()->model();
        QFont bold = board->font();
        bold.setBold(true);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString name = model->index(row, column).data().toString();
            QVERIFY2(board->view()->columnWidth(column) >
                         QFontMetrics(bold).horizontalAdvance(name),
                     qPrintable(name));
        }
    }
};

QTEST_MAIN(TestScreenReaderFindings)
#include "tst_screenreaderfindings.moc"
