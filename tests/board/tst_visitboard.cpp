// The visit board's data side: rows from the store, attention rules, the blind-index search,
// the model (checked by QAbstractItemModelTester through every change) and the proxy's filters
// and sorting.
#include "BoardFixture.h"
#include "TestSupport.h"
#include "VisitBoardModel.h"
#include "VisitBoardProxy.h"
#include "audit/AuditLog.h"
#include "visits/VisitBoard.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;
using RxStatus = VisitStateMachine::RxStatus;

namespace {

QStringList columnValues(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

} // namespace

class TestVisitBoard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    QString m_ana, m_luis, m_maria;

    void openFreshStore()
    {
        m_store.reset();
        const QString dataDir = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_keys = std::make_unique<KeyFileKeyProvider>(dataDir + QStringLiteral(".key"));
        m_store = openStore(dataDir, *m_keys);
        BoardFixture fx(*m_store);
        m_ana = fx.addPatient(QStringLiteral("Ana"), QStringLiteral("Ruiz"), QDate(1985, 3, 14),
                              QStringLiteral("5125550101"));
        m_luis = fx.addPatient(QStringLiteral("Luis"), QStringLiteral("Ortega Díaz"),
                               QDate(1990, 7, 1), QStringLiteral("5125550102"));
        m_maria = fx.addPatient(QStringLiteral("María José"), QStringLiteral("Núñez"),
                                QDate(1979, 12, 31), QStringLiteral("5125550103"));
    }

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup()
    {
        m_store.reset();
        m_keys.reset();
    }

    void attentionRules()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const AttentionRules rules; // 48 h silent, stuck after 30 min or 3 attempts
        VisitBoardRow row;
        row.updatedAtMs = now - BoardFixture::hours(1);

        row.status = Status::Submitted;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NoAttention));
        QCOMPARE(row.waitingFor(), WaitingFor::Provider);

        row.status = Status::NeedsInfo;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NeedsInfo));
        QCOMPARE(row.waitingFor(), WaitingFor::Clinic);
        // Staff asked the patient: no longer the clinic's move, but not forgotten either.
        row.waitingForPatientSinceMs = now - BoardFixture::hours(2);
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NoAttention));
        QCOMPARE(row.waitingFor(), WaitingFor::Patient);
        row.waitingForPatientSinceMs = now - BoardFixture::hours(49);
        row.updatedAtMs = now - BoardFixture::hours(50);
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::Silent));
        row.waitingForPatientSinceMs = 0;

        row.status = Status::Submitted;
        row.updatedAtMs = now - BoardFixture::hours(47);
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NoAttention));
        row.updatedAtMs = now - BoardFixture::hours(48);
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::Silent));

        // Concluded visits are never silent.
        row.status = Status::Prescribed;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NoAttention));
        QCOMPARE(row.waitingFor(), WaitingFor::Pharmacy);
        row.rx = RxStatus::Delivered;
        QCOMPARE(row.waitingFor(), WaitingFor::Nobody);

        // The outbox: stuck by attempts, or by age; a refused reply.
        row.status = Status::Queued;
        row.updatedAtMs = now;
        row.outboxPendingSinceMs = now - 60 * 1000;
        row.outboxAttempts = 2;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::NoAttention));
        row.outboxAttempts = 3;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::Stuck));
        row.outboxAttempts = 0;
        row.outboxPendingSinceMs = now - 31 * 60 * 1000;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::Stuck));
        row.outboxPendingSinceMs = 0;
        row.status = Status::Rejected;
        row.computeAttention(rules, now);
        QCOMPARE(row.attention, quint8(VisitBoardRow::Rejected));
        QCOMPARE(row.waitingFor(), WaitingFor::Clinic);

        // Unread: needs attention and changed since the user last opened it.
        row.seenAtMs = 0;
        QVERIFY(row.unread());
        row.seenAtMs = row.updatedAtMs;
        QVERIFY(!row.unread());
    }

    void searchParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QDate>("dob");
        const int phone = int(BoardSearch::Kind::Phone), nameDob = int(BoardSearch::Kind::NameDob),
                  invalid = int(BoardSearch::Kind::Invalid), empty = int(BoardSearch::Kind::Empty);
        QTest::newRow("empty") << "  " << empty << QString() << QStringList() << QDate();
        QTest::newRow("phone") << "(512) 555-0101" << phone << "5125550101" << QStringList()
                               << QDate();
        QTest::newRow("phone +1") << "+1 512 555 0101" << phone << "5125550101" << QStringList()
                                  << QDate();
        QTest::newRow("short number")
            << "555-0101" << invalid << QString() << QStringList() << QDate();
        QTest::newRow("name and US date") << "Ana Ruiz 03/14/1985" << nameDob << QString()
                                          << QStringList{"Ana", "Ruiz"} << QDate(1985, 3, 14);
        QTest::newRow("last, first and ISO date")
            << "Ruiz, Ana 1985-03-14" << nameDob << QString() << QStringList{"Ana", "Ruiz"}
            << QDate(1985, 3, 14);
        QTest::newRow("name only")
            << "Ana Ruiz" << invalid << QString() << QStringList{"Ana", "Ruiz"} << QDate();
        QTest::newRow("one name") << "Ruiz 03/14/1985" << invalid << QString()
                                  << QStringList{"Ruiz"} << QDate(1985, 3, 14);
    }

    void searchParsing()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const BoardSearch search = BoardSearch::parse(text);
        QCOMPARE(int(search.kind), kind);
        if (search.kind == BoardSearch::Kind::Phone) {
            QFETCH(QString, phone);
            QCOMPARE(search.phone, phone);
        }
        if (search.kind == BoardSearch::Kind::NameDob) {
            QFETCH(QStringList, words);
            QFETCH(QDate, dob);
            QCOMPARE(search.nameWords, words);
            QCOMPARE(search.dob, dob);
        }
    }

    void searchThroughBlindIndex()
    {
        AuditLog audit(*m_store, nullptr);
        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        auto byPhone =
            source.findPatients(BoardSearch::parse(QStringLiteral("512-555-0102")), &audit);
        QVERIFY(byPhone);
        QCOMPARE(byPhone.value(), QSet<QString>{m_luis});
        // Multi-word names: every split into first and last name is tried.
        auto byName = source.findPatients(
            BoardSearch::parse(QStringLiteral("maria jose nunez 12/31/1979")), &audit);
        QVERIFY(byName);
        QCOMPARE(byName.value(), QSet<QString>{m_maria});
        auto lastFirst = source.findPatients(
            BoardSearch::parse(QStringLiteral("Ortega Díaz, Luis 07/01/1990")), &audit);
        QVERIFY(lastFirst);
        QCOMPARE(lastFirst.value(), QSet<QString>{m_luis});
        auto wrongDob =
            source.findPatients(BoardSearch::parse(QStringLiteral("Ana Ruiz 03/15/1985")), &audit);
        QVERIFY(wrongDob);
        QVERIFY(wrongDob->isEmpty());
        auto invalid = source.findPatients(BoardSearch::parse(QStringLiteral("Ana")), &audit);
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code, ErrorCode::InvalidInput);

        // Each search is an audited PHI lookup that records what kind and how many, never the
        // query.
        QList<AuditEntry> entries;
        QVERIFY(audit.forEach({}, [&](const AuditEntry &e) {
            entries << e;
            return true;
        }));
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.first().action, QStringLiteral("phi-view"));
        QCOMPARE(entries.first().entityId, QStringLiteral("phone"));
        QCOMPARE(entries.at(1).entityId, QStringLiteral("name_dob"));
        for (const AuditEntry &e : std::as_const(entries)) {
            QVERIFY(!e.detail.contains(QLatin1String("555")));
            QVERIFY(!e.detail.contains(QLatin1String("Ruiz"), Qt::CaseInsensitive));
        }
    }

    void rowsFromStore()
    {
        BoardFixture fx(*m_store);
        const QString queued = fx.addVisit({m_ana, QStringLiteral("ED"), Status::Queued});
        fx.addPendingOutbox(queued, 4);
        const QString prescribed = fx.addVisit(
            {m_luis, QStringLiteral("weightloss"), Status::Prescribed, RxStatus::Shipped});
        const QString chat = fx.addVisit({m_maria, QStringLiteral("hairloss"), Status::Submitted});
        fx.addPendingOutbox(chat, 0, QStringLiteral("chat"), QStringLiteral("rejected"));

        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        auto rows = source.loadAll();
        QVERIFY(rows);
        QCOMPARE(rows->size(), 3);
        QHash<QString, VisitBoardRow> byId;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (VisitBoardRow row : rows.value()) {
            row.computeAttention({}, now);
            byId.insert(row.visitId, row);
        }
        QCOMPARE(byId[queued].outboxAttempts, 4);
        QCOMPARE(byId[queued].attention, quint8(VisitBoardRow::Stuck));
        QCOMPARE(byId[prescribed].rx, RxStatus::Shipped);
        QCOMPARE(byId[prescribed].attention, quint8(VisitBoardRow::NoAttention));
        QVERIFY(byId[chat].outboxRejected);
        QCOMPARE(byId[chat].attention, quint8(VisitBoardRow::Rejected));
        QCOMPARE(byId[chat].createdBy, QStringLiteral("ana")); // no account: the username

        // Seen marks are per user and survive a reload.
        QVERIFY(byId[queued].unread());
        QVERIFY(source.markSeen(queued));
        auto again = source.load({queued});
        QVERIFY(again);
        QCOMPARE(again->size(), 1);
        again->first().computeAttention({}, now);
        QVERIFY(!again->first().unread());
        VisitBoardSource other(*m_store, QStringLiteral("luis"));
        auto theirs = other.load({queued});
        QVERIFY(theirs);
        theirs->first().computeAttention({}, now);
        QVERIFY(theirs->first().unread());

        // Waiting for the patient only applies to a visit waiting for information.
        QVERIFY(!source.setWaitingForPatient(prescribed, true, nullptr));
    }

    void modelAndProxyUnderTester()
    {
        BoardFixture fx(*m_store);
        const QString v1 = fx.addVisit({m_ana, QStringLiteral("ED"), Status::Submitted});
        const QString v2 = fx.addVisit({m_luis, QStringLiteral("weightloss"), Status::NeedsInfo});
        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        VisitBoardModel model(&source);
        VisitBoardProxy proxy;
        proxy.setBoardModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(VisitBoardModel::UpdatedColumn, Qt::DescendingOrder);

        auto rows = source.loadAll();
        QVERIFY(rows);
        model.setRows(rows.value(), QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(VisitBoardModel::ColumnCount));
        // Names are opened only when asked for, and shown "Last, First".
        const int ana = model.rowOf(v1);
        QCOMPARE(model.index(ana, VisitBoardModel::PatientColumn).data().toString(),
                 QStringLiteral("Ruiz, Ana"));
        QCOMPARE(model.index(ana, VisitBoardModel::StatusColumn).data().toString(),
                 QStringLiteral("Submitted"));
        QVERIFY(!model.index(ana, VisitBoardModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QCOMPARE(model.attentionCount(), 1);
        QCOMPARE(model.unreadCount(), 1);
        // The visit that needs attention is first.
        QCOMPARE(proxy.index(0, 0).data(VisitBoardModel::VisitIdRole).toString(), v2);

        // A live change in place, and a new visit.
        QSignalSpy counts(&model, &VisitBoardModel::countsChanged);
        fx.setUpdated(v1, Status::NeedsInfo, 0);
        const QString v3 = fx.addVisit({m_maria, QStringLiteral("hairloss"), Status::Queued});
        auto changed = source.load({v1, v3});
        QVERIFY(changed);
        const QStringList unread =
            model.upsertRows(changed.value(), QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(unread, QStringList{v1});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.attentionCount(), 2);
        QCOMPARE(model.countsByStatus().value(Status::NeedsInfo), 2);
        QCOMPARE(proxy.rowCount(), 3);
        // Both visits that need attention above the queued one, newest first.
        QCOMPARE(proxy.index(0, 0).data(VisitBoardModel::VisitIdRole).toString(), v1);
        QCOMPARE(proxy.index(2, 0).data(VisitBoardModel::VisitIdRole).toString(), v3);

        model.markSeen(v1, QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(model.unreadCount(), 1);
        // Time passes: the submitted visit falls silent after the configured hours.
        AttentionRules rules;
        rules.silentAfterHours = 1;
        model.setRules(rules);
        fx.setUpdated(v3, Status::Submitted, BoardFixture::hours(2));
        auto silent = source.load({v3});
        QVERIFY(silent);
        model.upsertRows(silent.value(), QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(model.index(model.rowOf(v3), 0).data(VisitBoardModel::AttentionRole).toInt(),
                 int(VisitBoardRow::Silent));
        QVERIFY(model.refreshAttention(QDateTime::currentMSecsSinceEpoch()).isEmpty());

        model.clearPatientNames();
        model.setRows({}, 0);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void proxyFilters()
    {
        BoardFixture fx(*m_store);
        const qint64 day = BoardFixture::hours(24);
        const QString old = fx.addVisit({m_ana, QStringLiteral("ED"), Status::Prescribed,
                                         RxStatus::Delivered, QStringLiteral("ana"), 10 * day});
        const QString mid = fx.addVisit({m_luis, QStringLiteral("ED"), Status::Submitted,
                                         RxStatus::None, QStringLiteral("luis"), 5 * day});
        const QString fresh = fx.addVisit({m_maria, QStringLiteral("hairloss"), Status::Rejected,
                                           RxStatus::None, QStringLiteral("luis"), 0});
        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        VisitBoardModel model(&source);
        VisitBoardProxy proxy;
        proxy.setBoardModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(source.loadAll().value(), QDateTime::currentMSecsSinceEpoch());
        auto ids = [&] {
            QSet<QString> out;
            for (int row = 0; row < proxy.rowCount(); ++row)
                out << proxy.index(row, 0).data(VisitBoardModel::VisitIdRole).toString();
            return out;
        };
        QCOMPARE(ids(), (QSet<QString>{old, mid, fresh}));

        proxy.setStatus(Status::Submitted);
        QCOMPARE(ids(), QSet<QString>{mid});
        proxy.setStatus(std::nullopt);
        proxy.setAttentionOnly(true);
        QCOMPARE(ids(), QSet<QString>{fresh});
        proxy.setAttentionOnly(false);

        proxy.setVisitType(QStringLiteral("ED"));
        QCOMPARE(ids(), (QSet<QString>{old, mid}));
        proxy.setSubmittedBy(QStringLiteral("luis"));
        QCOMPARE(ids(), QSet<QString>{mid});
        proxy.setVisitType({});
        QCOMPARE(ids(), (QSet<QString>{mid, fresh}));
        proxy.setSubmittedBy({});

        const QDate today = QDate::currentDate();
        proxy.setDateRange(today.addDays(-7), QDate());
        QCOMPARE(ids(), (QSet<QString>{mid, fresh}));
        proxy.setDateRange(QDate(), today.addDays(-7));
        QCOMPARE(ids(), QSet<QString>{old});
        proxy.setDateRange(today.addDays(-6), today.addDays(-4));
        QCOMPARE(ids(), QSet<QString>{mid});
        proxy.setDateRange({}, {});

        proxy.setPatients(QSet<QString>{m_ana, m_maria});
        QCOMPARE(ids(), (QSet<QString>{old, fresh}));
        proxy.setPatients(QSet<QString>{});
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setPatients(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void sortingKeepsAttentionFirst()
    {
        BoardFixture fx(*m_store);
        const QString a = fx.addVisit({m_ana, QStringLiteral("ED"), Status::Submitted});
        const QString b = fx.addVisit({m_luis, QStringLiteral("ED"), Status::NeedsInfo});
        const QString c = fx.addVisit({m_maria, QStringLiteral("ED"), Status::Prescribed});
        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        VisitBoardModel model(&source);
        VisitBoardProxy proxy;
        proxy.setBoardModel(&model);
        model.setRows(source.loadAll().value(), QDateTime::currentMSecsSinceEpoch());

        QVERIFY(model.loadAllPatientNames());
        proxy.sort(VisitBoardModel::PatientColumn, Qt::AscendingOrder);
        QCOMPARE(columnValues(proxy, VisitBoardModel::PatientColumn),
                 (QStringList{"Ortega Díaz, Luis", "Núñez, María José", "Ruiz, Ana"}));
        proxy.sort(VisitBoardModel::PatientColumn, Qt::DescendingOrder);
        QCOMPARE(columnValues(proxy, VisitBoardModel::PatientColumn),
                 (QStringList{"Ortega Díaz, Luis", "Ruiz, Ana", "Núñez, María José"}));

        proxy.setAttentionFirst(false);
        proxy.sort(VisitBoardModel::PatientColumn, Qt::AscendingOrder);
        QCOMPARE(columnValues(proxy, VisitBoardModel::PatientColumn),
                 (QStringList{"Núñez, María José", "Ortega Díaz, Luis", "Ruiz, Ana"}));
        proxy.sort(VisitBoardModel::StatusColumn, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, 0).data(VisitBoardModel::VisitIdRole).toString();
        QCOMPARE(order, (QStringList{a, b, c})); // Submitted < NeedsInfo < Prescribed
    }

    void unreadableNameIsReportedNotShown()
    {
        BoardFixture fx(*m_store);
        const QString visit = fx.addVisit({m_ana, QStringLiteral("ED"), Status::Submitted});
        // A value moved from another row fails authentication (the AAD binds the row).
        QVERIFY(m_store->db().exec(
            QStringLiteral("UPDATE patients SET first_name = (SELECT first_name FROM patients "
                           "WHERE id = ?) WHERE id = ?"),
            {m_luis, m_ana}));
        VisitBoardSource source(*m_store, QStringLiteral("ana"));
        VisitBoardModel model(&source);
        model.setRows(source.loadAll().value(), QDateTime::currentMSecsSinceEpoch());
        const QString shown =
            model.index(model.rowOf(visit), VisitBoardModel::PatientColumn).data().toString();
        QCOMPARE(shown, QStringLiteral("(cannot be read)"));
        QString error;
        QVERIFY(!model.loadAllPatientNames(&error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestVisitBoard)
#include "tst_visitboard.moc"
