// Renders every step of the intake wizard and the drafts list at 1366x768 into PNG files for
// the user guide (docs/screenshots/intake-*.png). Synthetic patient, a throwaway store:
//   QT_QPA_PLATFORM=offscreen build/bin/intake_screenshots docs/screenshots [clinicdesk_es.qm]
// With a Spanish catalogue (lrelease translations/clinicdesk_es.ts) the shots are in Spanish,
// questionnaire text included, and named intake-es-*.png.
#include "DraftsPage.h"
#include "IntakeWizard.h"
#include "QuestionnaireItemWidget.h"
#include "QuestionnairePage.h"
#include "ScreenshotLanguage.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace clinicdesk;

namespace {

QString g_prefix = QStringLiteral("intake-");

void shoot(QWidget *w, const QString &dir, const QString &name)
{
    if (auto *wizard = qobject_cast<IntakeWizard *>(w))
        wizard->flushDraft(); // so the status line shows the saved draft
    QCoreApplication::processEvents();
    const QString path = QDir(dir).filePath(g_prefix + name + QStringLiteral(".png"));
    if (!w->grab().save(path))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

void typeInto(QWidget *root, const QString &linkId, const QString &text)
{
    if (auto *w = root->findChild<QWidget *>(QStringLiteral("edit:") + linkId))
        QTest::keyClicks(w, text);
}

void press(QWidget *root, const QString &linkId, int button = -1)
{
    auto *b = root->findChild<QAbstractButton *>(QStringLiteral("edit:") + linkId);
    if (!b)
        return;
    if (button >= 0 && b->group())
        b = b->group()->button(button);
    QTest::keyClick(b, Qt::Key_Space);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(out);
    test::ScreenshotLanguage language;
    if (!language.setUp(app.arguments().value(2)))
        return 2;
    g_prefix = language.prefix(QStringLiteral("intake"));
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(tmp.filePath(QStringLiteral("data.key")));
    if (!keys.save({}, KeyRing::generate()))
        return 1;
    auto store = LocalStore::open({tmp.filePath(QStringLiteral("store")), &keys, false});
    if (!store)
        return 1;

    IntakeWizard wizard(**store, QStringLiteral("alice"));
    wizard.resize(1366, 768);
    wizard.show();
    QApplication::setActiveWindow(&wizard);
    wizard.goToStep(0);
    shoot(&wizard, out, QStringLiteral("01-patient-empty"));
    wizard.goNext();
    shoot(&wizard, out, QStringLiteral("02-patient-validation"));
    for (const auto &[id, text] : QList<std::pair<QString, QString>>{
             {QStringLiteral("patient.firstName"), QStringLiteral("Ana")},
             {QStringLiteral("patient.lastName"), QStringLiteral("Sample")},
             {QStringLiteral("patient.dob"), QStringLiteral("04/09/1980")},
             {QStringLiteral("patient.phone"), QStringLiteral("(512) 555-0123")},
             {QStringLiteral("patient.email"), QStringLiteral("ana.sample@example.org")},
             {QStringLiteral("patient.address"), QStringLiteral("100 Example Ave")},
             {QStringLiteral("patient.city"), QStringLiteral("Austin")},
             {QStringLiteral("patient.state"), QStringLiteral("TX")},
             {QStringLiteral("patient.zip"), QStringLiteral("78701")}})
        typeInto(&wizard, id, text);
    press(&wizard, QStringLiteral("patient.sex"), 0);
    shoot(&wizard, out, QStringLiteral("03-patient-filled"));
    // The message questions at the foot of the page (docs/notifications.md): e-mail yes, texts
    // no, Spanish.
    press(&wizard, QStringLiteral("patient.consentEmail"), 1); // button ids: 1 yes, 0 no
    press(&wizard, QStringLiteral("patient.consentSms"), 0);
    press(&wizard, QStringLiteral("patient.language"), 1);
    for (QScrollArea *area : wizard.findChildren<QScrollArea *>()) {
        if (area->isVisible())
            area->verticalScrollBar()->setValue(area->verticalScrollBar()->maximum());
    }
    shoot(&wizard, out, QStringLiteral("03-patient-messages"));
    wizard.goNext();
    shoot(&wizard, out, QStringLiteral("04-visit-type"));
    auto *type = wizard.findChild<QComboBox *>(QStringLiteral("visitType"));
    type->setCurrentIndex(type->findData(QStringLiteral("weightloss")));
    press(&wizard, QStringLiteral("medication"));
    typeInto(&wizard, QStringLiteral("pharmacy.name"),
             QStringLiteral("Example Pharmacy, 5 Main St"));
    typeInto(&wizard, QStringLiteral("pharmacy.zip"), QStringLiteral("78701"));
    shoot(&wizard, out, QStringLiteral("05-visit"));
    wizard.goNext();
    typeInto(&wizard, QStringLiteral("conditions"), QStringLiteral("High blood pressure"));
    typeInto(&wizard, QStringLiteral("medications"), QStringLiteral("Lisinopril 10 mg daily"));
    typeInto(&wizard, QStringLiteral("allergies"), QStringLiteral("None"));
    typeInto(&wizard, QStringLiteral("weight"), QStringLiteral("231.5"));
    typeInto(&wizard, QStringLiteral("height.ft"), QStringLiteral("5"));
    typeInto(&wizard, QStringLiteral("height.in"), QStringLiteral("6"));
    shoot(&wizard, out, QStringLiteral("06-history"));
    wizard.goNext();
    for (const char *id : {"mtc", "pancreatitis", "gallbladder", "kidney", "gastroparesis",
                           "eatingdisorder", "suicidal", "pregnancy"})
        press(&wizard, QString::fromLatin1(id), 0);
    press(&wizard, QStringLiteral("men2"), 1); // shows the contraindication warning
    press(&wizard, QStringLiteral("diabetes"));
    press(&wizard, QStringLiteral("bariatric"), 1);
    press(&wizard, QStringLiteral("priorglp1"), 1);
    shoot(&wizard, out, QStringLiteral("07-screening-enablewhen"));
    wizard.goNext();
    shoot(&wizard, out, QStringLiteral("08-screening-validation"));
    press(&wizard, QStringLiteral("men2"), 0);
    press(&wizard, QStringLiteral("priorglp1"), 0);
    press(&wizard, QStringLiteral("bariatric"), 0);
    wizard.goNext();
    shoot(&wizard, out, QStringLiteral("09-review-consent"));
    wizard.flushDraft();

    DraftsPage drafts(**store, QStringLiteral("alice"));
    drafts.resize(1366, 768);
    drafts.show();
    shoot(&drafts, out, QStringLiteral("10-drafts"));
    return 0;
}
