#include "TestSupport.h"
#include "base/TimeText.h"
#include "store/PatientRepository.h"
#include "store/VisitRepository.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;
using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

// The visits table's one owner: what it stores, seals and changes, and that a status change is a
// compare-and-set on the status the caller read.
class TestVisitRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    QString m_patientId;

    VisitRepository::NewVisit newVisit(const QString &id, const QString &createdAt)
    {
        return {
            id,
            QStringLiteral("m-") + id,
            m_patientId,
            QStringLiteral("weightloss"),
            QStringLiteral("alice"),
            createdAt,
            QJsonObject{{QStringLiteral("masterId"), QStringLiteral("m-") + id},
                        {QStringLiteral("formObj"),
                         QJsonObject{{QStringLiteral("firstName"), QStringLiteral("Canary")}}}},
            QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("QuestionnaireResponse")}}};
    }

    QString rawStatus(const QString &id)
    {
        auto q = m_store->db().exec(QStringLiteral("SELECT status FROM visits WHERE id = ?"), {id});
        return q && q->next() ? q->value(0).toString() : QStringLiteral("?");
    }

private Q_SLOTS:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString data =
            m_dir.filePath(QStringLiteral("d-%1").arg(QTest::currentTestFunction()));
        m_keys = std::make_unique<KeyFileKeyProvider>(
            test::writeKeyFile(m_dir, QStringLiteral("%1.key").arg(QTest::currentTestFunction())));
        m_store = test::openStore(data, *m_keys);
        Patient p;
        p.firstName = QStringLiteral("Ana");
        p.lastName = QStringLiteral("Ruiz");
        p.phone = QStringLiteral("5125550100");
        auto id = PatientRepository(*m_store).save(p);
        QVERIFY(id);
        m_patientId = *id;
    }

    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void insertFindAndOpen()
    {
        VisitRepository visits(*m_store);
        const auto visit = newVisit(QStringLiteral("v1"), TimeText::utcNow());
        QVERIFY(visits.insert(visit));
        auto row = visits.find(QStringLiteral("v1"));
        QVERIFY(row && row->has_value());
        QCOMPARE(row.value()->masterId, QStringLiteral("m-v1"));
        QCOMPARE(row.value()->state.status, Status::Queued);
        QCOMPARE(row.value()->state.rx, RxStatus::None);
        QVERIFY(row.value()->statusKnown && row.value()->rxKnown);
        QCOMPARE(row.value()->createdAt, visit.createdAt);
        QCOMPARE(row.value()->updatedAt, visit.createdAt);
        QVERIFY(row.value()->providerVisitId.isEmpty());
        QCOMPARE(visits.findByMasterId(QStringLiteral("m-v1")).value()->id, QStringLiteral("v1"));
        QVERIFY(!visits.find(QStringLiteral("nope")).value().has_value());

        auto body = visits.openCreateBody(QStringLiteral("v1"));
        QVERIFY(body);
        QCOMPARE(QJsonDocument::fromJson(*body).object(), visit.createBody);
        auto response = visits.openQuestionnaireResponse(QStringLiteral("v1"));
        QVERIFY(response && response->has_value());
        QCOMPARE(QJsonDocument::fromJson(**response).object(), visit.questionnaireResponse);
        QCOMPARE(visits.openCreateBody(QStringLiteral("nope")).error().code, ErrorCode::NotFound);

        // Sealed, and bound to its row: the value moved to another visit does not open.
        auto raw = m_store->db().exec(QStringLiteral("SELECT form_obj FROM visits"));
        QVERIFY(raw && raw->next());
        QVERIFY(!raw->value(0).toByteArray().contains("Canary"));
        QVERIFY(visits.insert(newVisit(QStringLiteral("v2"), TimeText::utcNow())));
        QVERIFY(m_store->db().exec(QStringLiteral("UPDATE visits SET form_obj = (SELECT form_obj "
                                                  "FROM visits WHERE id = 'v1') WHERE id = 'v2'")));
        QCOMPARE(visits.openCreateBody(QStringLiteral("v2")).error().code,
                 ErrorCode::DecryptFailed);

        QJsonObject corrected = visit.createBody;
        corrected.insert(QStringLiteral("company"), QStringLiteral("c"));
        QVERIFY(visits.replaceCreateBody(QStringLiteral("v2"), corrected));
        QCOMPARE(QJsonDocument::fromJson(*visits.openCreateBody(QStringLiteral("v2"))).object(),
                 corrected);
    }

    void statusChangesAreCompareAndSet()
    {
        VisitRepository visits(*m_store);
        QVERIFY(visits.insert(newVisit(QStringLiteral("v1"), TimeText::utcNow())));
        VisitRepository::Change refused;
        refused.from = Status::Queued;
        refused.status = Status::Rejected;
        refused.rejectedReason = QStringLiteral("State not valid");
        refused.updatedAt = QStringLiteral("2030-01-01T00:00:00.000Z");
        QCOMPARE(visits.update(QStringLiteral("v1"), refused).value(), true);
        QCOMPARE(rawStatus(QStringLiteral("v1")), QStringLiteral("Rejected"));
        const auto found = visits.find(QStringLiteral("v1"));
        QVERIFY(found && found.value());
        const VisitRepository::Row &row = *found.value();
        QCOMPARE(visits.openRejectedReason(QStringLiteral("v1")).value(),
                 QStringLiteral("State not valid"));
        QCOMPARE(row.updatedAt, QStringLiteral("2030-01-01T00:00:00.000Z"));

        // The status moved on since it was read: nothing is written.
        VisitRepository::Change late = refused;
        late.status = Status::Submitted;
        late.providerVisitId = QStringLiteral("p-1");
        QCOMPARE(visits.update(QStringLiteral("v1"), late).value(), false);
        QCOMPARE(rawStatus(QStringLiteral("v1")), QStringLiteral("Rejected"));
        QVERIFY(visits.find(QStringLiteral("v1")).value()->providerVisitId.isEmpty());
        QCOMPARE(visits.update(QStringLiteral("nope"), late).value(), false);

        // A null text writes NULL; an empty change is refused.
        VisitRepository::Change back;
        back.from = Status::Rejected;
        back.status = Status::Queued;
        back.rejectedReason = QString();
        QCOMPARE(visits.update(QStringLiteral("v1"), back).value(), true);
        auto isNull = m_store->db().exec(
            QStringLiteral("SELECT rejected_reason IS NULL FROM visits WHERE id = 'v1'"));
        QVERIFY(isNull && isNull->next() && isNull->value(0).toBool());
        QVERIFY(visits.openRejectedReason(QStringLiteral("v1")).value().isNull());
        QCOMPARE(visits.update(QStringLiteral("v1"), {}).error().code, ErrorCode::InvalidInput);
    }

    void unknownStatusIsReportedNotGuessed()
    {
        VisitRepository visits(*m_store);
        QVERIFY(visits.insert(newVisit(QStringLiteral("v1"), TimeText::utcNow())));
        QVERIFY(m_store->db().exec(
            QStringLiteral("UPDATE visits SET status = 'Archived', rx_status = 'Lost'")));
        auto row = visits.find(QStringLiteral("v1")).value();
        QVERIFY(!row->statusKnown);
        QVERIFY(!row->rxKnown);
        VisitRepository::Batch batch(m_store->db());
        QVERIFY(batch.prepare());
        auto found = batch.findByMasterId(QStringLiteral("m-v1"));
        QVERIFY(found && found->has_value());
        QVERIFY(!found.value()->statusKnown);
    }

    void listsForTheOutboxTheSyncAndTheAdmin()
    {
        VisitRepository visits(*m_store);
        QVERIFY(visits.insert(
            newVisit(QStringLiteral("b"), QStringLiteral("2030-01-02T00:00:00.000Z"))));
        QVERIFY(visits.insert(
            newVisit(QStringLiteral("a"), QStringLiteral("2030-01-01T00:00:00.000Z"))));
        QVERIFY(visits.insert(
            newVisit(QStringLiteral("c"), QStringLiteral("2030-01-03T00:00:00.000Z"))));
        QStringList order;
        const auto all = visits.all();
        QVERIFY(all);
        for (const auto &row : all.value())
            order << row.id;
        QCOMPARE(order, (QStringList{"a", "b", "c"}));

        // The outbox takes "a": it is no longer waiting for an entry.
        QVERIFY(m_store->db().exec(
            QStringLiteral("INSERT INTO outbox (id, kind, visit_id, master_id, state, "
                           "next_attempt_at, created_by, created_at, updated_at) VALUES "
                           "('o1', 'visit', 'a', 'm-a', 'pending', '', 'x', '', '')")));
        QCOMPARE(visits.queuedWithoutOutboxEntry().value(), (QStringList{"b", "c"}));

        // Open visits silent since a cutoff, least recently changed or checked first.
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
            VisitRepository::Change accepted;
            accepted.from = Status::Queued;
            accepted.status = Status::Submitted;
            QVERIFY(visits.update(id, accepted).value());
        }
        VisitRepository::Change checked;
        checked.providerCheckedAt = QStringLiteral("2030-02-01T00:00:00.000Z");
        QVERIFY(visits.update(QStringLiteral("a"), checked).value());
        QStringList silent;
        const auto since = visits.silentSince(QStringLiteral("2030-03-01T00:00:00.000Z"), 10);
        QVERIFY(since);
        for (const auto &row : since.value())
            silent << row.id;
        QCOMPARE(silent, (QStringList{"b", "a"})); // c is Queued: not open
        QCOMPARE(visits.silentSince(QStringLiteral("2030-01-15T00:00:00.000Z"), 10)->size(), 1);
        QCOMPARE(visits.silentSince(QStringLiteral("2030-03-01T00:00:00.000Z"), 1)->size(), 1);
    }

    void boardScanAndRelayBatch()
    {
        VisitRepository visits(*m_store);
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            QVERIFY(visits.insert(newVisit(id, TimeText::utcNow())));
        QStringList seen;
        QVERIFY(visits.scanBoard({}, [&](const VisitRepository::BoardColumns &c) {
            seen << QString::fromLatin1(c.id);
            if (c.status != "Queued" || c.rx != "None" || c.visitType != "weightloss" ||
                c.createdBy != "alice" || !c.waitingForPatientSince.isNull())
                seen << QStringLiteral("wrong columns");
            return true;
        }));
        seen.sort();
        QCOMPARE(seen, (QStringList{"a", "b", "c"}));
        seen.clear();
        QVERIFY(visits.scanBoard({QStringLiteral("b"), QStringLiteral("zz")},
                                 [&](const VisitRepository::BoardColumns &c) {
                                     seen << QString::fromLatin1(c.id);
                                     return true;
                                 }));
        QCOMPARE(seen, QStringList{QStringLiteral("b")});

        VisitRepository::Batch batch(m_store->db());
        QVERIFY(batch.prepare());
        auto found = batch.findByMasterId(QStringLiteral("m-b"));
        QVERIFY(found && found->has_value());
        QCOMPARE(found.value()->id, QStringLiteral("b"));
        QVERIFY(!batch.findByMasterId(QStringLiteral("m-none")).value().has_value());
        QVERIFY(batch.setState(QStringLiteral("b"), {Status::Prescribed, RxStatus::Shipped},
                               QStringLiteral("2030-01-01T00:00:00.000Z")));
        auto row = visits.find(QStringLiteral("b")).value();
        QCOMPARE(row->state, (VisitStateMachine::State{Status::Prescribed, RxStatus::Shipped}));
        QCOMPARE(row->updatedAt, QStringLiteral("2030-01-01T00:00:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestVisitRepository)
#include "tst_visitrepository.moc"
