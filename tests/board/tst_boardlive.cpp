// The board is live: an event the relay applies in its own process (its own store connection)
// and announces over the console notifier appears on the open board and in an open visit detail
// with no refresh action (how fast is bench_inbox_relay's webhook → console figure, not this
// test's); the visit that now needs attention counts as unread until its detail is opened.
#include "BoardFixture.h"
#include "HomePage.h"
#include "MainWindow.h"
#include "SignInPage.h"
#include "TestSupport.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"
#include "VisitBoardProxy.h"
#include "VisitDetailPage.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "relay/ConsoleNotifier.h"
#include "relay/VisitEventApplier.h"

#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;

namespace {

const QString kPassword = QStringLiteral("tangerine ladder oboe");

QJsonObject inboxEvent(qint64 cursor, const QJsonObject &payload)
{
    return {
        {QStringLiteral("cursor"), cursor},
        {QStringLiteral("id"), QStringLiteral("msg_live_%1").arg(cursor)},
        {QStringLiteral("provider"), QStringLiteral("beluga")},
        {QStringLiteral("receivedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("payload"), payload}};
}

} // namespace

class TestBoardLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dataDir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<MainWindow> m_window;
    QString m_visit, m_masterId;

    // The relay's side: its own connection to the store, then a notification with the ids.
    void relayApplies(const QJsonObject &event)
    {
        auto relayStore = openStore(m_dataDir, *m_keys);
        auto report = VisitEventApplier(*relayStore).applyBatch({event});
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->applied, 1);
        ConsoleNotifierClient notifier(m_dataDir);
        notifier.notifyVisitsChanged(report->changedVisits);
        QTRY_COMPARE(notifier.sentCount(), qint64(1));
    }

    QString boardStatus()
    {
        VisitBoardPage *board = m_window->board();
        const int row = board->model()->rowOf(m_visit);
        return board->model()->index(row, VisitBoardModel::StatusColumn).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dataDir = m_dir.filePath(QStringLiteral("console"));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("data.key")));
        auto store = openStore(m_dataDir, *m_keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Staff,
                                 kPassword));
        BoardFixture fx(*store);
        const QString patient = fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                              QDate(1980, 1, 2), QStringLiteral("5125550110"));
        m_visit = fx.addVisit({patient, QStringLiteral("ED"), Status::Submitted,
                               VisitStateMachine::RxStatus::None, QStringLiteral("ana")});
        m_masterId = fx.masterIdOf(m_visit);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_keys.reset();
    }

    void relayEventsReachBoardAndDetail()
    {
        m_window = std::make_unique<MainWindow>(
            [this] {
                return LocalStore::open({m_dataDir, m_keys.get(), false});
            },
            PasswordHasher(PasswordHasher::testing()));
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->start();
        QVERIFY(qobject_cast<SignInPage *>(m_window->currentPage()));
        QVERIFY(typeSignIn(*m_window, QStringLiteral("ana"), kPassword));
        QTRY_VERIFY(qobject_cast<HomePage *>(m_window->currentPage()));
        QVERIFY(m_window->board());
        QCOMPARE(m_window->board()->model()->rowCount(), 1);
        QCOMPARE(boardStatus(), QStringLiteral("Submitted"));
        QCOMPARE(m_window->board()->unreadCount(), 0);
        // With a visit on the board, the table has the keyboard; Ctrl+F goes to the search.
        QCOMPARE(QApplication::focusWidget(), m_window->board()->view());
        QTest::keySequence(m_window->board()->view(), QKeySequence::Find);
        QCOMPARE(QApplication::focusWidget(), m_window->board()->searchField());

        // The clinician asks a question: the board shows it, unread.
        QSignalSpy attention(m_window->board(), &VisitBoardPage::attentionArrived);
        relayApplies(
            inboxEvent(1, {{QStringLiteral("masterId"), m_masterId},
                           {QStringLiteral("event"), QStringLiteral("DOCTOR_CHAT")},
                           {QStringLiteral("content"), QStringLiteral("Any allergies?")}}));
        QTRY_COMPARE_WITH_TIMEOUT(boardStatus(), QStringLiteral("Needs information"), 15000);
        QCOMPARE(attention.count(), 1);
        QCOMPARE(attention.first().at(0).toStringList(), QStringList{m_visit});
        QCOMPARE(m_window->board()->unreadCount(), 1);
        QVERIFY(m_window->board()->findChildren<QToolButton *>().size() > 0);
        bool chipSaysNew = false;
        for (QToolButton *chip : m_window->board()->findChildren<QToolButton *>())
            chipSaysNew |= chip->text().contains(QLatin1String("1 new"));
        QVERIFY(chipSaysNew);

        // Enter on the row opens the detail; the visit is no longer unread.
        m_window->board()->view()->setFocus();
        m_window->board()->view()->setCurrentIndex(m_window->board()->proxy()->index(0, 0));
        QTest::keyClick(m_window->board()->view(), Qt::Key_Return);
        QTRY_VERIFY(qobject_cast<VisitDetailPage *>(m_window->currentPage()));
        auto *detail = qobject_cast<VisitDetailPage *>(m_window->currentPage());
        QCOMPARE(detail->visitId(), m_visit);
        QCOMPARE(m_window->board()->unreadCount(), 0);
        QCOMPARE(detail->record().status, QStringLiteral("NeedsInfo"));
        // The keyboard is in the reply box: the clinician waits for an answer.
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("reply"));

        // The clinician prescribes: the open detail follows, and so does the board beneath.
        relayApplies(
            inboxEvent(2, {{QStringLiteral("masterId"), m_masterId},
                           {QStringLiteral("event"), QStringLiteral("CONSULT_CONCLUDED")},
                           {QStringLiteral("visitOutcome"), QStringLiteral("prescribed")}}));
        QTRY_COMPARE_WITH_TIMEOUT(detail->record().status, QStringLiteral("Prescribed"), 15000);
        QCOMPARE(boardStatus(), QStringLiteral("Prescribed"));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("ClinicDesk"));

        // Signing out takes the board (and the names it held) with the session.
        m_window->signOut();
        QVERIFY(!m_window->board());
    }
};

QTEST_MAIN(TestBoardLive)
#include "tst_boardlive.moc"
