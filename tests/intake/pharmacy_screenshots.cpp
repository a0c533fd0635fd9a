// Renders the pharmacy picker over the intake's pharmacy step at 1366x768 for docs/screenshots
// (not a test), searched through the real sandbox:
//   QT_QPA_PLATFORM=offscreen build/bin/pharmacy_screenshots docs/screenshots [clinicdesk_es.qm]
// pharmacy-{en,es}.png: ZIP 75201 searched, the second pharmacy chosen with the arrows.
#include "IntakeSupport.h"
#include "IntakeWizard.h"
#include "PharmacyPickerDialog.h"
#include "SandboxProcess.h"
#include "ScreenshotLanguage.h"
#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "provider/ProviderClient.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTranslator>

using namespace clinicdesk;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(out);
    test::ScreenshotLanguage language;
    if (!language.setUp(app.arguments().value(2)))
        return 2;
    QTranslator english;
    if (!language.spanish() && english.load(QCoreApplication::applicationDirPath() +
                                            QStringLiteral("/../translations/clinicdesk_en.qm")))
        QCoreApplication::installTranslator(&english);
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(test::writeKeyFile(tmp));
    SandboxProcess sandbox(QDir(tmp.path()).filePath(QStringLiteral("sandbox")));
    if (!sandbox.start())
        return 4;
    auto store =
        LocalStore::open({QDir(tmp.path()).filePath(QStringLiteral("store")), &keys, false});
    if (!store)
        return 3;
    ProviderClient client(sandbox.clientConfig());
    Draft draft;
    draft.ownerUser = QStringLiteral("ana");
    draft.visitType = QStringLiteral("hairloss");
    draft.answers =
        test::completeIntake(QStringLiteral("hairloss"), test::intakePatient("2145550177"))
            .allAnswers();
    draft.page = 1;
    auto id = DraftRepository(*store.value()).save(draft);
    if (!id)
        return 3;
    IntakeWizard wizard(*store.value(), QStringLiteral("ana"));
    wizard.setProviderClient(&client);
    wizard.resize(1366, 768);
    wizard.show();
    if (!wizard.resume(*id))
        return 3;
    auto *choose = wizard.findChild<QPushButton *>(QStringLiteral("choosePharmacy"));
    if (!choose)
        return 5;
    choose->click();
    auto *picker = wizard.findChild<PharmacyPickerDialog *>();
    QSignalSpy searched(picker, &PharmacyPickerDialog::searched);
    picker->search();
    if (!searched.wait(20000))
        return 5;
    auto *list = picker->findChild<QListWidget *>(QStringLiteral("pharmacies"));
    QTest::keyClick(list, Qt::Key_Down);
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
    QPixmap picture = wizard.grab();
    const QPixmap top = picker->grab();
    QPainter painter(&picture);
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60));
    const QPoint at((picture.width() - top.width()) / 2, (picture.height() - top.height()) / 3);
    painter.fillRect(QRect(at + QPoint(4, 4), top.size()), QColor(0, 0, 0, 70));
    painter.drawPixmap(at, top);
    painter.end();
    const QString path = QDir(out).filePath(language.spanish() ? QStringLiteral("pharmacy-es.png")
                                                               : QStringLiteral("pharmacy-en.png"));
    if (!picture.save(path))
        return 1;
    std::printf("wrote %s\n", qPrintable(path));
    picker->reject();
    return sandbox.stop() ? 0 : 6;
}
