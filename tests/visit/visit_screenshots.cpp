// Renders the visit detail page at 1366x768 for the user guide: docs/screenshots/
// visit-detail-*.png and print-summary-en.png (or visit-detail-es-*.png and
// print-summary-es.png with a Spanish .qm). Synthetic patients in a
// throwaway store; no provider (the check button shows as unavailable).
//   QT_QPA_PLATFORM=offscreen build/bin/visit_screenshots docs/screenshots [clinicdesk_es.qm]
#include "ScreenshotLanguage.h"
#include "VisitDetailPage.h"
#include "VisitFixDialog.h"
#include "VisitScenes.h"
#include "VisitSummaryPrint.h"
#include "VisitTestSupport.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocument>

#include <cstdio>

using namespace clinicdesk;
using namespace visittest;

namespace {

QString g_prefix = QStringLiteral("visit-detail-");

void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
}

void shoot(QWidget *w, const QString &dir, const QString &name)
{
    settle();
    const QString path = QDir(dir).filePath(g_prefix + name + QStringLiteral(".png"));
    if (!w->grab().save(path))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
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
    g_prefix = language.prefix(QStringLiteral("visit-detail"));
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(tmp.filePath(QStringLiteral("data.key")));
    if (!keys.save({}, KeyRing::generate()))
        return 1;
    auto services = test::openServices(tmp.filePath(QStringLiteral("store")), keys);
    LocalStore &store = *services->store();
    AuditLog &audit = *services->audit();
    const VisitScenes scenes = seedVisitScenes(store);
    const User &alice = scenes.alice;
    const QString &asked = scenes.needsInfo;
    const QString &id = scenes.prescribed;
    const QString &refused = scenes.refused;

    {
        VisitDetailPage page(store, audit, alice, nullptr, asked);
        page.resize(1366, 768);
        page.show();
        QApplication::setActiveWindow(&page);
        shoot(&page, out, QStringLiteral("01-needs-info"));
    }
    {
        VisitDetailPage page(store, audit, alice, nullptr, id);
        page.resize(1366, 768);
        page.show();
        QApplication::setActiveWindow(&page);
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("sections"));
        // By tab, not by position (the Labs tab has its own screenshot: lab_screenshots).
        const QList<std::pair<const char *, QString>> shots = {
            {"conversation", QStringLiteral("02-conversation")},
            {"prescriptionsTab", QStringLiteral("03-prescriptions")},
            {"timelineTab", QStringLiteral("04-timeline")},
            {"patientTab", QStringLiteral("05-patient")}};
        for (const auto &[tab, name] : shots) {
            tabs->setCurrentWidget(tabs->findChild<QWidget *>(QLatin1String(tab)));
            shoot(&page, out, name);
        }
        // The paper summary of this visit (Print summary…): laid out into a PDF in memory as
        // for a printer, its first page rendered by Qt PDF (no file).
        QTextDocument document;
        document.setHtml(page.summaryPrint()->html());
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        {
            QPdfWriter writer(&pdf);
            writer.setResolution(300);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
            document.print(&writer);
        }
        pdf.close();
        pdf.open(QIODevice::ReadOnly);
        QPdfDocument rendered;
        rendered.load(&pdf);
        const QImage image = rendered.render(0, (rendered.pagePointSize(0) * 1.5).toSize());
        const QString summary =
            QDir(out).filePath(language.spanish() ? QStringLiteral("print-summary-es.png")
                                                  : QStringLiteral("print-summary-en.png"));
        if (image.save(summary))
            std::printf("%s\n", qPrintable(summary));
    }
    {
        VisitDetailPage page(store, audit, alice, nullptr, refused);
        page.resize(1366, 768);
        page.show();
        QApplication::setActiveWindow(&page);
        shoot(&page, out, QStringLiteral("06-rejected"));
        page.openFixDialog();
        settle();
        if (auto *dialog = page.findChild<VisitFixDialog *>())
            shoot(dialog, out, QStringLiteral("07-fix-dialog"));
    }
    return 0;
}
