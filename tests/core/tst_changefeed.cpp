// Several workstations on one PostgreSQL store (issue 16, "Several consoles, live"): two store
// instances ("PC A" and "PC B"), each with its own data dir and its own copy of the key ring, on
// the same schema of the test cluster. What A commits reaches B's change feed (LISTEN/NOTIFY)
// with ids only, a rollback announces nothing, the feed listens again after its server process
// is terminated, and a draft saved at A is continued at B.
#include "BoardFixture.h"
#include "TestSupport.h"
#include "intake/DraftRepository.h"
#include "provider/Outbox.h"
#include "relay/VisitEventApplier.h"
#include "store/ChangeFeed.h"
#include "store/NotificationRepository.h"
#include "store/PatientConsentStore.h"
#include "visits/PatientMessageTimeline.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;

class TestChangeFeed : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keysA, m_keysB;
    std::unique_ptr<LocalStore> m_a, m_b;
    std::unique_ptr<BoardFixture> m_fx; // PC A's visits
    QString m_patient, m_visit;
    qint64 m_cursor = 0;

    Draft draft(const QString &owner)
    {
        Draft d;
        d.ownerUser = owner;
        d.visitType = QStringLiteral("ED");
        d.questionnaire = QStringLiteral("ed");
        d.answers = {{QStringLiteral("note"), QStringLiteral("Lucía, 555-0110")}};
        return d;
    }

    // The relay applies a provider event at A, as clinicdesk-relay does.
    void relayAtA(const QString &visitId, const QJsonObject &payload)
    {
        QJsonObject body = payload;
        body.insert(QStringLiteral("masterId"), m_fx->masterIdOf(visitId));
        ++m_cursor;
        const QJsonObject event{{QStringLiteral("cursor"), m_cursor},
                                {QStringLiteral("id"), QStringLiteral("msg_feed_%1").arg(m_cursor)},
                                {QStringLiteral("provider"), QStringLiteral("beluga")},
                                {QStringLiteral("receivedAt"), TimeText::utcNow()},
                                {QStringLiteral("payload"), body}};
        auto report = VisitEventApplier(*m_a).applyBatch({event});
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->applied, 1);
    }

    // Whether any signal the spy caught so far names `id`.
    static bool heard(const QSignalSpy &spy, const QString &id)
    {
        for (const QList<QVariant> &signal : spy)
            if (signal.at(0).toStringList().contains(id))
                return true;
        return false;
    }

    std::unique_ptr<ChangeFeed> feedAtB()
    {
        auto feed = ChangeFeed::open(m_b->db(), m_b->connectionOpener());
        if (!feed)
            qFatal("change feed: %s", qPrintable(feed.error().message));
        return std::move(feed).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        const QString dataA = m_dir.filePath(QStringLiteral("pc-a"));
        const QString dataB = m_dir.filePath(QStringLiteral("pc-b"));
        m_keysA = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("a.key")));
        m_a = openStore(dataA, *m_keysA);
        // PC B got the clinic's key ring into its own key store (workstation join); here a copy.
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("a.key")),
                            m_dir.filePath(QStringLiteral("b.key"))));
        m_keysB = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("b.key")));
        auto b = LocalStore::open({dataB, m_keysB.get(), false, storeLocation(dataA), false});
        QVERIFY2(b, b ? "" : qPrintable(b.error().message));
        m_b = std::move(b).value();
        QCOMPARE(m_b->storeId(), m_a->storeId());

        m_fx = std::make_unique<BoardFixture>(*m_a);
        m_patient = m_fx->addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                     QDate(1980, 1, 2), QStringLiteral("5125550110"));
        m_visit = m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Submitted,
                                  VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
    }

    void sqliteHasNoFeed()
    {
        QTemporaryDir dir;
        auto db = Database::openSqlite(dir.filePath(QStringLiteral("x.db")));
        QVERIFY(db);
        auto feed = ChangeFeed::open(*db.value(), {});
        QVERIFY(feed);
        QVERIFY(!feed.value());
    }

    void commitsAtAReachB()
    {
        auto feed = feedAtB();
        QVERIFY(feed->isListening());
        QSignalSpy visits(feed.get(), &ChangeFeed::visitsChanged);
        QSignalSpy drafts(feed.get(), &ChangeFeed::draftsChanged);

        // A visit submitted at A.
        const QString visit =
            m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Submitted,
                            VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
        QTRY_VERIFY_WITH_TIMEOUT(heard(visits, visit), 1000);

        // A provider message applied by the relay at A.
        QVERIFY(!heard(visits, m_visit));
        relayAtA(m_visit, {{QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                           {QStringLiteral("content"), QStringLiteral("Any allergies?")}});
        QTRY_VERIFY_WITH_TIMEOUT(heard(visits, m_visit), 1000);

        // A draft saved at A; one that was rolled back is never announced.
        QString rolledBack;
        auto failed = m_a->db().transaction([&]() -> Result<void> {
            auto id = DraftRepository(*m_a).save(draft(QStringLiteral("ana")));
            if (!id)
                return id.error();
            rolledBack = id.value();
            return makeError(ErrorCode::Cancelled, QStringLiteral("changed my mind"));
        });
        QVERIFY(!failed);
        auto saved = DraftRepository(*m_a).save(draft(QStringLiteral("ana")));
        QVERIFY(saved);
        QVERIFY(drafts.wait(1000));
        QCOMPARE(drafts.first().at(0).toStringList(), QStringList{saved.value()});
        QVERIFY(!rolledBack.isEmpty());

        // Removed at A (submitted, discarded): B hears of that too.
        drafts.clear();
        QVERIFY(DraftRepository(*m_a).remove(saved.value()));
        QVERIFY(drafts.wait(1000));
        QCOMPARE(drafts.first().at(0).toStringList(), QStringList{saved.value()});
    }

    // The outbox's trigger, made again by migration 15 (the table was copied): a message
    // queued at A is heard at B.
    void outboxEntriesAreAnnounced()
    {
        auto feed = feedAtB();
        QSignalSpy visits(feed.get(), &ChangeFeed::visitsChanged);
        QVERIFY(!heard(visits, m_visit));
        QVERIFY(Outbox(*m_a).enqueueSupportMessage(m_visit, QStringLiteral("Any news?"),
                                                   QStringLiteral("ana")));
        QTRY_VERIFY_WITH_TIMEOUT(heard(visits, m_visit), 1000);
    }

    void payloadsHoldIdsOnly()
    {
        // Listening as anyone on the database could: what goes over the channel.
        auto raw = m_b->connectionOpener()();
        QVERIFY(raw);
        auto schema = raw.value()->exec(QStringLiteral("SELECT current_schema()"));
        QVERIFY(schema && schema->next());
        QSqlDriver *driver = raw.value()->handle().driver();
        QVERIFY(
            driver->subscribeToNotification(ChangeFeed::channelFor(schema->value(0).toString())));
        QStringList payloads;
        connect(driver, &QSqlDriver::notification, this,
                [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    payloads << payload.toString();
                });
        auto id = DraftRepository(*m_a).save(draft(QStringLiteral("ana")));
        QVERIFY(id);
        relayAtA(m_visit, {{QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                           {QStringLiteral("content"), QStringLiteral("Lucía, call 555-0110")}});
        QTRY_VERIFY_WITH_TIMEOUT(payloads.size() >= 2, 2000);
        static const QRegularExpression idsOnly(
            QStringLiteral("^(visit|draft) [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                           "[0-9a-f]{12}$"));
        for (const QString &payload : std::as_const(payloads))
            QVERIFY2(idsOnly.match(payload).hasMatch(), qPrintable(payload));
        QVERIFY(payloads.contains(QStringLiteral("draft ") + id.value()));
        QVERIFY(payloads.contains(QStringLiteral("visit ") + m_visit));
    }

    void listensAgainAfterItsConnectionIsKilled()
    {
        auto feed = feedAtB();
        QSignalSpy resynced(feed.get(), &ChangeFeed::resynced);
        QSignalSpy drafts(feed.get(), &ChangeFeed::draftsChanged);
        const qint64 before = feed->backendPid();
        QVERIFY(before > 0);
        auto killed = m_a->db().exec(QStringLiteral("SELECT pg_terminate_backend(?)"), {before});
        QVERIFY2(killed, killed ? "" : qPrintable(killed.error().message));
        QVERIFY(resynced.wait(5000));
        QVERIFY(feed->isListening());
        QVERIFY(feed->backendPid() != before);

        auto id = DraftRepository(*m_a).save(draft(QStringLiteral("ana")));
        QVERIFY(id);
        QVERIFY(drafts.wait(1000));
        QCOMPARE(drafts.first().at(0).toStringList(), QStringList{id.value()});
        QCOMPARE(resynced.count(), 1);
    }

    // Migration 13: a patient message's state changes at A (the relay's sender) reach B's open
    // timeline: queued, then sent. A claim (only the lease changes) announces nothing: B's raw
    // listener hears the draft committed after the claim with no visit payload before it
    // (notifications arrive in commit order).
    void notificationStateReachesB()
    {
        QVERIFY(
            PatientConsentStore(m_a->db(), m_a->cipher())
                .setConsent(m_patient, true, false, QStringLiteral("en"), QStringLiteral("ana")));
        auto feed = feedAtB();
        QSignalSpy visits(feed.get(), &ChangeFeed::visitsChanged);
        relayAtA(m_visit, {{QStringLiteral("event"), QStringLiteral("RX_WRITTEN")}});
        QTRY_VERIFY_WITH_TIMEOUT(heard(visits, m_visit), 1000);
        NotificationRepository rowsA(m_a->db(), m_a->cipher());
        auto queued = rowsA.list(m_visit, QStringLiteral("queued"));
        QVERIFY(queued);
        QCOMPARE(queued->size(), 1); // e-mail queued (the text is blocked: no consent)
        const QString id = queued->first().id;
        const auto timelineAtB = [&] {
            auto entries = PatientMessageTimeline::entries(m_b->db(), m_b->cipher(), m_visit);
            QStringList labels;
            for (const auto &e : entries ? entries.value() : QList<VisitRecord::TimelineEntry>())
                labels << e.label;
            return labels.join(u'\n');
        };
        QVERIFY2(timelineAtB().contains(QStringLiteral("(prescription written): queued")),
                 qPrintable(timelineAtB()));

        auto raw = m_b->connectionOpener()();
        QVERIFY(raw);
        QSqlDriver *driver = raw.value()->handle().driver();
        QVERIFY(driver->subscribeToNotification(feed->channel()));
        QStringList payloads;
        connect(driver, &QSqlDriver::notification, this,
                [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    payloads << payload.toString();
                });
        const QString now = TimeText::utcNow();
        auto claimed = rowsA.claim(QStringLiteral("sender-a"), now,
                                   QStringLiteral("2999-01-01T00:00:00.000Z"), 10);
        QVERIFY(claimed);
        QVERIFY(std::any_of(claimed->begin(), claimed->end(),
                            [&](const auto &r) { return r.id == id; }));
        auto marker = DraftRepository(*m_a).save(draft(QStringLiteral("ana")));
        QVERIFY(marker);
        QTRY_VERIFY_WITH_TIMEOUT(payloads.contains(QStringLiteral("draft ") + marker.value()),
                                 2000);
        QVERIFY2(!payloads.contains(QStringLiteral("visit ") + m_visit),
                 qPrintable(payloads.join(u", ")));

        visits.clear();
        QVERIFY(rowsA.markSent(id, QStringLiteral("sender-a"), TimeText::utcNow()).value());
        QTRY_VERIFY_WITH_TIMEOUT(heard(visits, m_visit), 1000);
        QVERIFY2(timelineAtB().contains(QStringLiteral("(prescription written): sent")),
                 qPrintable(timelineAtB()));
    }

    void relayBatchIsOneSignal()
    {
        auto feed = feedAtB();
        QSignalSpy visits(feed.get(), &ChangeFeed::visitsChanged);
        QStringList ids;
        auto done = m_a->db().transaction([&]() -> Result<void> {
            for (int i = 0; i < 20; ++i)
                ids << m_fx->addVisit({m_patient, QStringLiteral("ED"), Status::Submitted,
                                       VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
            return {};
        });
        QVERIFY(done);
        // One transaction, one signal with every visit it touched.
        QVERIFY(visits.wait(1000));
        QStringList seen = visits.first().at(0).toStringList();
        ids.sort();
        QCOMPARE(seen, ids);
    }
};

QTEST_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
