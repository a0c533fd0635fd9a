#include "AdminAuditCheck.h"
#include "AuditExportDialog.h"
#include "TestSupport.h"
#include "WindowSupport.h"
#include "access/AccountAdmin.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
// More than the exporter's progress step (4096), so the progress callback runs several times.
constexpr int kEntries = 10000;
} // namespace

// The export dialog end to end: filter, format and file from the form, the file parsed back and
// compared with the store, cancel leaving no file, a staff user refused.
class TestAuditExportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<ConsoleServices> m_services;
    LocalStore *m_store = nullptr;
    UserRepository *m_users = nullptr;
    AuditLog *m_audit = nullptr;
    AccountAdmin *m_admin = nullptr;
    User m_root;
    User m_staff;

    QList<AuditEntry> stored(const AuditLog::Filter &filter, qint64 upToSeq)
    {
        QList<AuditEntry> entries;
        (void)m_audit->forEach(filter, [&](const AuditEntry &e) {
            if (e.seq <= upToSeq)
                entries << e;
            return true;
        });
        return entries;
    }

    qint64 exportEntries()
    {
        qint64 n = 0;
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            n += e.action == auditActionName(AuditAction::Export) ? 1 : 0;
            return true;
        });
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString dataDir = m_dir.filePath(QStringLiteral("store"));
        m_keys = std::make_unique<KeyFileKeyProvider>(dataDir + QStringLiteral(".key"));
        m_services = test::openServices(dataDir, *m_keys);
        m_store = m_services->store();
        m_users = m_services->users();
        m_audit = m_services->audit();
        m_admin = m_services->accountAdmin();
        m_root =
            m_users
                ->createUser(QStringLiteral("root"), QStringLiteral("Root"), Role::Admin, kPassword)
                .value();
        m_staff =
            m_users
                ->createUser(QStringLiteral("sam"), QStringLiteral("Sam"), Role::Staff, kPassword)
                .value();
        QList<AuditEvent> events;
        for (int i = 0; i < kEntries; ++i)
            events << AuditEvent{i % 3 ? AuditAction::PhiView : AuditAction::SignIn,
                                 i % 2 ? QStringLiteral("sam") : QStringLiteral("root"),
                                 QStringLiteral("patient"),
                                 QString::number(i),
                                 AuditOutcome::Success,
                                 QStringLiteral("entry, \"%1\"").arg(i)};
        QVERIFY(m_audit->appendBatch(events));
        QVERIFY(m_audit->saveAnchor());
    }

    void cleanupTestCase() { m_services.reset(); }

    void jsonLinesRoundTrip()
    {
        AuditExportDialog dialog(*m_admin, m_root);
        dialog.show();
        const QString path = m_dir.filePath(QStringLiteral("sam.jsonl"));
        dialog.setRange(QDate::currentDate().addDays(-1), QDate::currentDate());
        dialog.setUser(QStringLiteral("sam"));
        dialog.setFormat(AuditExporter::Format::JsonLines);
        dialog.setFilePath(path);
        qint64 calls = 0;
        connect(&dialog, &AuditExportDialog::progressed, this, [&] {
            ++calls;
            QVERIFY(dialog.progressDialog());
        });
        const qint64 exportsBefore = exportEntries();
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.errorText()));
        QVERIFY(calls >= 2);
        QVERIFY(dialog.lastSummary());
        const auto summary = dialog.lastSummary().value();
        QCOMPARE(summary.exported, kEntries / 2);
        QVERIFY(dialog.resultText().contains(QString::number(summary.verifiedHead.seq)));
        QVERIFY(
            dialog.resultText().contains(QString::fromLatin1(summary.verifiedHead.hash.toHex())));
        QVERIFY(dialog.resultText().contains(QStringLiteral("%1 entries").arg(kEntries / 2)));
        QCOMPARE(exportEntries(), exportsBefore + 1);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(header.value(QStringLiteral("verifiedHead"))
                     .toObject()
                     .value(QStringLiteral("seq"))
                     .toInteger(),
                 summary.verifiedHead.seq);
        QCOMPARE(header.value(QStringLiteral("exportedBy")).toString(), QStringLiteral("root"));
        const auto expected = stored(dialog.filter(), summary.verifiedHead.seq);
        QCOMPARE(lines.size() - 1, expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines[i + 1]).object();
            QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), expected[i].seq);
            QCOMPARE(o.value(QStringLiteral("user")).toString(), QStringLiteral("sam"));
            QCOMPARE(o.value(QStringLiteral("detail")).toString(), expected[i].detail);
            QCOMPARE(o.value(QStringLiteral("hash")).toString(),
                     QString::fromLatin1(expected[i].hash.toHex()));
        }
    }

    void csvAndFhirRoundTrip()
    {
        AuditExportDialog dialog(*m_admin, m_root);
        dialog.show();
        dialog.setRange(QDate::currentDate(), QDate::currentDate());
        dialog.setUser(QString());
        dialog.setFormat(AuditExporter::Format::Csv);
        dialog.setFilePath(m_dir.filePath(QStringLiteral("all.csv")));
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.errorText()));
        const auto csvSummary = dialog.lastSummary().value();
        QCOMPARE(test::fileMode(dialog.filePath()), 0600); // owner-only, as from the command line
        QFile csv(dialog.filePath());
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        // One header, one record per entry (details hold quotes and commas, no line breaks).
        QCOMPARE(text.count("\r\n"), csvSummary.exported + 1);
        QVERIFY(text.startsWith(AuditExporter::csvHeader().join(QLatin1Char(',')).toUtf8()));
        QVERIFY(text.contains("\"entry, \"\"42\"\"\""));
        QCOMPARE(csvSummary.exported, stored(dialog.filter(), csvSummary.verifiedHead.seq).size());

        // Choosing the format renames the file's suffix.
        dialog.setFormat(AuditExporter::Format::FhirBundle);
        QVERIFY(dialog.filePath().endsWith(QLatin1String("all.fhir.json")));
        dialog.setUser(QStringLiteral("root"));
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.errorText()));
        QFile fhir(dialog.filePath());
        QVERIFY(fhir.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(fhir.readAll()).object();
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        QCOMPARE(entries.size(), dialog.lastSummary()->exported);
        QCOMPARE(entries.size(),
                 stored(dialog.filter(), dialog.lastSummary()->verifiedHead.seq).size());
        QCOMPARE(entries.first()
                     .toObject()
                     .value(QStringLiteral("resource"))
                     .toObject()
                     .value(QStringLiteral("resourceType"))
                     .toString(),
                 QStringLiteral("AuditEvent"));

        // A range with nothing in it exports a valid, empty file.
        dialog.setRange(QDate::currentDate().addDays(-3), QDate::currentDate().addDays(-2));
        QVERIFY(dialog.exportNow());
        QCOMPARE(dialog.lastSummary()->exported, 0);
    }

    void cancelLeavesNoFile()
    {
        AuditExportDialog dialog(*m_admin, m_root);
        dialog.show();
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        dialog.setFilePath(path);
        connect(&dialog, &AuditExportDialog::progressed, this, [&](qint64 done) {
            if (done > 0 && dialog.progressDialog())
                dialog.progressDialog()->cancel();
        });
        const qint64 exportsBefore = exportEntries();
        QVERIFY(!dialog.exportNow());
        QVERIFY(!QFile::exists(path));
        QVERIFY(dialog.errorText().contains(QLatin1String("cancelled")));
        QVERIFY(!dialog.lastSummary());
        QCOMPARE(exportEntries(), exportsBefore);
        // Nothing left behind next to it either (QSaveFile's temporary file).
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden)
                     .size(),
                 0);
    }

    void unwritableFileIsNamed()
    {
        AuditExportDialog dialog(*m_admin, m_root);
        dialog.show();
        dialog.setFilePath(m_dir.filePath(QStringLiteral("no/such/dir/x.csv")));
        QVERIFY(!dialog.exportNow());
        QVERIFY(!dialog.errorText().isEmpty());
    }

    void staffCannotExport()
    {
        AuditExportDialog dialog(*m_admin, m_staff);
        dialog.show();
        const QString path = m_dir.filePath(QStringLiteral("staff.csv"));
        dialog.setFilePath(path);
        QVERIFY(!dialog.exportNow());
        QVERIFY(!QFile::exists(path));
        QVERIFY(dialog.errorText().contains(QLatin1String("administrator")));
        auto head = m_audit->head();
        QVERIFY(head);
        bool deniedLast = false;
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            deniedLast = e.action == auditActionName(AuditAction::AccessDenied) &&
                         e.user == QLatin1String("sam");
            return true;
        });
        QVERIFY(deniedLast);
    }

    // Last: it tampers with the log.
    void verifyNamesTheFirstBrokenEntry()
    {
        auto refused = AdminAuditCheck::run(nullptr, *m_admin, m_staff, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);

        auto intact = AdminAuditCheck::run(nullptr, *m_admin, m_root, false);
        QVERIFY(intact);
        QVERIFY(intact->intact);
        QVERIFY(
            AdminAuditCheck::describe(intact.value()).contains(QString::number(intact->head.seq)));

        QVERIFY(m_store->db().exec(
            QStringLiteral("UPDATE audit_log SET detail = 'edited' WHERE seq = ?"), {qint64(42)}));
        auto broken = AdminAuditCheck::run(nullptr, *m_admin, m_root, false);
        QVERIFY(broken);
        QVERIFY(!broken->intact);
        QCOMPARE(broken->firstBrokenSeq, 42);
        const QString text = AdminAuditCheck::describe(broken.value());
        QVERIFY2(text.contains(QLatin1String("broken")) && text.contains(QLatin1String("42")),
                 qPrintable(text));

        // A broken log is not exported.
        AuditExportDialog dialog(*m_admin, m_root);
        dialog.show();
        const QString path = m_dir.filePath(QStringLiteral("broken.csv"));
        dialog.setFilePath(path);
        QVERIFY(!dialog.exportNow());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!dialog.errorText().isEmpty());
    }
};

QTEST_MAIN(TestAuditExportDialog)
#include "tst_auditexportdialog.moc"
