#include "StatusMessage.h"
#include "TestSupport.h"
#include "VisitDetailPage.h"
#include "VisitSummaryPrint.h"
#include "VisitTestSupport.h"
#include "VisitText.h"
#include "WindowSupport.h"
#include "audit/AuditLog.h"

#include <QFile>
#include <QPdfDocument>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// The visit detail's "Save summary as PDF…" under QT_QPA_PLATFORM=offscreen on a real store: a
// visit submitted through the intake, its summary saved as a 0600 PDF whose text (pdftotext)
// has the patient, the visit type and an answer, the export in the audit log before the file,
// and a folder that cannot be written: a clear message and a failure entry.
class TestVisitSummaryPrint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;
    User m_user;

    QStringList exportRows(const QString &visitId)
    {
        QStringList out;
        auto r = m_store->db().exec(
            QStringLiteral("SELECT action, outcome, detail FROM audit_log WHERE "
                           "entity_type = 'visit' AND entity_id = ? AND action = 'export' "
                           "ORDER BY seq"),
            {visitId});
        while (r && r->next())
            out << QStringList{r->value(0).toString(), r->value(1).toString(),
                               r->value(2).toString()}
                       .join(QLatin1Char('|'));
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_services = test::openServices(m_dir.filePath(QStringLiteral("store")), *m_keys);
        m_store = m_services->store();
        m_audit = m_services->audit();
        addUser(*m_store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        m_user.username = QStringLiteral("alice");
        m_user.displayName = QStringLiteral("Alice Front");
    }

    void cleanupTestCase() { m_services.reset(); }

    void savesTheSummaryAsAPrivatePdf()
    {
        const auto visit = submitVisit(*m_store, samplePatient(QStringLiteral("5125550881")));
        VisitDetailPage page(*m_store, *m_audit, m_user, nullptr, visit.visitId);
        page.resize(1366, 768);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const VisitRecord &record = page.record();
        QVERIFY(!record.answers.isEmpty());

        // Keyboard: both buttons in the page's Tab chain, named, on.
        QStringList chain;
        QWidget *w = &page;
        do {
            w = w->nextInFocusChain();
            if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled() && w->isVisible())
                chain << w->objectName();
        } while (w != &page);
        for (const char *name : {"printSummary", "saveSummary"}) {
            QVERIFY2(chain.contains(QLatin1String(name)), name);
            QVERIFY(
                !page.findChild<QPushButton *>(QLatin1String(name))->accessibleName().isEmpty());
        }
        QVERIFY(chain.indexOf(QStringLiteral("printSummary")) >
                chain.indexOf(QStringLiteral("checkWithProvider")));

        const QString path = m_dir.filePath(QStringLiteral("summary.pdf"));
        QVERIFY(exportRows(visit.visitId).isEmpty());
        QVERIFY(page.summaryPrint()->saveAs(path));
        QCOMPARE(exportRows(visit.visitId),
                 QStringList{QStringLiteral("export|success|visit summary saved as PDF")});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        const auto ownerGroupOther = QFileDevice::Permissions::fromInt(0x7077);
        QCOMPARE(file.permissions() & ownerGroupOther,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(page.findChild<StatusMessage *>(QStringLiteral("checkResult"))
                    ->text()
                    .contains(QLatin1String("saved")));

        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput())
                                 .simplified(); // table cells may wrap
        QVERIFY2(text.contains(QLatin1String("Testy McTestface")), qPrintable(text));
        QVERIFY(text.contains(VisitText::typeTitle(record.visitType)));
        QVERIFY(text.contains(QLatin1String("5125550881")));
        int shown = 0;
        for (const VisitRecord::Answer &a : record.answers) {
            if (a.answer.size() < 20 && text.contains(a.answer.simplified()) &&
                text.contains(a.question.simplified()))
                ++shown;
        }
        QVERIFY2(shown > 0, qPrintable(text));

        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QVERIFY(pdf.pageCount() >= 1);
        const QImage first = pdf.render(0, (pdf.pagePointSize(0) * 1.5).toSize());
        QVERIFY(!first.isNull());
        // Something is drawn on it (text is dark on white).
        int dark = 0;
        for (int y = 0; y < first.height(); y += 4)
            for (int x = 0; x < first.width(); x += 4)
                dark += qGray(first.pixel(x, y)) < 128;
        QVERIFY(dark > 100);
    }

    void aFolderThatCannotBeWrittenIsAFailure()
    {
        const auto visit = submitVisit(*m_store, samplePatient(QStringLiteral("5125550882")));
        VisitDetailPage page(*m_store, *m_audit, m_user, nullptr, visit.visitId);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // A "folder" that is a file: not writable, even for root.
        const QString notAFolder = m_dir.filePath(QStringLiteral("not-a-folder"));
        QFile blocker(notAFolder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = notAFolder + QStringLiteral("/summary.pdf");
        QVERIFY(!page.summaryPrint()->saveAs(path));
        QVERIFY(!QFile::exists(path));
        const QString message =
            page.findChild<StatusMessage *>(QStringLiteral("checkResult"))->text();
        QVERIFY2(message.startsWith(QLatin1String("The visit summary was not saved:")),
                 qPrintable(message));
        QCOMPARE(
            exportRows(visit.visitId),
            (QStringList{QStringLiteral("export|success|visit summary saved as PDF"),
                         QStringLiteral("export|failure|visit summary saved as PDF: failed")}));
    }
};

QTEST_MAIN(TestVisitSummaryPrint)
#include "tst_visitsummaryprint.moc"
