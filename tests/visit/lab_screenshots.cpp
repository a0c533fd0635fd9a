// Renders the visit detail's Labs tab with the requisition open over it, at 1366x768, for the
// user guide: docs/screenshots/lab-en.png (or lab-es.png with the Spanish .qm). Synthetic patient
// in a throwaway store; the requisition is the sandbox's own PDF (SandboxPdf).
//   QT_QPA_PLATFORM=offscreen build/bin/lab_screenshots docs/screenshots [clinicdesk_es.qm]
#include "LabRequisitionDialog.h"
#include "SandboxPdf.h"
#include "ScreenshotLanguage.h"
#include "VisitDetailPage.h"
#include "VisitLabsTab.h"
#include "VisitScenes.h"
#include "VisitTestSupport.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"

#include <QApplication>
#include <QDir>
#include <QPainter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

using namespace clinicdesk;
using namespace visittest;

namespace {

void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
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
    QTemporaryDir tmp;
    KeyFileKeyProvider keys(tmp.filePath(QStringLiteral("data.key")));
    if (!keys.save({}, KeyRing::generate()))
        return 1;
    auto services = test::openServices(tmp.filePath(QStringLiteral("store")), keys);
    LocalStore &store = *services->store();
    AuditLog &audit = *services->audit();
    const VisitScenes scenes = seedVisitScenes(store);
    const QString masterId = masterIdOf(store, scenes.prescribed);

    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-4);
    const QString orderId = QStringLiteral("lab_5f2c9a41d0e3");
    const QByteArray pdf = SandboxPdf::document(
        QStringLiteral("Laboratory requisition"),
        {QStringLiteral("Order: %1").arg(orderId), QStringLiteral("Patient: Ana Sample"),
         QStringLiteral("Date of birth: 1985-04-23"),
         QStringLiteral("Tests: Hemoglobin A1c; Glucose, fasting; TSH; Lipase; Creatinine"),
         QStringLiteral("Collection: fasting for 8 hours before the sample"),
         QStringLiteral("Ordering clinician: Dr. Rivera"),
         QStringLiteral("Issued by clinicdesk-sandbox (test data)")});
    const QJsonObject kit{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                          {QStringLiteral("tracking"), QStringLiteral("1Z4F8A2E90311")}};
    const QJsonObject sample{{QStringLiteral("carrier"), QStringLiteral("FedEx")},
                             {QStringLiteral("tracking"), QStringLiteral("7789 1044 2031")}};
    auto fields = [&](std::initializer_list<std::pair<QString, QJsonValue>> more) {
        QJsonObject o{{QStringLiteral("orderId"), orderId}};
        for (const auto &[k, v] : more)
            o.insert(k, v);
        return o;
    };
    applyEvents(
        store,
        {inboxEvent(20, start, masterId, QStringLiteral("LAB_ORDER_REQUISITION_CREATED"),
                    fields({{QStringLiteral("labReqPdf"), QString::fromLatin1(pdf.toBase64())}})),
         inboxEvent(21, start.addSecs(3 * 3600), masterId,
                    QStringLiteral("LAB_ORDER_SHIPPED_TO_PATIENT"),
                    fields({{QStringLiteral("info"), kit}})),
         inboxEvent(22, start.addDays(1), masterId,
                    QStringLiteral("LAB_ORDER_DELIVERED_TO_PATIENT"),
                    fields({{QStringLiteral("info"), kit}})),
         inboxEvent(23, start.addDays(2), masterId, QStringLiteral("LAB_ORDER_SHIPPED_TO_LAB"),
                    fields({{QStringLiteral("info"), sample}})),
         inboxEvent(24, start.addDays(3), masterId, QStringLiteral("LAB_ORDER_RECEIVED_BY_LAB"),
                    fields({})),
         inboxEvent(
             25, start.addDays(3).addSecs(5 * 3600), masterId, QStringLiteral("LAB_ORDER_RESULTS"),
             fields({{QStringLiteral("bookingLink"),
                      QStringLiteral("https://labs.sandbox.invalid/book/%1").arg(orderId)}}))});

    VisitDetailPage page(store, audit, scenes.alice, nullptr, scenes.prescribed);
    page.resize(1366, 768);
    page.show();
    QApplication::setActiveWindow(&page);
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("sections"));
    tabs->setCurrentWidget(page.findChild<VisitLabsTab *>());
    settle();
    QPixmap shot = page.grab();
    // The requisition, opened over the page as staff see it.
    auto *dialog = page.openRequisition(orderId);
    if (!dialog)
        return 3;
    dialog->resize(640, 560);
    settle();
    const QPixmap over = dialog->grab();
    {
        QPainter p(&shot);
        const QPoint at((shot.width() - over.width()) / 2 + 180,
                        (shot.height() - over.height()) / 2 + 60);
        p.fillRect(QRect(at + QPoint(4, 4), over.size()), QColor(0, 0, 0, 60));
        p.drawPixmap(at, over);
        p.setPen(QColor(0x60, 0x60, 0x60));
        p.drawRect(QRect(at, over.size()).adjusted(0, 0, -1, -1));
    }
    const QString path = QDir(out).filePath(language.spanish() ? QStringLiteral("lab-es.png")
                                                               : QStringLiteral("lab-en.png"));
    if (!shot.save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("%s\n", qPrintable(path));
    return 0;
}
