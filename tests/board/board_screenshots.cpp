// Renders the signed-in console with its visit board at 1366x768 for docs/screenshots (not a
// test): board_screenshots OUT_DIR [clinicdesk_es.qm]
#include "BoardFixture.h"
#include "MainWindow.h"
#include "ScreenshotLanguage.h"
#include "TestSupport.h"
#include "VisitBoardPage.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>

using namespace clinicdesk;
using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(out);
    test::ScreenshotLanguage language;
    if (!language.setUp(app.arguments().value(2)))
        return 2;
    const QString prefix = language.prefix(QStringLiteral("board"));
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(test::writeKeyFile(tmp));
    const QString dataDir = tmp.filePath(QStringLiteral("store"));
    {
        auto store = test::openStore(dataDir, keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        if (!users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Staff,
                              QStringLiteral("tangerine ladder oboe")) ||
            !users.createUser(QStringLiteral("luis"), QStringLiteral("Luis Ortega"), Role::Staff,
                              QStringLiteral("tangerine ladder oboe")))
            return 1;
        test::BoardFixture fx(*store);
        const qint64 h = test::BoardFixture::hours(1);
        struct Demo
        {
            const char *first, *last, *type;
            Status status;
            RxStatus rx;
            const char *by;
            qint64 createdAgo, updatedAgo;
        };
        const Demo demo[] = {
            {"Lucía", "Demo", "weightloss", Status::NeedsInfo, RxStatus::None, "ana", 5 * h, h / 4},
            {"Marcus", "Sample", "ED", Status::Rejected, RxStatus::None, "luis", 3 * h, 2 * h},
            {"Grace", "Example", "hairloss", Status::Submitted, RxStatus::None, "ana", 80 * h,
             60 * h},
            {"Omar", "Test", "weightloss", Status::Prescribed, RxStatus::Shipped, "luis", 30 * h,
             4 * h},
            {"Ivy", "Placeholder", "PE", Status::Prescribed, RxStatus::Delivered, "ana", 120 * h,
             20 * h},
            {"Noah", "Fictional", "weightlossfollowup", Status::Referred, RxStatus::None, "ana",
             50 * h, 40 * h},
            {"Zoe", "Mock", "ED", Status::Submitted, RxStatus::None, "luis", 2 * h, h},
            {"Ben", "Dummy", "hairloss", Status::Canceled, RxStatus::None, "ana", 200 * h, 150 * h},
            {"Eva", "Sample", "weightloss", Status::Queued, RxStatus::None, "luis", h / 6, h / 6},
        };
        int phone = 100; // 512-555-0101 onwards
        for (const Demo &d : demo) {
            ++phone;
            const QString patient =
                fx.addPatient(QString::fromUtf8(d.first), QString::fromUtf8(d.last),
                              QDate(1980, 1 + phone % 12, 1 + phone % 28),
                              QStringLiteral("5125550%1").arg(phone));
            fx.addVisit({patient, QString::fromLatin1(d.type), d.status, d.rx,
                         QString::fromLatin1(d.by), d.createdAgo, d.updatedAgo});
        }
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
    QApplication::processEvents();
    auto save = [&](const QString &name) {
        window.board()->view()->clearFocus(); // no caret or focus frame in the pictures
        const QString path = QDir(out).filePath(prefix + name);
        if (!window.grab().save(path))
            return false;
        std::printf("wrote %s\n", qPrintable(path));
        return true;
    };
    if (!save(QStringLiteral("01-overview.png")))
        return 1;
    window.board()->searchField()->setText(QStringLiteral("512-555-0101"));
    window.board()->search();
    QApplication::processEvents();
    if (!save(QStringLiteral("02-search.png")))
        return 1;
    return 0;
}
