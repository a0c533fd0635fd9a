#include "LabRequisitionDialog.h"
#include "SandboxProcess.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "VisitLabsTab.h"
#include "VisitTestSupport.h"
#include "WebhookReceiver.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"
#include "provider/Outbox.h"
#include "provider/ProviderConnection.h"
#include "relay/VisitEventApplier.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QPdfDocument>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// Receives what QDesktopServices::openUrl would give the desktop (the booking link).
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened << url; }
};

// The visit detail's Labs tab under QT_QPA_PLATFORM=offscreen, with the real sandbox: a visit
// submitted through the outbox, the sandbox's lab order (its six signed webhooks, applied as the
// relay applies them), the tab's steps, booking link and the sandbox's labResults, and the
// requisition opened in Qt PDF from its sealed column, printed to a file and saved: each an
// audit entry, each file 0600.
class TestLabsTab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;
    ProviderConnection *m_provider = nullptr;
    User m_user;
    UrlCatcher m_urls;

    QStringList auditRows()
    {
        QStringList out;
        auto r = m_store->db().exec(
            QStringLiteral("SELECT action, entity_id, outcome, detail FROM audit_log WHERE "
                           "entity_type = 'lab_requisition' ORDER BY seq"));
        while (r && r->next())
            out << QStringList{r->value(0).toString(), r->value(1).toString(),
                               r->value(2).toString(), r->value(3).toString()}
                       .join(QLatin1Char('|'));
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        const QString secret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        m_receiver = std::make_unique<WebhookReceiver>(secret);
        QVERIFY(m_receiver->listen());
        m_sandbox = std::make_unique<SandboxProcess>(m_dir.filePath(QStringLiteral("sandbox")));
        const QString secretFile =
            sandboxtest::writeSecretFile(m_dir.path(), "webhook.secret", secret.toLatin1());
        QVERIFY2(m_sandbox->start({"--webhook-url", m_receiver->url().toString(),
                                   "--webhook-secret-file", secretFile}),
                 qPrintable(m_sandbox->failure()));
        QVERIFY(m_sandbox->setClinician({{"decision", "manual"}}));
        m_services = test::openServices(m_dir.filePath(QStringLiteral("store")), *m_keys,
                                        m_sandbox->clientConfig());
        m_store = m_services->store();
        m_audit = m_services->audit();
        m_provider = m_services->provider();
        QVERIFY(m_provider);
        addUser(*m_store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        m_user.username = QStringLiteral("alice");
        m_user.displayName = QStringLiteral("Alice Front");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_urls, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_services.reset();
        if (m_sandbox)
            QVERIFY(m_sandbox->stop());
    }

    void labsTabShowsTheOrderAndOpensTheRequisition()
    {
        const AddedVisit visit = addVisit(*m_store, samplePatient(QStringLiteral("5125550777")),
                                          sandboxtest::createBody({}));
        QVERIFY(Outbox(*m_store).enqueueVisit(visit.id, QStringLiteral("alice")));
        m_provider->kick();
        QTRY_COMPARE_WITH_TIMEOUT(
            column(*m_store, QStringLiteral("visits"), visit.id, QStringLiteral("status")),
            QStringLiteral("Submitted"), 15000);
        const auto lab = m_sandbox->request("POST", "/_sandbox/visits/" + visit.masterId + "/lab");
        QCOMPARE(lab.body.value("status").toInt(), 200);
        const QString orderId = lab.body.value("data").toObject().value("orderId").toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->events(visit.masterId).size(), 6, 30000);
        // As the relay applies them (the inbox's page: cursor, id, provider, payload).
        QList<QJsonObject> page;
        qint64 cursor = 0;
        for (const WebhookReceiver::Delivery &d : m_receiver->accepted()) {
            if (d.payload.value("masterId").toString() != visit.masterId)
                continue;
            page << QJsonObject{{"cursor", ++cursor},
                                {"id", QString::fromLatin1(d.id)},
                                {"provider", "beluga"},
                                {"receivedAt", iso(QDateTime::currentDateTimeUtc())},
                                {"payload", d.payload}};
        }
        auto applied = VisitEventApplier(*m_store).applyBatch(page);
        QVERIFY(applied);
        QCOMPARE(applied->applied, 6);

        VisitDetailPage detail(*m_store, *m_audit, m_user, m_provider, visit.id);
        detail.resize(1366, 768);
        detail.show();
        QVERIFY(QTest::qWaitForWindowExposed(&detail));
        auto *sections = detail.findChild<QTabWidget *>(QStringLiteral("sections"));
        auto *tab = detail.findChild<VisitLabsTab *>();
        QVERIFY(tab);
        sections->setCurrentWidget(tab);
        QCOMPARE(tab->currentOrderId(), orderId);
        auto *steps = tab->findChild<QTableWidget *>(QStringLiteral("labSteps"));
        QCOMPARE(steps->rowCount(), 6);
        QCOMPARE(steps->item(0, 0)->text(), QStringLiteral("Kit shipped to the patient"));
        QCOMPARE(steps->item(0, 2)->text(), QStringLiteral("UPS"));
        QVERIFY(steps->item(0, 3)->text().startsWith(QLatin1String("1Z")));
        QCOMPARE(steps->item(2, 2)->text(), QStringLiteral("FedEx"));
        auto *link = tab->findChild<QLabel *>(QStringLiteral("bookingLink"));
        QVERIFY(
            link->text().contains(QStringLiteral("https://labs.sandbox.invalid/book/") + orderId));

        // Keyboard: every control of the tab is in the page's Tab chain, and named.
        QStringList chain;
        QWidget *w = &detail;
        do {
            w = w->nextInFocusChain();
            if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled() && w->isVisible())
                chain << w->objectName();
        } while (w != &detail);
        for (const char *name : {"labOrder", "bookingLink", "openBookingLink", "labSteps",
                                 "openRequisition", "fetchLabResults"}) {
            QVERIFY2(chain.contains(QLatin1String(name)), name);
            QVERIFY(!tab->findChild<QWidget *>(QLatin1String(name))->accessibleName().isEmpty());
        }

        // The booking link goes to the desktop.
        QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("openBookingLink")),
                          Qt::LeftButton);
        QCOMPARE(m_urls.opened.size(), 1);
        QCOMPARE(m_urls.opened.at(0).host(), QStringLiteral("labs.sandbox.invalid"));

        // Results from the provider's externalFetch labResults.
        QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("fetchLabResults")),
                          Qt::LeftButton);
        auto *results = tab->findChild<QTableWidget *>(QStringLiteral("labResults"));
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 5, 15000);
        QCOMPARE(results->item(0, 0)->text(), QStringLiteral("Hemoglobin A1c"));

        // The requisition, in Qt PDF, audited.
        QVERIFY(auditRows().isEmpty());
        QTest::mouseClick(tab->findChild<QPushButton *>(QStringLiteral("openRequisition")),
                          Qt::LeftButton);
        auto *dialog = detail.findChild<LabRequisitionDialog *>();
        QVERIFY(dialog);
        QTRY_COMPARE(dialog->document()->status(), QPdfDocument::Status::Ready);
        QVERIFY(dialog->document()->pageCount() >= 1);
        const QString entity = visit.id + QLatin1Char(':') + orderId;
        QCOMPARE(
            auditRows(),
            QStringList{QStringLiteral("phi-view|%1|success|lab requisition opened").arg(entity)});

        // Printed to a PDF file, and saved: 0600 files, each an export entry.
        const QString printed = m_dir.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::ScreenResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        QVERIFY(dialog->printTo(printer));
        const QString saved = m_dir.filePath(QStringLiteral("saved.pdf"));
        QFile(saved).open(QIODevice::WriteOnly); // an older file with the default mode is replaced
        QFile::setPermissions(saved, QFile::permissions(saved) | QFileDevice::ReadOther);
        QVERIFY(dialog->saveAs(saved));
        for (const QString &path : {printed, saved}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(5) == "%PDF-");
            // Mode 0600: the owner's bits (Qt's "user" bits are the process's view) and nothing
            // for the group or others.
            const auto ownerGroupOther = QFileDevice::Permissions::fromInt(0x7077);
            QCOMPARE(f.permissions() & ownerGroupOther,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const QStringList rows = auditRows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(
            rows.at(1),
            QStringLiteral("export|%1|success|lab requisition printed: to a PDF file").arg(entity));
        QCOMPARE(rows.at(2),
                 QStringLiteral("export|%1|success|lab requisition saved as PDF").arg(entity));
        dialog->reject();
    }
};

QTEST_MAIN(TestLabsTab)
#include "tst_labstab.moc"
