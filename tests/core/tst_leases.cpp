// Two staff on two workstations and one draft or visit (issue 16): the second to open it hears
// who has it, where and since when (a lease that is renewed while open and expires when the PC
// dies), never overwrites silently; a save that continues a version someone else has replaced
// meanwhile is a conflict; a draft saved at PC A is continued at PC B. Run on both backends: on
// PostgreSQL "PC B" is a second store instance with its own data dir and copy of the key ring on
// the same schema; on SQLite (one PC) a second instance of the same store.
#include "TestSupport.h"
#include "intake/DraftAutosaveWorker.h"
#include "intake/DraftRepository.h"
#include "store/Leases.h"

#include <QSignalSpy>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;

class TestLeases : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keysA, m_keysB;
    std::unique_ptr<LocalStore> m_a, m_b;

    const Leases::Owner m_ana{QStringLiteral("ana"), QStringLiteral("Ana Ruiz"),
                              QStringLiteral("desk-1")};
    const Leases::Owner m_ben{QStringLiteral("ben"), QStringLiteral("Ben Ortiz"),
                              QStringLiteral("back-office")};

    Draft draft(const QString &note)
    {
        Draft d;
        d.ownerUser = QStringLiteral("ana");
        d.visitType = QStringLiteral("ED");
        d.questionnaire = QStringLiteral("ed");
        d.page = 2;
        d.answers = {{QStringLiteral("note"), note}};
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dataA = m_dir.filePath(QStringLiteral("pc-a"));
        const QString dataB = usePostgres() ? m_dir.filePath(QStringLiteral("pc-b")) : dataA;
        m_keysA = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("a.key")));
        m_a = openStore(dataA, *m_keysA);
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("a.key")),
                            m_dir.filePath(QStringLiteral("b.key"))));
        m_keysB = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("b.key")));
        auto b = LocalStore::open({dataB, m_keysB.get(), false, storeLocation(dataA), false});
        QVERIFY2(b, b ? "" : qPrintable(b.error().message));
        m_b = std::move(b).value();
    }

    void secondOpenHearsWhoHasIt()
    {
        const QString resource = Leases::draft(QStringLiteral("d-1"));
        auto first = Leases(m_a->db()).acquire(resource, m_ana);
        QVERIFY(first);
        QVERIFY(first->taken);
        QVERIFY(!first->lease.token.isEmpty());

        auto second = Leases(m_b->db()).acquire(resource, m_ben);
        QVERIFY(second);
        QVERIFY(!second->taken);
        QCOMPARE(second->lease.ownerName, QStringLiteral("Ana Ruiz"));
        QCOMPARE(second->lease.workstation, QStringLiteral("desk-1"));
        QCOMPARE(second->lease.acquiredAt, first->lease.acquiredAt);
        QVERIFY(second->lease.token.isEmpty()); // someone else's token is never handed out
        auto holder = Leases(m_b->db()).holder(resource);
        QVERIFY(holder && holder.value());
        QCOMPARE(holder.value()->ownerUser, QStringLiteral("ana"));

        // Ana's console restarted at the same PC takes her own lease back.
        auto again = Leases(m_b->db()).acquire(resource, m_ana);
        QVERIFY(again && again->taken);
        // Released: Ben may have it.
        QVERIFY(Leases(m_a->db()).release(again->lease));
        auto third = Leases(m_b->db()).acquire(resource, m_ben);
        QVERIFY(third && third->taken);
        QVERIFY(Leases(m_b->db()).release(third->lease));
        QVERIFY(Leases(m_b->db()).holder(resource) &&
                !Leases(m_b->db()).holder(resource)->has_value());
    }

    void aDeadWorkstationsLeaseExpires()
    {
        const QString resource = Leases::visit(QStringLiteral("v-1"));
        // PC A takes it for 300 ms and dies (no renewal).
        auto first = Leases(m_a->db()).acquire(resource, m_ana, 300);
        QVERIFY(first && first->taken);
        auto refused = Leases(m_b->db()).acquire(resource, m_ben);
        QVERIFY(refused && !refused->taken);
        const auto benTakes = [&] {
            auto r = Leases(m_b->db()).acquire(resource, m_ben);
            return r && r->taken;
        };
        QTRY_VERIFY_WITH_TIMEOUT(benTakes(), 5000);
        // A comes back: its renewal is refused (Conflict), never a silent take-back.
        auto renewed = Leases(m_a->db()).renew(first->lease);
        QVERIFY(!renewed);
        QCOMPARE(renewed.error().code, ErrorCode::Conflict);
    }

    void keeperRenewsAndSaysWhenLost()
    {
        const QString resource = Leases::draft(QStringLiteral("d-2"));
        auto taken = Leases(m_a->db()).acquire(resource, m_ana, 400);
        QVERIFY(taken && taken->taken);
        {
            // Renewed every 100 ms for 400 ms: Ben is refused for as long as it lives.
            LeaseKeeper keeper(m_a->db(), taken->lease, nullptr, 100, 400);
            // Renewed well past its first expiry.
            const auto renewedPast = [&](qint64 ms) {
                auto h = Leases(m_b->db()).holder(resource);
                return h && h.value() && h.value()->expiresMs > ms;
            };
            QTRY_VERIFY_WITH_TIMEOUT(renewedPast(taken->lease.expiresMs + 1000), 5000);
            auto refused = Leases(m_b->db()).acquire(resource, m_ben);
            QVERIFY(refused && !refused->taken);
        }
        // The keeper released it when it went.
        auto now = Leases(m_b->db()).acquire(resource, m_ben);
        QVERIFY(now && now->taken);
        QVERIFY(Leases(m_b->db()).release(now->lease));

        // A keeper that cannot renew in time (renewal every 2 s, expiry after 200 ms) loses it.
        auto again = Leases(m_a->db()).acquire(resource, m_ana, 200);
        QVERIFY(again && again->taken);
        LeaseKeeper late(m_a->db(), again->lease, nullptr, 2000, 200);
        QSignalSpy lost(&late, &LeaseKeeper::lost);
        const auto benTakes = [&] {
            auto r = Leases(m_b->db()).acquire(resource, m_ben);
            return r && r->taken;
        };
        QTRY_VERIFY_WITH_TIMEOUT(benTakes(), 5000);
        QVERIFY(lost.wait(5000));
        QVERIFY(!late.isHeld());
    }

    void draftSavedAtAContinuesAtB()
    {
        auto id = DraftRepository(*m_a).save(draft(QStringLiteral("first page")));
        QVERIFY(id);
        auto atB = DraftRepository(*m_b).get(id.value());
        QVERIFY2(atB, atB ? "" : qPrintable(atB.error().message));
        QCOMPARE(atB->answers.value(QStringLiteral("note")).toString(),
                 QStringLiteral("first page"));
        QCOMPARE(atB->page, 2);
        QCOMPARE(atB->version, qint64(1));
        Draft continued = atB.value();
        continued.answers.insert(QStringLiteral("note"), QStringLiteral("second page"));
        continued.page = 3;
        QVERIFY(DraftRepository(*m_b).save(continued));
        auto atA = DraftRepository(*m_a).get(id.value());
        QVERIFY(atA);
        QCOMPARE(atA->answers.value(QStringLiteral("note")).toString(),
                 QStringLiteral("second page"));
        QCOMPARE(atA->page, 3);
        QCOMPARE(atA->version, qint64(2));
    }

    void staleSaveIsAConflictNotAnOverwrite()
    {
        auto id = DraftRepository(*m_a).save(draft(QStringLiteral("at A")));
        QVERIFY(id);
        auto readByA = DraftRepository(*m_a).get(id.value());
        auto readByB = DraftRepository(*m_b).get(id.value());
        QVERIFY(readByA && readByB);
        // B saves first (A's lease had expired); A's save continues an older version.
        Draft b = readByB.value();
        b.answers.insert(QStringLiteral("note"), QStringLiteral("by B"));
        QVERIFY(DraftRepository(*m_b).save(b));
        Draft a = readByA.value();
        a.answers.insert(QStringLiteral("note"), QStringLiteral("by A, stale"));
        auto stale = DraftRepository(*m_a).save(a);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY(stale.error().message.contains(QLatin1String("another workstation")));
        QCOMPARE(DraftRepository(*m_a).get(id.value())->answers.value(QStringLiteral("note")),
                 QJsonValue(QStringLiteral("by B")));

        // The autosave worker continues its own saves, and stops at someone else's.
        DraftAutosaveWorker worker(m_a->connectionOpener(), m_a->cipher());
        QSignalSpy saved(&worker, &DraftAutosaveWorker::saved);
        QSignalSpy failed(&worker, &DraftAutosaveWorker::failed);
        Draft mine = DraftRepository(*m_a).get(id.value()).value();
        for (int i = 0; i < 3; ++i) {
            mine.answers.insert(QStringLiteral("note"), QStringLiteral("autosave %1").arg(i));
            worker.save(mine, i);
        }
        QCOMPARE(saved.count(), 3);
        QCOMPARE(failed.count(), 0);
        Draft theirs = DraftRepository(*m_b).get(id.value()).value();
        QVERIFY(DraftRepository(*m_b).save(theirs));
        worker.save(mine, 3);
        QCOMPARE(failed.count(), 1);
        worker.close();
    }
};

QTEST_MAIN(TestLeases)
#include "tst_leases.moc"
