// Renders the console's ongoing-care screens at 1366x768 for docs/screenshots (not a test):
//   QT_QPA_PLATFORM=offscreen build/bin/care_screenshots docs/screenshots [clinicdesk_es.qm]
// due-{en,es}.png: the board's Due view 80 days after the scene's resolutions (CareScenes.h);
// titration-{en,es}.png: the next-titration request of a visit resolved 95 days ago, refused by
// the real sandbox (NEEDS_CHECKIN) and explained; checkin-{en,es}.png: the check-in with the
// weight and height carried over, the weight changed to a BMI below 19 and refused before
// sending, with the provider's reason; link-patient-{en,es}.png: the intake's patient step with a
// phone no local patient has, looked up at the real sandbox and offered for linking.
#include "CareRequestDialog.h"
#include "CareSandboxScenes.h"
#include "CareScenes.h"
#include "CheckinPage.h"
#include "ConsoleServices.h"
#include "DuePanel.h"
#include "IntakeWizard.h"
#include "MainWindow.h"
#include "NameCorrectionDialog.h"
#include "QuestionnairePage.h"
#include "SandboxPayloads.h"
#include "ScreenshotLanguage.h"
#include "TestSupport.h"
#include "VisitBoardPage.h"
#include "VisitDetailPage.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "provider/ProviderConnection.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>

using namespace clinicdesk;

namespace {

QString g_out;
QString g_suffix;

void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
}

bool save(const QPixmap &picture, const QString &name)
{
    const QString path = QDir(g_out).filePath(name + g_suffix);
    if (!picture.save(path))
        return false;
    std::printf("wrote %s\n", qPrintable(path));
    return true;
}

// The page with its dialog drawn over the middle, as staff see them.
QPixmap withDialog(QWidget *page, QWidget *dialog)
{
    QPixmap picture = page->grab();
    const QPixmap top = dialog->grab();
    QPainter painter(&picture);
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60));
    const QPoint at((picture.width() - top.width()) / 2, (picture.height() - top.height()) / 3);
    painter.fillRect(QRect(at + QPoint(4, 4), top.size()), QColor(0, 0, 0, 70));
    painter.drawPixmap(at, top);
    return picture;
}

int dueView(const QString &dir, KeyProvider &keys)
{
    const QString dataDir = QDir(dir).filePath(QStringLiteral("due"));
    test::CareScene scene;
    {
        auto store = test::openStore(dataDir, keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        if (!users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Staff,
                              QStringLiteral("tangerine ladder oboe")))
            return 1;
        scene = test::CareScene::build(*store);
    }
    MainWindow window(
        [&] {
            return LocalStore::open({dataDir, &keys, false});
        },
        PasswordHasher(PasswordHasher::testing()));
    window.resize(1366, 768);
    window.show();
    window.start();
    QApplication::processEvents();
    if (!test::typeSignIn(window, QStringLiteral("ana"), QStringLiteral("tangerine ladder oboe")))
        return 3;
    if (!QTest::qWaitFor([&] { return window.board() != nullptr; }, 5000))
        return 3;
    VisitBoardPage *board = window.board();
    board->duePanel()->setClock([&] { return scene.dueNowMs(); });
    board->reloadAll();
    board->showDue(true);
    board->duePanel()->view()->clearFocus();
    settle();
    return save(window.grab(), QStringLiteral("due")) ? 0 : 1;
}

int titrationAndCheckin(const QString &dir, KeyProvider &keys)
{
    SandboxProcess sandbox(QDir(dir).filePath(QStringLiteral("sandbox")));
    if (!sandbox.start() || !sandbox.setClinician({{"decision", "manual"}}))
        return 4;
    auto services = test::openServices(QDir(dir).filePath(QStringLiteral("care")), keys,
                                       sandbox.clientConfig());
    LocalStore &store = *services->store();
    visittest::addUser(store, QStringLiteral("ana"), QStringLiteral("Ana Ruiz"));
    User user;
    user.username = QStringLiteral("ana");
    user.displayName = QStringLiteral("Ana Ruiz");
    const auto visit = test::careProgrammeVisit(store, sandbox, QStringLiteral("5125550611"), 95);
    {
        VisitDetailPage page(store, *services->audit(), user, services->provider(), visit.id);
        page.resize(1366, 768);
        page.show();
        page.findChild<QTabWidget *>(QStringLiteral("sections"))->setCurrentIndex(1);
        CareRequestDialog *dialog = page.openCareDialog(CareGuidance::Request::NextTitration);
        QSignalSpy answered(dialog, &CareRequestDialog::answered);
        dialog->send();
        if (!answered.wait(30000))
            return 5;
        settle();
        if (!save(withDialog(&page, dialog), QStringLiteral("titration")))
            return 1;
        dialog->reject();
    }
    {
        // The name correction refused once the provider approved the patient's ID.
        const auto named =
            test::careProgrammeVisit(store, sandbox, QStringLiteral("5125550613"), 20);
        if (!sandbox.control(QStringLiteral("/_sandbox/visits/") + named.masterId +
                             QStringLiteral("/approveId")))
            return 7;
        VisitDetailPage page(store, *services->audit(), user, services->provider(), named.id);
        page.resize(1366, 768);
        page.show();
        NameCorrectionDialog *dialog = page.openNameDialog();
        if (!dialog)
            return 8;
        auto *last = dialog->findChild<QLineEdit *>(QStringLiteral("lastName"));
        last->selectAll();
        QTest::keyClicks(last, QStringLiteral("McTestfield"));
        QSignalSpy corrected(dialog, &NameCorrectionDialog::corrected);
        QTest::keyClick(last, Qt::Key_Return);
        if (!corrected.wait(30000))
            return 9;
        settle();
        if (!save(withDialog(&page, dialog), QStringLiteral("namecorrection")))
            return 1;
        dialog->reject();
    }
    {
        // A patient only the provider knows (two visits): the intake offers to link them.
        const QString phone = QStringLiteral("5125550614");
        // Two earlier visits (one resolved weight-loss visit, one still open).
        const auto first =
            sandbox.request("POST", QStringLiteral("/visit/createNoPay"),
                            sandboxtest::createBody(QStringLiteral("bel-7f3a21"), phone,
                                                    QStringLiteral("weightloss")));
        if (first.body.value(QLatin1String("status")).toInt() != 200 ||
            !sandbox.control(QStringLiteral("/_sandbox/visits/bel-7f3a21/resolve"),
                             {{QStringLiteral("medId"), QStringLiteral("sema-0.5")},
                              {QStringLiteral("daysAgo"), 40}}))
            return 10;
        const auto second =
            sandbox.request("POST", QStringLiteral("/visit/createNoPay"),
                            sandboxtest::createBody(QStringLiteral("bel-9c0e44"), phone));
        if (second.body.value(QLatin1String("status")).toInt() != 200)
            return 10;
        IntakeWizard wizard(store, user.username);
        wizard.setProviderClient(services->provider()->client());
        wizard.setAuditLog(services->audit());
        wizard.resize(1366, 768);
        wizard.show();
        auto *phoneEdit = wizard.findChild<QLineEdit *>(QStringLiteral("edit:patient.phone"));
        phoneEdit->setFocus();
        QTest::keyClicks(phoneEdit, QStringLiteral("(512) 555-0614"));
        wizard.findChild<QPushButton *>(QStringLiteral("askProvider"))->click();
        auto *link = wizard.findChild<QPushButton *>(QStringLiteral("linkProviderPatient"));
        if (!QTest::qWaitFor([&] { return link->isVisible(); }, 30000))
            return 11;
        settle();
        if (!save(wizard.grab(), QStringLiteral("link-patient")))
            return 1;
    }
    // The check-in from a programme visit made by an intake, so its answers carry over.
    test::BoardFixture fx(store);
    const QString patient = fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                          QDate(1984, 5, 6), QStringLiteral("5125550612"));
    const QString programme =
        fx.addVisit({patient, DueList::programmeType(), VisitStateMachine::Status::Prescribed,
                     VisitStateMachine::RxStatus::Written});
    CheckinPage checkin(store, user.username);
    if (!checkin.start(programme))
        return 6;
    checkin.resize(1366, 768);
    checkin.show();
    auto *weight = checkin.findChild<QLineEdit *>(QStringLiteral("edit:weight"));
    weight->setFocus();
    weight->selectAll();
    QTest::keyClicks(weight, QStringLiteral("110"));
    checkin.submit();
    settle();
    return save(checkin.grab(), QStringLiteral("checkin")) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    g_out = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(g_out);
    test::ScreenshotLanguage language;
    if (!language.setUp(app.arguments().value(2)))
        return 2;
    g_suffix = language.spanish() ? QStringLiteral("-es.png") : QStringLiteral("-en.png");
    // English plurals ("5 days left") come from the English catalogue, as the console loads it.
    QTranslator english;
    if (!language.spanish() && english.load(QCoreApplication::applicationDirPath() +
                                            QStringLiteral("/../translations/clinicdesk_en.qm")))
        QCoreApplication::installTranslator(&english);
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(test::writeKeyFile(tmp));
    if (const int r = dueView(tmp.path(), keys); r != 0)
        return r;
    return titrationAndCheckin(tmp.path(), keys);
}
