#include "RelayTestSupport.h"
#include "TestSupport.h"
#include "domain/VisitStateMachine.h"
#include "relay/VisitEventApplier.h"
#include "store/PatientRepository.h"
#include "visits/VisitRecord.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>

using namespace clinicdesk;
using namespace relaytest;

// VisitEventApplier on a real console store: the processed-event record in the same transaction,
// the timeline, status never backwards, pending events for unknown visits, quarantine, sealing,
// and the out-of-order property through the store.
class TestVisitEventApplier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;

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

    void appliesOnceWithTimelineAndState()
    {
        const Visit v1 = addVisit(*m_store);
        VisitEventApplier applier(*m_store);
        const QList<QJsonObject> batch = {
            inboxEvent(1, QStringLiteral("e1"),
                       payload(v1.masterId, QStringLiteral("DOCTOR_CHAT"),
                               {{QStringLiteral("content"), QStringLiteral("CANARY-CHAT-PHI")}})),
            inboxEvent(2, QStringLiteral("e2"), payload(v1.masterId, QStringLiteral("RX_WRITTEN"))),
        };
        auto report = applier.applyBatch(batch);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->applied, 2);
        QCOMPARE(report->changedVisits, QStringList{v1.id});
        QCOMPARE(visitState(*m_store, v1.id),
                 qMakePair(QStringLiteral("Prescribed"), QStringLiteral("Written")));
        // Redelivery: recognised, nothing changes.
        auto again = applier.applyBatch(batch);
        QVERIFY(again);
        QCOMPARE(again->duplicates, 2);
        QCOMPARE(again->applied, 0);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM visit_events")), 2);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM processed_events")), 2);
        // A late chat goes on the timeline only.
        auto late = applier.applyBatch(
            {inboxEvent(3, QStringLiteral("e3"),
                        payload(v1.masterId, QStringLiteral("DOCTOR_CHAT"),
                                {{QStringLiteral("content"), QStringLiteral("late")}}))});
        QVERIFY(late);
        QCOMPARE(visitState(*m_store, v1.id).first, QStringLiteral("Prescribed"));
        QCOMPARE(count(*m_store,
                       QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE visit_id = ?"),
                       {v1.id}),
                 3);
        // Payloads are sealed: the canary is not in the database files (on PostgreSQL,
        // tst_postgres's dump test shows the same for the server's side).
        if (!test::usePostgres()) {
            m_store->db().exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")).ok();
            QVERIFY(!test::readAllStartingWith(m_store->dataDir(), QStringLiteral("clinicdesk"))
                         .contains("CANARY-CHAT-PHI"));
        }
    }

    // NAME_UPDATE (as the sandbox's updateName sends it): the patient record takes the provider's
    // name, and the visit's timeline keeps both names; a repeat changes nothing.
    void nameUpdateRenamesThePatientAndKeepsBothNames()
    {
        const Visit v = addVisit(*m_store);
        auto row = VisitRepository(*m_store).find(v.id);
        QVERIFY(row && row.value());
        const QString patientId = row.value()->patientId;
        PatientRepository patients(*m_store);
        auto before = patients.get(patientId);
        QVERIFY(before);
        const QString oldName = before->firstName + u' ' + before->lastName;
        QVERIFY(before->lastName != QStringLiteral("Corrected"));

        VisitEventApplier applier(*m_store);
        const QJsonObject event =
            inboxEvent(1, QStringLiteral("n1"),
                       payload(v.masterId, QStringLiteral("NAME_UPDATE"),
                               {{QStringLiteral("firstName"), before->firstName},
                                {QStringLiteral("lastName"), QStringLiteral("Corrected")}}));
        auto report = applier.applyBatch({event});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->applied, 1);
        auto after = patients.get(patientId);
        QVERIFY(after);
        QCOMPARE(after->lastName, QStringLiteral("Corrected"));
        QCOMPARE(after->firstName, before->firstName);
        QCOMPARE(after->phone, before->phone); // nothing else moves
        // Found under the new name, no longer under the old one.
        auto byNew =
            patients.findByNameDob(after->firstName, QStringLiteral("Corrected"), after->dob);
        QVERIFY(byNew);
        QCOMPARE(byNew->size(), 1);
        auto byOld = patients.findByNameDob(before->firstName, before->lastName, before->dob);
        QVERIFY(byOld);
        QVERIFY(byOld->isEmpty());
        QCOMPARE(visitState(*m_store, v.id).first, QStringLiteral("Submitted"));

        auto record = VisitRecordReader(*m_store).read(v.id);
        QVERIFY(record);
        const QString expected =
            QStringLiteral("Patient name updated by the provider: %1 (was %2)")
                .arg(before->firstName + QStringLiteral(" Corrected"), oldName);
        QVERIFY(std::any_of(record->timeline.cbegin(), record->timeline.cend(),
                            [&](const auto &e) { return e.label == expected; }));

        auto again = applier.applyBatch({event});
        QVERIFY(again);
        QCOMPARE(again->duplicates, 1);
        QCOMPARE(patients.get(patientId)->lastName, QStringLiteral("Corrected"));
        // The same name again (another of the patient's visits): timeline only, plain label.
        auto same = applier.applyBatch(
            {inboxEvent(2, QStringLiteral("n2"),
                        payload(v.masterId, QStringLiteral("NAME_UPDATE"),
                                {{QStringLiteral("firstName"), before->firstName},
                                 {QStringLiteral("lastName"), QStringLiteral("Corrected")}}))});
        QVERIFY(same);
        QCOMPARE(same->applied, 1);
        auto reread = VisitRecordReader(*m_store).read(v.id);
        QVERIFY(reread);
        QCOMPARE(std::count_if(reread->timeline.cbegin(), reread->timeline.cend(),
                               [](const auto &e) {
                                   return e.label ==
                                          QStringLiteral("Patient name updated by the provider");
                               }),
                 1);
    }

    void unknownVisitIsKeptThenApplied()
    {
        VisitEventApplier applier(*m_store);
        auto report = applier.applyBatch(
            {inboxEvent(1, QStringLiteral("e1"),
                        payload(QStringLiteral("LATER"), QStringLiteral("CONSULT_CONCLUDED"),
                                {{QStringLiteral("visitOutcome"), QStringLiteral("referred")}}))});
        QVERIFY(report);
        QCOMPARE(report->pending, 1);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM pending_events")), 1);
        auto nothing = applier.applyPending();
        QVERIFY(nothing);
        QCOMPARE(nothing->applied, 0);

        const Visit v2 = addVisitKnownAs(*m_store, QStringLiteral("LATER"));
        auto applied = applier.applyPending();
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(applied->applied, 1);
        QCOMPARE(visitState(*m_store, v2.id).first, QStringLiteral("Referred"));
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM pending_events")), 0);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM visit_events")), 1);
        // Still recognised as processed afterwards.
        auto again = applier.applyBatch(
            {inboxEvent(1, QStringLiteral("e1"),
                        payload(QStringLiteral("LATER"), QStringLiteral("CONSULT_CONCLUDED"),
                                {{QStringLiteral("visitOutcome"), QStringLiteral("referred")}}))});
        QVERIFY(again);
        QCOMPARE(again->duplicates, 1);
    }

    void malformedIsQuarantinedWithItsReason()
    {
        VisitEventApplier applier(*m_store);
        auto report = applier.applyBatch({
            inboxEvent(1, QStringLiteral("bad1"),
                       QJsonObject{{QStringLiteral("event"), QStringLiteral("RX_WRITTEN")}}),
            inboxEvent(2, QStringLiteral("bad2"),
                       payload(QStringLiteral("M"), QStringLiteral("NO_SUCH_EVENT"))),
            inboxEvent(3, QStringLiteral("bad3"),
                       payload(QStringLiteral("M"), QStringLiteral("CONSULT_CONCLUDED"))),
            QJsonObject{{QStringLiteral("garbage"), true}},
        });
        QVERIFY(report);
        QCOMPARE(report->quarantined, 4);
        auto rows = m_store->db().exec(
            QStringLiteral("SELECT id, reason FROM quarantined_events ORDER BY inbox_cursor, id"));
        QVERIFY(rows);
        QStringList reasons;
        while (rows->next())
            reasons << rows->value(1).toString();
        QCOMPARE(reasons.size(), 4);
        QVERIFY(reasons.join(QLatin1Char('|')).contains(QStringLiteral("masterId")));
        QVERIFY(reasons.join(QLatin1Char('|')).contains(QStringLiteral("unknown event type")));
        QVERIFY(reasons.join(QLatin1Char('|')).contains(QStringLiteral("visitOutcome")));
        // Not retried forever: a redelivery is a duplicate.
        auto again = applier.applyBatch(
            {inboxEvent(1, QStringLiteral("bad1"),
                        QJsonObject{{QStringLiteral("event"), QStringLiteral("RX_WRITTEN")}})});
        QVERIFY(again);
        QCOMPARE(again->duplicates, 1);
        QCOMPARE(count(*m_store, QStringLiteral("SELECT COUNT(*) FROM quarantined_events")), 4);
    }

    void keyRotationCoversTheNewTables()
    {
        const Visit v3 = addVisit(*m_store);
        VisitEventApplier applier(*m_store);
        QVERIFY(applier.applyBatch({
            inboxEvent(1, QStringLiteral("a"), payload(v3.masterId, QStringLiteral("CS_MESSAGE"))),
            inboxEvent(2, QStringLiteral("b"),
                       payload(QStringLiteral("UNKNOWN"), QStringLiteral("CS_MESSAGE"))),
            inboxEvent(3, QStringLiteral("c"), QJsonObject{}),
        }));
        auto rotated = m_store->rotateDataKey(*m_keys);
        QVERIFY2(rotated, qPrintable(rotated ? QString() : rotated.error().message));
        for (const char *table : {"visit_events", "pending_events", "quarantined_events"}) {
            auto rows = m_store->db().exec(
                QStringLiteral("SELECT id, payload FROM %1").arg(QLatin1String(table)));
            QVERIFY(rows);
            QVERIFY(rows->next());
            QCOMPARE(FieldCipher::keyIdOf(rows->value(1).toByteArray()).value_or(0),
                     rotated.value());
            QVERIFY(m_store->cipher().open(QLatin1String(table), rows->value(0).toString(),
                                           QStringLiteral("payload"),
                                           rows->value(1).toByteArray()));
        }
    }

    void outOfOrderThroughTheStore()
    {
        // Each visit's history, shuffled with duplicates and cut into random batches, ends in the
        // same stored state as in order.
        const QList<QJsonObject> history = {
            payload(QString(), QStringLiteral("DOCTOR_CHAT"),
                    {{QStringLiteral("content"), QStringLiteral("x")}}),
            payload(QString(), QStringLiteral("RX_WRITTEN")),
            payload(QString(), QStringLiteral("CONSULT_CONCLUDED"),
                    {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}}),
            payload(QString(), QStringLiteral("PHARMACY_ORDER_IN_FULFILLMENT")),
            payload(QString(), QStringLiteral("PHARMACY_ORDER_SHIPPED")),
            payload(QString(), QStringLiteral("DOCTOR_CHAT"),
                    {{QStringLiteral("content"), QStringLiteral("late")}}),
        };
        QRandomGenerator random(7);
        VisitEventApplier applier(*m_store);
        for (int visit = 0; visit < 40; ++visit) {
            const Visit v = addVisit(*m_store);
            const QString id = v.id;
            QList<QJsonObject> events;
            for (int i = 0; i < history.size(); ++i) {
                QJsonObject p = history[i];
                p.insert(QStringLiteral("masterId"), v.masterId);
                const QJsonObject e = inboxEvent(visit * 100 + i + 1,
                                                 QStringLiteral("ooo-%1-e%2").arg(visit).arg(i), p);
                for (int copies = 1 + int(random.bounded(3)); copies > 0; --copies)
                    events.append(e);
            }
            std::shuffle(events.begin(), events.end(), random);
            while (!events.isEmpty()) {
                const int take = 1 + int(random.bounded(qMin<qsizetype>(events.size(), 4)));
                QVERIFY(applier.applyBatch(events.mid(0, take)));
                events.remove(0, take);
            }
            QCOMPARE(visitState(*m_store, id),
                     qMakePair(QStringLiteral("Prescribed"), QStringLiteral("Shipped")));
            QCOMPARE(count(*m_store,
                           QStringLiteral("SELECT COUNT(*) FROM visit_events WHERE visit_id = ?"),
                           {id}),
                     qint64(history.size()));
        }
    }
};

QTEST_GUILESS_MAIN(TestVisitEventApplier)
#include "tst_visiteventapplier.moc"
