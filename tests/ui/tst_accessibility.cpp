// Every page and dialog of the console, opened offscreen in English and in Spanish, as a screen
// reader and a keyboard meet it (AccessibilityAudit.h): every control says what it is, every
// visible text is exposed, options carry their question, required and invalid fields say so,
// exclusive choices are radio buttons, and Tab and Shift+Tab go round every control of the page
// in reading order and back, with no trap and nothing out of reach.
#include "AccessibilityAudit.h"
#include "AccountCreateDialog.h"
#include "AccountPasswordDialog.h"
#include "AccountsPage.h"
#include "AuditExportDialog.h"
#include "DraftsPage.h"
#include "FirstRunPage.h"
#include "HomePage.h"
#include "IntakeWizard.h"
#include "LockPage.h"
#include "MainWindow.h"
#include "QuestionnairePage.h"
#include "SignInPage.h"
#include "StoreErrorPage.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "VisitFixDialog.h"
#include "VisitScenes.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "intake/QuestionnaireLibrary.h"

#include <QComboBox>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTranslator>

using namespace clinicdesk;
using namespace clinicdesk::test;

namespace {

const QString kPassword = QStringLiteral("tangerine ladder oboe");

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<MainWindow> m_window;
    visittest::VisitScenes m_scenes;
    QTranslator m_own;
    QTranslator m_qt;
    QStringList m_findings;

    // Collects what `page` gets wrong, named after `where`.
    void audit(const QString &where, QWidget *page, bool tabs = true)
    {
        QStringList found = auditTree(page);
        if (tabs)
            found += auditTabCycle(page);
        for (const QString &f : std::as_const(found))
            m_findings << where + QStringLiteral(": ") + f;
    }

    void verifyNoFindings()
    {
        const QStringList findings = std::exchange(m_findings, {});
        QVERIFY2(findings.isEmpty(),
                 qPrintable(QLatin1Char('\n') + findings.join(QLatin1Char('\n'))));
    }

    template<typename Page> Page *current()
    {
        return qobject_cast<Page *>(m_window->currentPage());
    }

    MainWindow::StoreOpener opener(const QString &dataDir)
    {
        return [this, dataDir] { return LocalStore::open({dataDir, m_keys.get(), false}); };
    }

    void openWindow(const QString &dataDir)
    {
        m_window = std::make_unique<MainWindow>(opener(dataDir),
                                                PasswordHasher(PasswordHasher::testing()));
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->start();
    }

    void signIn(const QString &username)
    {
        QVERIFY(typeSignIn(*m_window, username, kPassword));
        QTRY_VERIFY(current<HomePage>());
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dataDir = m_dir.filePath(QStringLiteral("console"));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("data.key")));
        auto store = openStore(m_dataDir, *m_keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Admin"), Role::Admin,
                                 kPassword));
        m_scenes = visittest::seedVisitScenes(*store);
        QVERIFY(m_own.load(QStringLiteral(CLINICDESK_ES_QM)));
        QVERIFY(m_qt.load(QLocale(QLocale::Spanish), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
                true); // Qt's own catalogue is optional
    }

    void init()
    {
        QFETCH_GLOBAL(QString, language);
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qt);
        if (language == QLatin1String("es")) {
            QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
            QCoreApplication::installTranslator(&m_own);
            QCoreApplication::installTranslator(&m_qt);
        } else {
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        }
        m_findings.clear();
    }

    void cleanup() { m_window.reset(); }

    void cleanupTestCase()
    {
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qt);
    }

    void firstRunAndStoreError()
    {
        openWindow(m_dir.filePath(QStringLiteral("empty-") + QUuid::createUuid().toString()));
        QVERIFY(current<FirstRunPage>());
        audit(QStringLiteral("first run"), m_window->currentPage());
        QTest::keyClick(
            m_window->currentPage()->findChild<QLineEdit *>(QStringLiteral("usernameEdit")),
            Qt::Key_Return); // every field empty
        audit(QStringLiteral("first run with errors"), m_window->currentPage(), false);
        m_window = std::make_unique<MainWindow>(
            [] {
                return Result<std::unique_ptr<LocalStore>>(
                    makeError(ErrorCode::KeychainUnavailable, QStringLiteral("no keychain")));
            },
            PasswordHasher(PasswordHasher::testing()));
        m_window->show();
        m_window->start();
        QVERIFY(current<StoreErrorPage>());
        audit(QStringLiteral("store error"), m_window->currentPage());
        verifyNoFindings();
    }

    void signInHomeAndLock()
    {
        openWindow(m_dataDir);
        QVERIFY(current<SignInPage>());
        audit(QStringLiteral("sign-in"), m_window->currentPage());
        signIn(QStringLiteral("ana"));
        audit(QStringLiteral("home and board"), m_window->currentPage());
        m_window->lockNow();
        QVERIFY(current<LockPage>());
        audit(QStringLiteral("lock"), m_window->currentPage());
        verifyNoFindings();
    }

    void accountsAndAuditDialogs()
    {
        openWindow(m_dataDir);
        signIn(QStringLiteral("ana"));
        m_window->showAccounts();
        QVERIFY(current<AccountsPage>());
        audit(QStringLiteral("accounts"), m_window->currentPage());
        const User actor = m_window->currentUser().value();
        {
            AccountCreateDialog dialog(*m_window->accountAdmin(), actor, m_window.get());
            dialog.show();
            audit(QStringLiteral("new account"), &dialog);
            dialog.submit(); // empty: every problem shown
            audit(QStringLiteral("new account with errors"), &dialog, false);
        }
        {
            AccountPasswordDialog dialog(*m_window->accountAdmin(), actor, actor, m_window.get());
            dialog.show();
            audit(QStringLiteral("set password"), &dialog);
        }
        {
            AuditExportDialog dialog(*m_window->accountAdmin(), actor, m_window.get());
            dialog.show();
            audit(QStringLiteral("audit export"), &dialog);
        }
        verifyNoFindings();
    }

    void unfinishedIntakes()
    {
        openWindow(m_dataDir);
        signIn(QStringLiteral("ana"));
        m_window->showDrafts();
        QTRY_VERIFY(current<DraftsPage>());
        audit(QStringLiteral("unfinished intakes"), m_window->currentPage());
        verifyNoFindings();
    }

    void everyIntakeStepOfEveryVisitType()
    {
        openWindow(m_dataDir);
        signIn(QStringLiteral("ana"));
        const QStringList types = QuestionnaireLibrary::load().visitTypes();
        QVERIFY(!types.isEmpty());
        for (const QString &type : types) {
            m_window->openIntake();
            auto *wizard = current<IntakeWizard>();
            QVERIFY(wizard);
            auto *selector = wizard->findChild<QComboBox *>(QStringLiteral("visitType"));
            selector->setCurrentIndex(selector->findData(type));
            for (int step = 0; step < wizard->stepCount(); ++step) {
                wizard->goToStep(step);
                audit(QStringLiteral("intake %1, step %2 (%3)")
                          .arg(type)
                          .arg(step + 1)
                          .arg(wizard->stepTitle(step)),
                      wizard);
            }
            // Every step's problems shown at once: invalid fields, hints kept.
            wizard->submit();
            for (int step = 0; step < wizard->stepCount(); ++step) {
                wizard->goToStep(step);
                wizard->page(step)->validate();
                audit(QStringLiteral("intake %1, step %2 with errors").arg(type).arg(step + 1),
                      wizard, false);
            }
            wizard->findChild<QPushButton *>(QStringLiteral("saveClose"))->click();
            QTRY_VERIFY(current<HomePage>());
        }
        verifyNoFindings();
    }

    void visitDetailAndFixDialog()
    {
        openWindow(m_dataDir);
        signIn(QStringLiteral("ana"));
        for (const QString &id : {m_scenes.prescribed, m_scenes.needsInfo, m_scenes.refused}) {
            m_window->openVisit(id);
            auto *page = current<VisitDetailPage>();
            QVERIFY(page);
            auto *tabs = page->findChild<QTabWidget *>(QStringLiteral("sections"));
            for (int tab = 0; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                audit(QStringLiteral("visit %1, tab %2")
                          .arg(VisitStateMachine::name(page->record().status))
                          .arg(tab + 1),
                      page);
            }
            if (id == m_scenes.refused) {
                page->openFixDialog();
                auto *dialog = page->findChild<VisitFixDialog *>();
                QVERIFY(dialog);
                QTRY_VERIFY(dialog->isVisible());
                audit(QStringLiteral("fix and resubmit"), dialog);
                dialog->reject();
            }
            page->findChild<QPushButton *>(QStringLiteral("back"))->click();
            QTRY_VERIFY(current<HomePage>());
        }
        verifyNoFindings();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
