#include "RelayTestSupport.h"
#include "TestSupport.h"
#include "relay/VisitEventApplier.h"
#include "store/LabOrderRepository.h"
#include "store/PatientConsentStore.h"
#include "visits/VisitRecord.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace clinicdesk;
using namespace relaytest;

// The six LAB_ORDER_* events (issue 14) on a real console store, SQLite and PostgreSQL: the
// order's row and timeline in the event's transaction, the requisition PDF sealed once (a
// redelivery, even under a new event id, leaves one row), the lab_requisition_ready message
// queued for a consenting patient, malformed lab events quarantined with their reason, and
// events for a visit not yet known kept pending then applied.
class TestLabEvents : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

    static QByteArray pdf()
    {
        return QByteArrayLiteral(
            "%PDF-1.4\n% CANARY-LAB-REQUISITION\n1 0 obj <<>> endobj\n%%EOF\n");
    }

    static QList<QJsonObject> sixEvents(const QString &masterId, qint64 firstCursor,
                                        const QString &prefix)
    {
        const QJsonObject kit{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                              {QStringLiteral("tracking"), QStringLiteral("1ZKIT")}};
        const QJsonObject sample{{QStringLiteral("carrier"), QStringLiteral("FedEx")},
                                 {QStringLiteral("tracking"), QStringLiteral("7SAMPLE")}};
        const QJsonObject order{{QStringLiteral("orderId"), QStringLiteral("lab_1")}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = order;
            o.insert(key, value);
            return o;
        };
        const QList<std::pair<QString, QJsonObject>> events = {
            {QStringLiteral("LAB_ORDER_SHIPPED_TO_PATIENT"), with(QStringLiteral("info"), kit)},
            {QStringLiteral("LAB_ORDER_DELIVERED_TO_PATIENT"), with(QStringLiteral("info"), kit)},
            {QStringLiteral("LAB_ORDER_SHIPPED_TO_LAB"), with(QStringLiteral("info"), sample)},
            {QStringLiteral("LAB_ORDER_RECEIVED_BY_LAB"), order},
            {QStringLiteral("LAB_ORDER_RESULTS"),
             with(QStringLiteral("bookingLink"), QStringLiteral("https://labs.example/book/1"))},
            {QStringLiteral("LAB_ORDER_REQUISITION_CREATED"),
             with(QStringLiteral("labReqPdf"), QString::fromLatin1(pdf().toBase64()))},
        };
        QList<QJsonObject> out;
        qint64 cursor = firstCursor;
        for (const auto &[name, fields] : events)
            out << inboxEvent(cursor++, prefix + name, payload(masterId, name, fields));
        return out;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString sub = m_dir.filePath(QString::number(QRandomGenerator::global()->generate()));
        QDir().mkpath(sub);
        const QString keyFile = QDir(sub).filePath(QStringLiteral("store.key"));
        KeyFileKeyProvider(keyFile).save({}, KeyRing::generate()).ok();
        m_keys = std::make_unique<KeyFileKeyProvider>(keyFile);
        m_store = test::openStore(QDir(sub).filePath(QStringLiteral("store")), *m_keys);
    }

    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void sixEventsMakeOneOrderWithASealedRequisition()
    {
        const Visit v = addVisit(*m_store);
        auto row = VisitRepository(*m_store).find(v.id);
        QVERIFY(row && row.value());
        QVERIFY(PatientConsentStore(m_store->db(), m_store->cipher())
                    .setConsent(row.value()->patientId, true, false, QStringLiteral("en"),
                                QStringLiteral("alice")));
        VisitEventApplier applier(*m_store);
        const QList<QJsonObject> batch = sixEvents(v.masterId, 1, QStringLiteral("e-"));
        auto report = applier.applyBatch(batch);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->applied, 6);
        QCOMPARE(report->quarantined, 0);
        QCOMPARE(report->changedVisits, QStringList{v.id});
        // A lab order moves no visit state.
        QCOMPARE(visitState(*m_store, v.id).second, QStringLiteral("None"));

        LabOrderRepository labs(m_store->db(), m_store->cipher());
        auto orders = labs.forVisit(v.id);
        QVERIFY(orders);
        QCOMPARE(orders->size(), 1);
        QCOMPARE(orders->at(0).orderId, QStringLiteral("lab_1"));
        QCOMPARE(orders->at(0).lastEvent, QStringLiteral("LAB_ORDER_REQUISITION_CREATED"));
        QVERIFY(orders->at(0).hasRequisition);
        auto opened = labs.requisition(v.id, QStringLiteral("lab_1"));
        QVERIFY(opened);
        QCOMPARE(opened.value(), pdf());

        // Sealed: the stored bytes are not the PDF, and the timeline does not hold it at all.
        auto raw = m_store->db().exec(QStringLiteral("SELECT requisition FROM lab_orders"));
        QVERIFY(raw && raw->next());
        QVERIFY(!raw->value(0).toByteArray().contains("%PDF"));
        QVERIFY(FieldCipher::keyIdOf(raw->value(0).toByteArray()).has_value());
        raw->finish();
        auto timeline = m_store->db().exec(
            QStringLiteral("SELECT id, payload FROM visit_events WHERE event_type = ?"),
            {QStringLiteral("LAB_ORDER_REQUISITION_CREATED")});
        QVERIFY(timeline && timeline->next());
        auto plain =
            m_store->cipher().open(QStringLiteral("visit_events"), timeline->value(0).toString(),
                                   QStringLiteral("payload"), timeline->value(1).toByteArray());
        QVERIFY(plain);
        QVERIFY(!plain->contains("labReqPdf\""));
        QVERIFY(!plain->contains(pdf().toBase64().left(20)));
        timeline->finish();
        if (!test::usePostgres()) {
            m_store->db().exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")).ok();
            const QByteArray files =
                test::readAllStartingWith(m_store->dataDir(), QStringLiteral("clinicdesk"));
            QVERIFY(!files.isEmpty());
            QVERIFY(!files.contains("CANARY-LAB-REQUISITION"));
            QVERIFY(!files.contains("%PDF"));
        } else {
            // The server's side: a dump of the store's schema holds the row, not the PDF.
            const auto pg = test::postgresEnv();
            QProcess dump;
            dump.start(QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump"),
                       {QStringLiteral("-h"),
                        pg.value(QStringLiteral("CLINICDESK_TEST_PG_SOCKET_DIR")),
                        QStringLiteral("-p"), pg.value(QStringLiteral("CLINICDESK_TEST_PG_PORT")),
                        QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-n"),
                        test::schemaFor(m_store->dataDir()), QStringLiteral("clinicdesk")});
            QVERIFY(dump.waitForFinished(60000));
            const QByteArray out = dump.readAllStandardOutput();
            QVERIFY2(dump.exitCode() == 0, dump.readAllStandardError().constData());
            QVERIFY(out.contains(".lab_orders"));
            QVERIFY(!out.contains("CANARY-LAB-REQUISITION"));
            QVERIFY(!out.contains("%PDF"));
            QVERIFY(!out.contains(pdf().toBase64().left(24)));
            QVERIFY(!out.contains(pdf().toHex().left(24)));
        }

        // The message to the patient, in the same transaction: the e-mail queued (consent
        // given), the text blocked (none), and nothing for the other five events.
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM notifications")), 2);
        QCOMPARE(count(*m_store,
                       QStringLiteral("SELECT COUNT(*) FROM notifications WHERE template = ? "
                                      "AND visit_id = ? AND channel = 'email' AND state = "
                                      "'queued'"),
                       {QStringLiteral("lab_requisition_ready"), v.id}),
                 1);

        // The visit record: one order, six steps, the link and the requisition; the timeline
        // says each step in words.
        auto record = VisitRecordReader(*m_store).read(v.id);
        QVERIFY(record);
        QCOMPARE(record->labs.size(), 1);
        const VisitRecord::LabOrder &order = record->labs.at(0);
        QCOMPARE(order.orderId, QStringLiteral("lab_1"));
        QCOMPARE(order.steps.size(), 6);
        QCOMPARE(order.steps.at(0).carrier, QStringLiteral("UPS"));
        QCOMPARE(order.steps.at(2).tracking, QStringLiteral("7SAMPLE"));
        QCOMPARE(order.bookingLink, QStringLiteral("https://labs.example/book/1"));
        QVERIFY(order.requisition);
        QStringList labels;
        for (const auto &e : record->timeline)
            labels << e.label;
        const QString all = labels.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral(
                     "Lab order lab_1: Kit shipped to the patient (UPS, tracking 1ZKIT)")),
                 qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Lab order lab_1: Requisition ready to print")));
        QVERIFY(!all.contains(QStringLiteral("unreadable")));

        // Redelivery: nothing new. The same requisition under another event id: still one row,
        // one PDF, one notification per event id rule.
        auto again = applier.applyBatch(batch);
        QVERIFY(again);
        QCOMPARE(again->duplicates, 6);
        QCOMPARE(again->applied, 0);
        QJsonObject resent = batch.last();
        resent.insert(QStringLiteral("id"), QStringLiteral("resent-requisition"));
        resent.insert(QStringLiteral("cursor"), 50);
        QVERIFY(applier.applyBatch({resent}));
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM lab_orders")), 1);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM lab_orders WHERE "
                                                "requisition IS NOT NULL")),
                 1);
        QCOMPARE(labs.requisition(v.id, QStringLiteral("lab_1")).value(), pdf());
        // The repeat under a new id is its own event: one more e-mail row, never two per id.
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM notifications")), 4);
    }

    void malformedLabEventsAreQuarantinedWithTheirReason()
    {
        const Visit v = addVisit(*m_store);
        VisitEventApplier applier(*m_store);
        const QString req = QStringLiteral("LAB_ORDER_REQUISITION_CREATED");
        const QJsonObject order{{QStringLiteral("orderId"), QStringLiteral("lab_9")}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = order;
            o.insert(key, value);
            return o;
        };
        const QList<std::pair<QJsonObject, QString>> cases = {
            {payload(v.masterId, QStringLiteral("LAB_ORDER_RECEIVED_BY_LAB")), "orderId"},
            {payload(v.masterId, QStringLiteral("LAB_ORDER_SHIPPED_TO_LAB"), order),
             "needs an info object"},
            {payload(v.masterId, QStringLiteral("LAB_ORDER_SHIPPED_TO_PATIENT"),
                     with(QStringLiteral("info"), QJsonObject{{QStringLiteral("carrier"), 7}})),
             "info.carrier or info.tracking"},
            {payload(v.masterId, QStringLiteral("LAB_ORDER_RESULTS"),
                     with(QStringLiteral("bookingLink"), QStringLiteral("javascript:alert(1)"))),
             "bookingLink"},
            {payload(v.masterId, req, order), "labReqPdf is missing"},
            {payload(v.masterId, req, with(QStringLiteral("labReqPdf"), QStringLiteral("@@@"))),
             "not base64"},
            {payload(v.masterId, req,
                     with(QStringLiteral("labReqPdf"),
                          QString::fromLatin1(QByteArray("<html>").toBase64()))),
             "not a PDF"},
        };
        QList<QJsonObject> batch;
        for (qsizetype i = 0; i < cases.size(); ++i)
            batch << inboxEvent(i + 1, QStringLiteral("bad-%1").arg(i), cases[i].first);
        auto report = applier.applyBatch(batch);
        QVERIFY(report);
        QCOMPARE(report->quarantined, int(cases.size()));
        for (qsizetype i = 0; i < cases.size(); ++i) {
            auto r = m_store->db().exec(
                QStringLiteral("SELECT reason FROM quarantined_events WHERE id = ?"),
                {QStringLiteral("beluga:bad-%1").arg(i)});
            QVERIFY(r && r->next());
            QVERIFY2(r->value(0).toString().contains(cases[i].second),
                     qPrintable(r->value(0).toString()));
        }
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM lab_orders")), 0);
    }

    void eventsBeforeTheVisitAreAppliedLater()
    {
        VisitEventApplier applier(*m_store);
        auto report =
            applier.applyBatch(sixEvents(QStringLiteral("LAB-LATE"), 1, QStringLiteral("p-")));
        QVERIFY(report);
        QCOMPARE(report->pending, 6);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM lab_orders")), 0);
        const Visit v = addVisitKnownAs(*m_store, QStringLiteral("LAB-LATE"));
        auto pending = applier.applyPending();
        QVERIFY2(pending, qPrintable(pending ? QString() : pending.error().message));
        QCOMPARE(pending->applied, 6);
        LabOrderRepository labs(m_store->db(), m_store->cipher());
        QCOMPARE(labs.requisition(v.id, QStringLiteral("lab_1")).value(), pdf());
    }

    void keyRotationResealsTheRequisition()
    {
        const Visit v = addVisit(*m_store);
        QVERIFY(
            VisitEventApplier(*m_store).applyBatch(sixEvents(v.masterId, 1, QStringLiteral("k-"))));
        auto rotated = m_store->rotateDataKey(*m_keys);
        QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().message));
        auto raw = m_store->db().exec(QStringLiteral("SELECT requisition FROM lab_orders"));
        QVERIFY(raw && raw->next());
        QCOMPARE(FieldCipher::keyIdOf(raw->value(0).toByteArray()).value_or(0), rotated.value());
        raw->finish();
        QCOMPARE(LabOrderRepository(m_store->db(), m_store->cipher())
                     .requisition(v.id, QStringLiteral("lab_1"))
                     .value(),
                 pdf());
    }
};

QTEST_GUILESS_MAIN(TestLabEvents)
#include "tst_labevents.moc"
