// One relay per clinic, and two by mistake (issue 16, item 4): two relays, each with its own
// store instance (on PostgreSQL its own data dir and key ring copy on the same schema), apply the
// same inbox pages at the same time. Every event takes effect once: one processed_events record,
// one timeline entry, and between them the two report each event applied once and a duplicate
// once. Run on both backends.
#include "BoardFixture.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace clinicdesk;
using namespace clinicdesk::test;

class TestTwoRelays : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoRelaysApplyEachEventOnce()
    {
        constexpr int kPages = 20;
        constexpr int kPerPage = 25;
        QTemporaryDir dir;
        const QString dataA = dir.filePath(QStringLiteral("relay-a"));
        const QString dataB = usePostgres() ? dir.filePath(QStringLiteral("relay-b")) : dataA;
        KeyFileKeyProvider keysA(dir.filePath(QStringLiteral("a.key")));
        auto storeA = openStore(dataA, keysA);
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("a.key")),
                            dir.filePath(QStringLiteral("b.key"))));
        BoardFixture fx(*storeA);
        const QString patient = fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                              QDate(1980, 1, 2), QStringLiteral("5125550110"));
        const QString visit =
            fx.addVisit({patient, QStringLiteral("ED"), VisitStateMachine::Status::Submitted,
                         VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
        QList<QList<QJsonObject>> pages;
        for (int p = 0; p < kPages; ++p) {
            QList<QJsonObject> page;
            for (int i = 0; i < kPerPage; ++i) {
                const int n = p * kPerPage + i + 1;
                page << QJsonObject{
                    {QStringLiteral("cursor"), n},
                    {QStringLiteral("id"), QStringLiteral("msg_two_%1").arg(n)},
                    {QStringLiteral("provider"), QStringLiteral("beluga")},
                    {QStringLiteral("receivedAt"), TimeText::utcNow()},
                    {QStringLiteral("payload"),
                     QJsonObject{
                         {QStringLiteral("masterId"), fx.masterIdOf(visit)},
                         {QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                         {QStringLiteral("content"), QStringLiteral("Message %1").arg(n)}}}};
            }
            pages << page;
        }
        const int before = [&] {
            auto r = storeA->db().exec(QStringLiteral("SELECT COUNT(*) FROM visit_events"));
            return r && r->next() ? r->value(0).toInt() : -1;
        }();

        const StoreLocation location = storeLocation(dataA);
        std::atomic<int> applied{0}, duplicates{0}, failures{0};
        QSemaphore ready, go;
        auto relay = [&](const QString &dataDir, const QString &key) {
            KeyFileKeyProvider keys(key);
            auto store = LocalStore::open({dataDir, &keys, false, location, false});
            ready.release();
            if (!store) {
                ++failures;
                return;
            }
            go.acquire();
            for (const QList<QJsonObject> &page : std::as_const(pages)) {
                auto report = VisitEventApplier(*store.value()).applyBatch(page);
                if (!report) {
                    ++failures;
                    continue;
                }
                applied += report->applied;
                duplicates += report->duplicates;
            }
        };
        std::unique_ptr<QThread> a(
            QThread::create(relay, dataA, dir.filePath(QStringLiteral("a.key"))));
        std::unique_ptr<QThread> b(
            QThread::create(relay, dataB, dir.filePath(QStringLiteral("b.key"))));
        a->start();
        b->start();
        ready.acquire(2);
        go.release(2);
        QVERIFY(a->wait(120'000));
        QVERIFY(b->wait(120'000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(applied.load(), kPages * kPerPage);
        QCOMPARE(duplicates.load(), kPages * kPerPage);

        auto processed = storeA->db().exec(
            QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT id) FROM processed_events"));
        QVERIFY(processed && processed->next());
        QCOMPARE(processed->value(0).toInt(), kPages * kPerPage);
        QCOMPARE(processed->value(1).toInt(), kPages * kPerPage);
        auto timeline = storeA->db().exec(QStringLiteral("SELECT COUNT(*) FROM visit_events"));
        QVERIFY(timeline && timeline->next());
        QCOMPARE(timeline->value(0).toInt() - before, kPages * kPerPage);
    }
};

QTEST_MAIN(TestTwoRelays)
#include "tst_tworelays.moc"
