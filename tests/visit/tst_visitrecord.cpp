#include "TestSupport.h"
#include "VisitTestSupport.h"
#include "audit/AuditLog.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"
#include "visits/VisitRecord.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// The visit detail's reader: timeline order and sources, prescriptions, the pharmacy order, the
// conversation merged from provider events and the outbox with delivery states, sealed values
// that fail authentication, and the audited PHI view.
class TestVisitRecord : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    int m_stores = 0;
    const QDateTime T = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);

    std::unique_ptr<LocalStore> newStore()
    {
        return test::openStore(m_dir.filePath(QStringLiteral("store%1").arg(++m_stores)), *m_keys);
    }
    QDateTime at(int minutes) const { return T.addSecs(minutes * 60); }

    // A visit with a full history (see the timeline expected in readsTheWholeVisit).
    AddedVisit fullVisit(LocalStore &store)
    {
        addUser(store, QStringLiteral("alice"), QStringLiteral("Alice Front"));
        const AddedVisit visit =
            addVisit(store, samplePatient(QStringLiteral("5125550100")),
                     sandboxtest::createBody({}), QStringLiteral("Queued"), sampleResponse());
        const QString id = visit.id;
        const QString masterId = visit.masterId;
        test::VisitAmendment submittedAt;
        submittedAt.createdAt = iso(at(0));
        test::amendVisitRow(store, id, submittedAt);
        Outbox outbox(store);
        const QString visitEntry = *outbox.enqueueVisit(id, QStringLiteral("alice"));
        must(outbox.markSent(**outbox.entry(visitEntry), QStringLiteral("pv-1")));
        exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"),
             {iso(at(1)), visitEntry});

        VisitEventApplier applier(store);
        auto applied = applier.applyBatch(
            {inboxEvent(1, at(5), masterId, QStringLiteral("DOCTOR_CHAT"),
                        {{QStringLiteral("content"), QStringLiteral("Any chest pain?")}})});
        if (!applied || applied->applied != 1)
            qFatal("event not applied");

        auto chat = [&](const QString &text, int minutes) {
            const QString e =
                *outbox.enqueueStaffChat(id, QStringLiteral("Alice"), QStringLiteral("Front"), text,
                                         QStringLiteral("alice"));
            exec(store, QStringLiteral("UPDATE outbox SET created_at = ? WHERE id = ?"),
                 {iso(at(minutes)), e});
            return e;
        };
        const QString delivered = chat(QStringLiteral("No chest pain."), 6);
        must(outbox.markSent(**outbox.entry(delivered), {}));
        exec(store, QStringLiteral("UPDATE outbox SET sent_at = ? WHERE id = ?"),
             {iso(at(7)), delivered});
        const QString retrying = chat(QStringLiteral("Also no allergies."), 8);
        must(outbox.markRetry(**outbox.entry(retrying), QStringLiteral("timed out"), 0, at(8)));
        must(outbox.markRetry(**outbox.entry(retrying), QStringLiteral("timed out"), 0, at(8)));
        const QString refused = chat(QStringLiteral("One more thing."), 9);
        must(outbox.markRejected(**outbox.entry(refused), QStringLiteral("Visit not found"), 404));
        exec(store, QStringLiteral("UPDATE outbox SET updated_at = ? WHERE id = ?"),
             {iso(at(9).addSecs(30)), refused});

        const QJsonArray meds{QJsonObject{{QStringLiteral("name"), QStringLiteral("Sildenafil")},
                                          {QStringLiteral("strength"), QStringLiteral("50 mg")},
                                          {QStringLiteral("quantity"), QStringLiteral("10")},
                                          {QStringLiteral("refills"), QStringLiteral("1")}},
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Tadalafil")},
                                          {QStringLiteral("strength"), QStringLiteral("5 mg")},
                                          {QStringLiteral("quantity"), 30},
                                          {QStringLiteral("refills"), 0}}};
        applied = applier.applyBatch(
            {inboxEvent(2, at(10), masterId, QStringLiteral("RX_WRITTEN"),
                        {{QStringLiteral("docName"), QStringLiteral("Dr. Rivera")},
                         {QStringLiteral("medsPrescribed"), meds}}),
             inboxEvent(3, at(10), masterId, QStringLiteral("CONSULT_CONCLUDED"),
                        {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}}),
             inboxEvent(4, at(20), masterId, QStringLiteral("PHARMACY_ORDER_IN_FULFILLMENT"),
                        {{QStringLiteral("orderId"), QStringLiteral("ord-7")}}),
             inboxEvent(5, at(30), masterId, QStringLiteral("PHARMACY_ORDER_SHIPPED"),
                        {{QStringLiteral("orderId"), QStringLiteral("ord-7")},
                         {QStringLiteral("info"),
                          QJsonObject{{QStringLiteral("carrier"), QStringLiteral("UPS")},
                                      {QStringLiteral("tracking"), QStringLiteral("1Z999")}}}})});
        if (!applied || applied->applied != 4)
            qFatal("events not applied");
        VisitRepository::Change checked; // a status check with the provider, as it records one
        checked.providerCheckedAt = iso(at(40));
        must(VisitRepository(store).update(id, checked));
        return visit;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
    }

    void readsTheWholeVisit()
    {
        auto store = newStore();
        const AddedVisit visit = fullVisit(*store);
        const QString id = visit.id;
        auto record = VisitRecordReader(*store).read(id);
        QVERIFY2(record, qPrintable(record ? QString() : record.error().message));
        VisitRecord r = record.value();
        QCOMPARE(VisitStateMachine::name(r.status), QStringLiteral("Prescribed"));
        QCOMPARE(VisitStateMachine::name(r.rxStatus), QStringLiteral("Shipped"));
        QCOMPARE(r.masterId, visit.masterId);
        QCOMPARE(r.createdByName, QStringLiteral("Alice Front"));
        QCOMPARE(r.providerCheckedAt, at(40));
        QVERIFY(r.problems.isEmpty());
        QVERIFY(r.patient);
        QCOMPARE(r.patient->lastName, QStringLiteral("McTestface"));
        QCOMPARE(r.patient->dob, QDate(1985, 4, 23));

        // Answers from the QuestionnaireResponse, demographics left out.
        QCOMPARE(r.answers.size(), 2);
        QCOMPARE(r.answers[0].question, QStringLiteral("How often?"));
        QCOMPARE(r.answers[0].answer, QStringLiteral("Sometimes"));
        QCOMPARE(r.answers[1].question, QStringLiteral("Do you take nitrates?"));
        QCOMPARE(r.answers[1].answer, QStringLiteral("No"));

        // Timeline: provider events in inbox order, local events slotted in by time.
        using S = VisitRecord::Source;
        const QList<std::tuple<QDateTime, S, QString>> expected = {
            {at(0), S::Staff, QStringLiteral("Intake submitted and queued for the provider")},
            {at(1), S::System, QStringLiteral("Delivered to the provider")},
            {at(5), S::Provider, QStringLiteral("Message from the clinician")},
            {at(6), S::Staff, QStringLiteral("Reply to the clinician written")},
            {at(7), S::System, QStringLiteral("Reply delivered to the clinician")},
            {at(8), S::Staff, QStringLiteral("Reply to the clinician written")},
            {at(9), S::Staff, QStringLiteral("Reply to the clinician written")},
            {at(9).addSecs(30), S::Provider, QStringLiteral("Message refused: Visit not found")},
            {at(10), S::Provider, QStringLiteral("Prescription written by Dr. Rivera")},
            {at(10), S::Provider, QStringLiteral("Consultation concluded: prescribed")},
            {at(20), S::Provider, QStringLiteral("Pharmacy order being filled")},
            {at(30), S::Provider, QStringLiteral("Pharmacy order shipped")},
            {at(40), S::System, QStringLiteral("Status checked with the provider")},
        };
        // The messages to the patient the events caused (docs/notifications.md) come at the
        // time the relay wrote them: this patient gave no consent, so all are blocked.
        QList<VisitRecord::TimelineEntry> messages;
        while (!r.timeline.isEmpty() &&
               r.timeline.constLast().label.contains(QStringLiteral("to the patient")))
            messages.prepend(r.timeline.takeLast());
        QCOMPARE(messages.size(), 6); // needs info, prescription written, shipped; both channels
        for (const auto &m : std::as_const(messages)) {
            QVERIFY2(m.label.endsWith(QStringLiteral(": not sent, no consent")),
                     qPrintable(m.label));
            QCOMPARE(int(m.source), int(S::System));
        }
        QStringList got;
        for (const auto &e : r.timeline)
            got << e.at.toString(Qt::ISODate) + QLatin1Char(' ') + e.label;
        QCOMPARE(r.timeline.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(r.timeline[i].label, std::get<2>(expected[i]));
            QCOMPARE(r.timeline[i].at, std::get<0>(expected[i]));
            QCOMPARE(int(r.timeline[i].source), int(std::get<1>(expected[i])));
        }
        QCOMPARE(r.timeline[0].who, QStringLiteral("Alice Front"));

        // Prescriptions: numbers and strings alike.
        QCOMPARE(r.prescriptions.size(), 1);
        QCOMPARE(r.prescriptions[0].doctor, QStringLiteral("Dr. Rivera"));
        QCOMPARE(r.prescriptions[0].medications.size(), 2);
        const auto &tadalafil = r.prescriptions[0].medications[1];
        QCOMPARE(tadalafil.name, QStringLiteral("Tadalafil"));
        QCOMPARE(tadalafil.strength, QStringLiteral("5 mg"));
        QCOMPARE(tadalafil.quantity, QStringLiteral("30"));
        QCOMPARE(tadalafil.refills, QStringLiteral("0"));

        // Pharmacy: fields gathered across the order's events.
        QVERIFY(r.pharmacy.present);
        QCOMPARE(r.pharmacy.orderId, QStringLiteral("ord-7"));
        QCOMPARE(r.pharmacy.carrier, QStringLiteral("UPS"));
        QCOMPARE(r.pharmacy.tracking, QStringLiteral("1Z999"));
        QCOMPARE(VisitStateMachine::name(r.pharmacy.state), QStringLiteral("Shipped"));
        QCOMPARE(r.pharmacy.updatedAt, at(30));

        // Conversation in time order with delivery states.
        using M = VisitRecord::Message;
        QCOMPARE(r.messages.size(), 4);
        QCOMPARE(int(r.messages[0].from), int(M::From::Clinician));
        QCOMPARE(r.messages[0].text, QStringLiteral("Any chest pain?"));
        QCOMPARE(int(r.messages[0].delivery), int(M::Delivery::Received));
        QCOMPARE(int(r.messages[1].from), int(M::From::Staff));
        QCOMPARE(r.messages[1].text, QStringLiteral("No chest pain."));
        QCOMPARE(r.messages[1].who, QStringLiteral("Alice Front"));
        QCOMPARE(int(r.messages[1].delivery), int(M::Delivery::Delivered));
        QCOMPARE(int(r.messages[2].delivery), int(M::Delivery::Sending));
        QCOMPARE(r.messages[2].attempts, 2);
        QCOMPARE(r.messages[2].lastError, QStringLiteral("timed out"));
        QCOMPARE(int(r.messages[3].delivery), int(M::Delivery::Rejected));
        QCOMPARE(r.messages[3].rejectedReason, QStringLiteral("Visit not found"));
        QCOMPARE(r.pendingReplies(), 1);
    }

    void answersFallBackToTheFormObj()
    {
        auto store = newStore();
        const QString id = addVisit(*store, samplePatient(QStringLiteral("5125550101")),
                                    sandboxtest::createBody({}));
        auto r = VisitRecordReader(*store).read(id);
        QVERIFY(r);
        QCOMPARE(r->answers.size(), 1);
        QCOMPARE(r->answers[0].question, QStringLiteral("How often?"));
        QCOMPARE(r->answers[0].answer, QStringLiteral("Sometimes"));
        QCOMPARE(r->timeline.size(), 1);
        QVERIFY(!r->pharmacy.present);
        QVERIFY(r->messages.isEmpty());
    }

    void unknownVisitIsNotFound()
    {
        auto store = newStore();
        auto r = VisitRecordReader(*store).read(QStringLiteral("nope"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }

    void tamperedValuesGiveClearErrorsNotGarbage()
    {
        auto store = newStore();
        const AddedVisit visit = fullVisit(*store);
        const QString id = visit.id;
        const QString patientId =
            column(*store, QStringLiteral("visits"), id, QStringLiteral("patient_id"));
        auto flip = [&](const QString &table, const QString &col, const QString &rowId) {
            auto q = store->db().exec(
                QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(col, table), {rowId});
            QVERIFY(q && q->next());
            QByteArray v = q->value(0).toByteArray();
            QVERIFY(v.size() > 20);
            v[v.size() - 5] = char(v[v.size() - 5] ^ 0x40);
            QVERIFY(exec(*store,
                         QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, col),
                         {v, rowId}));
        };
        flip(QStringLiteral("patients"), QStringLiteral("last_name"), patientId);
        flip(QStringLiteral("visits"), QStringLiteral("questionnaire_response"), id);
        flip(QStringLiteral("visit_events"), QStringLiteral("payload"),
             QStringLiteral("beluga:evt-%1-2").arg(visit.masterId));
        // A payload moved to another row does not open either (bound to its row).
        auto moved = store->db().exec(
            QStringLiteral("UPDATE visit_events SET payload = (SELECT payload FROM visit_events "
                           "WHERE id = ?) WHERE id = ?"),
            {QStringLiteral("beluga:evt-%1-4").arg(visit.masterId),
             QStringLiteral("beluga:evt-%1-5").arg(visit.masterId)});
        QVERIFY(moved);

        auto record = VisitRecordReader(*store).read(id);
        QVERIFY2(record, "a tampered value must not make the whole visit unreadable");
        const VisitRecord &r = record.value();
        QVERIFY(!r.patient);
        QVERIFY2(r.patientError.contains(QLatin1String("failed authentication")),
                 qPrintable(r.patientError));
        QVERIFY(r.answers.isEmpty());
        QVERIFY(r.answersError.contains(QLatin1String("failed authentication")));
        QCOMPARE(r.problems.size(), 4);
        // The refused events show as such on the timeline; nothing of them is used.
        QVERIFY(r.prescriptions.isEmpty());
        QCOMPARE(r.pharmacy.tracking, QString());
        int unreadable = 0;
        for (const auto &e : r.timeline)
            unreadable += e.label.contains(QLatin1String("cannot be shown"));
        QCOMPARE(unreadable, 2);
        // The untouched parts are still there.
        QCOMPARE(r.messages.size(), 4);
        QCOMPARE(VisitStateMachine::name(r.status), QStringLiteral("Prescribed"));

        AuditLog audit(*store, nullptr);
        auto viewed = VisitRecordReader(*store).openForView(id, audit, QStringLiteral("alice"));
        QVERIFY(viewed);
        QList<AuditEntry> entries;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            entries << e;
            return true;
        }));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].outcome, auditOutcomeName(AuditOutcome::Failure));
        QVERIFY(entries[0].detail.contains(QLatin1String("4 sealed")));
    }

    void viewingIsAuditedOncePerOpenWithoutPhi()
    {
        auto store = newStore();
        const QString id = fullVisit(*store);
        AuditLog audit(*store, nullptr);
        VisitRecordReader reader(*store);
        QVERIFY(reader.read(id));
        QCOMPARE(*audit.count({}), 0); // reading again for a refresh is not a new view
        auto r = reader.openForView(id, audit, QStringLiteral("alice"));
        QVERIFY(r);
        QVERIFY(r->patient);
        QList<AuditEntry> entries;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            entries << e;
            return true;
        }));
        QCOMPARE(entries.size(), 1);
        const AuditEntry &e = entries[0];
        QCOMPARE(e.action, auditActionName(AuditAction::PhiView));
        QCOMPARE(e.user, QStringLiteral("alice"));
        QCOMPARE(e.entityType, QStringLiteral("visit"));
        QCOMPARE(e.entityId, id);
        QCOMPARE(e.outcome, auditOutcomeName(AuditOutcome::Success));
        for (const QString &phi : {QStringLiteral("Testy"), QStringLiteral("McTestface"),
                                   QStringLiteral("5125550100"), QStringLiteral("chest")})
            QVERIFY(!e.detail.contains(phi) && !e.entityId.contains(phi));
        QVERIFY(audit.verify()->intact);
    }
};

QTEST_GUILESS_MAIN(TestVisitRecord)
#include "tst_visitrecord.moc"
