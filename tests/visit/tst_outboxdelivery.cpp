#include "TestSupport.h"
#include "VisitTestSupport.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"

#include <QTemporaryDir>
#include <QTest>

using namespace clinicdesk;
using namespace visittest;

// "Answering the clinician moves the visit back to Submitted once delivered": the move happens
// when the outbox marks the reply sent, never when it is queued, and not when the clinician has
// asked again since the reply was written.
class TestOutboxDelivery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    int m_visits = 0;
    qint64 m_cursor = 0;

    // A visit the provider has, whose clinician asked a question: NeedsInfo.
    QString askedVisit(QString *masterId)
    {
        const auto visit =
            submitVisit(*m_store, samplePatient(QStringLiteral("51255501%1").arg(10 + ++m_visits)));
        *masterId = visit.masterId;
        ask(*masterId);
        return visit.visitId;
    }
    void ask(const QString &masterId)
    {
        auto r = VisitEventApplier(*m_store).applyBatch({inboxEvent(
            ++m_cursor, QDateTime::currentDateTimeUtc(), masterId, QStringLiteral("DOCTOR_CHAT"),
            {{QStringLiteral("content"), QStringLiteral("Which dose?")}})});
        QVERIFY(r && r->applied == 1);
    }
    QString status(const QString &id)
    {
        return column(*m_store, QStringLiteral("visits"), id, QStringLiteral("status"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = std::make_unique<KeyFileKeyProvider>(test::writeKeyFile(m_dir));
        m_store = test::openStore(m_dir.filePath(QStringLiteral("store")), *m_keys);
    }

    void submittedOnlyOnceDelivered()
    {
        QString masterId;
        const QString id = askedVisit(&masterId);
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));
        Outbox outbox(*m_store);
        auto entryId = outbox.enqueueStaffChat(id, QStringLiteral("Alice"), QStringLiteral("Front"),
                                               QStringLiteral("50 mg"), QStringLiteral("alice"));
        QVERIFY(entryId);
        QCOMPARE(status(id), QStringLiteral("NeedsInfo")); // queued is not answered
        const Outbox::Entry entry = **outbox.entry(*entryId);
        QVERIFY(outbox.markRetry(entry, QStringLiteral("timed out"), 0,
                                 QDateTime::currentDateTimeUtc()));
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));
        QVERIFY(outbox.markSent(**outbox.entry(*entryId), {}));
        QCOMPARE(status(id), QStringLiteral("Submitted"));
    }

    void aRefusedReplyLeavesTheQuestionOpen()
    {
        QString masterId;
        const QString id = askedVisit(&masterId);
        Outbox outbox(*m_store);
        auto entryId = outbox.enqueueStaffChat(id, QStringLiteral("Alice"), QStringLiteral("Front"),
                                               QStringLiteral("50 mg"), QStringLiteral("alice"));
        QVERIFY(entryId);
        QVERIFY(
            outbox.markRejected(**outbox.entry(*entryId), QStringLiteral("Visit not found"), 404));
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));
    }

    void aNewerQuestionStaysOpen()
    {
        QString masterId;
        const QString id = askedVisit(&masterId);
        Outbox outbox(*m_store);
        auto entryId = outbox.enqueueStaffChat(id, QStringLiteral("Alice"), QStringLiteral("Front"),
                                               QStringLiteral("50 mg"), QStringLiteral("alice"));
        QVERIFY(entryId);
        // Written a minute ago; the clinician asked again since.
        QVERIFY(exec(*m_store, QStringLiteral("UPDATE outbox SET created_at = ? WHERE id = ?"),
                     {iso(QDateTime::currentDateTimeUtc().addSecs(-60)), *entryId}));
        ask(masterId);
        QVERIFY(outbox.markSent(**outbox.entry(*entryId), {}));
        QCOMPARE(status(id), QStringLiteral("NeedsInfo"));
    }

    void otherStatesAreKept()
    {
        const auto visit = submitVisit(*m_store, samplePatient(QStringLiteral("5125550199")));
        const QString id = visit.visitId;
        auto r = VisitEventApplier(*m_store).applyBatch(
            {inboxEvent(++m_cursor, QDateTime::currentDateTimeUtc(), visit.masterId,
                        QStringLiteral("CONSULT_CONCLUDED"),
                        {{QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}})});
        QVERIFY(r && r->applied == 1);
        QCOMPARE(status(id), QStringLiteral("Prescribed"));
        Outbox outbox(*m_store);
        auto entryId = outbox.enqueueStaffChat(id, QStringLiteral("Alice"), QStringLiteral("Front"),
                                               QStringLiteral("Thanks"), QStringLiteral("alice"));
        QVERIFY(entryId);
        QVERIFY(outbox.markSent(**outbox.entry(*entryId), {}));
        QCOMPARE(status(id), QStringLiteral("Prescribed"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxDelivery)
#include "tst_outboxdelivery.moc"
