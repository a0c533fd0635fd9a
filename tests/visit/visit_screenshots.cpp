// Renders the visit detail page at 1366x768 for the user guide: docs/screenshots/
// visit-detail-*.png (or visit-detail-es-*.png with a Spanish .qm). Synthetic patients in a
// throwaway store; no provider (the check button shows as unavailable).
//   QT_QPA_PLATFORM=offscreen build/bin/visit_screenshots docs/screenshots [clinicdesk_es.qm]
#include "ScreenshotLanguage.h"
#include "VisitDetailPage.h"
#include "VisitFixDialog.h"
#include "VisitTestSupport.h"
#include "audit/AuditLog.h"
#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

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

Patient ana()
{
    Patient p = samplePatient(QStringLiteral("5125550123"));
    p.firstName = QStringLiteral("Ana");
    p.lastName = QStringLiteral("Sample");
    p.sex = QStringLiteral("Female");
    p.email = QStringLiteral("ana.sample@example.org");
    p.address = QStringLiteral("100 Example Ave");
    return p;
}

void apply(LocalStore &store, const QList<QJsonObject> &events)
{
    if (!VisitEventApplier(store).applyBatch(events))
        qFatal("events not applied");
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
    auto opened = LocalStore::open({tmp.filePath(QStringLiteral("store")), &keys, false});
    if (!opened)
        return 1;
    LocalStore &store = **opened;
    AuditLog audit(store, nullptr);
    addUser(store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
    User alice;
    alice.username = QStringLiteral("alice");
    alice.displayName = QStringLiteral("Alice Front");
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    auto at = [&](int minutes) { return start.addSecs(minutes * 60); };

    // A prescribed visit whose order shipped, after one question from the clinician.
    const QString masterId = QStringLiteral("demo-1");
    const QString id = addVisit(store, ana(), sandboxtest::createBody(masterId, ana().phone),
                                QStringLiteral("Queued"), sampleResponse());
    exec(store, QStringLiteral("UPDATE visits SET created_at = ? WHERE id = ?"), {iso(at(0)), id});
    Outbox outbox(store);
    const QString entry = *outbox.enqueueVisit(id, alice.username);
    must(outbox.markSent(**outbox.entry(entry), QStringLiteral("pv-demo-1")));
    exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"), {iso(at(1)), entry});
    apply(store, {inboxEvent(1, at(12), masterId, QStringLiteral("DOCTOR_CHAT"),
                             {{QStringLiteral("content"),
                               QStringLiteral("Do you take any nitrate medicines for chest pain? "
                                              "Please confirm before I prescribe.")}})});
    const QString reply = *outbox.enqueueStaffChat(
        id, QStringLiteral("Alice"), QStringLiteral("Front"),
        QStringLiteral("The patient confirms she takes no nitrates."), alice.username);
    exec(store, QStringLiteral("UPDATE outbox SET created_at = ? WHERE id = ?"),
         {iso(at(20)), reply});
    must(outbox.markSent(**outbox.entry(reply), {}));
    exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"), {iso(at(21)), reply});
    const QJsonArray meds{QJsonObject{{QStringLiteral("name"), QStringLiteral("Sildenafil")},
                                      {QStringLiteral("strength"), QStringLiteral("50 mg")},
                                      {QStringLiteral("quantity"), QStringLiteral("10")},
                                      {QStringLiteral("refills"), QStringLiteral("1")}}};
    apply(store, {inboxEvent(2, at(35), masterId, QStringLiteral("RX_WRITTEN"),
                             {{QStringLiteral("docName"), QStringLiteral("Dr. Rivera")},
                              {QStringLiteral("medsPrescribed"), meds}}),
                  inboxEvent(3, at(35), masterId, QStringLiteral("CONSULT_CONCLUDED"),
                             {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}}),
                  inboxEvent(4, at(50), masterId, QStringLiteral("PHARMACY_ORDER_IN_FULFILLMENT"),
                             {{QStringLiteral("orderId"), QStringLiteral("ORD-10442")}}),
                  inboxEvent(5, at(95), masterId, QStringLiteral("PHARMACY_ORDER_SHIPPED"),
                             {{QStringLiteral("orderId"), QStringLiteral("ORD-10442")},
                              {QStringLiteral("info"),
                               QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                           {QStringLiteral("tracking"),
                                            QStringLiteral("1Z999AA10123456784")}}}})});

    // A visit waiting for an answer.
    Patient ben = samplePatient(QStringLiteral("5125550124"));
    ben.firstName = QStringLiteral("Ben");
    ben.lastName = QStringLiteral("Example");
    const QString askedMaster = QStringLiteral("demo-2");
    const QString asked = addVisit(store, ben, sandboxtest::createBody(askedMaster, ben.phone),
                                   QStringLiteral("Submitted"), sampleResponse());
    exec(store, QStringLiteral("UPDATE visits SET created_at = ? WHERE id = ?"),
         {iso(QDateTime::currentDateTimeUtc().addSecs(-3600)), asked});
    apply(store, {inboxEvent(6, QDateTime::currentDateTimeUtc().addSecs(-600), askedMaster,
                             QStringLiteral("DOCTOR_CHAT"),
                             {{QStringLiteral("content"),
                               QStringLiteral("How long have the symptoms lasted, and has the "
                                              "patient tried any treatment before?")}})});

    // A visit the provider refused.
    Patient cara = samplePatient(QStringLiteral("5125550125"));
    cara.firstName = QStringLiteral("Cara");
    cara.lastName = QStringLiteral("Demo");
    cara.state = QStringLiteral("ZZ");
    const QString refused =
        addVisit(store, cara, sandboxtest::createBody(QStringLiteral("demo-3"), cara.phone),
                 QStringLiteral("Queued"), sampleResponse());
    const QString refusedEntry = *outbox.enqueueVisit(refused, alice.username);
    must(outbox.markRejected(**outbox.entry(refusedEntry), QStringLiteral("State not valid"), 200));

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
        const QStringList names = {QStringLiteral("02-conversation"),
                                   QStringLiteral("03-prescriptions"),
                                   QStringLiteral("04-timeline"), QStringLiteral("05-patient")};
        for (int i = 0; i < tabs->count() && i < names.size(); ++i) {
            tabs->setCurrentIndex(i);
            shoot(&page, out, names[i]);
        }
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
