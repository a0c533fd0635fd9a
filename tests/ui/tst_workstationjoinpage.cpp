#include "BackendSupport.h"
#include "FirstRunPage.h"
#include "MainWindow.h"
#include "StoreErrorPage.h"
#include "TestSupport.h"
#include "access/WorkstationJoin.h"
#include "keys/KeyFileKeyProvider.h"
#include "store/LocalStore.h"
#include "store/Workstations.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace clinicdesk;

// The console's side of joining a workstation (issue 16 item 3): a PC that has no key for the
// clinic's PostgreSQL store gets the store-error page with a "Join this clinic" section; the
// one-time code typed there brings the key, and the console goes on to its first page.
class TestWorkstationJoinPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    StoreLocation m_location;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // pc-a made the store; returns a fresh invitation's code.
    QString invite()
    {
        qputenv("CLINICDESK_WORKSTATION", "pc-a");
        KeyFileKeyProvider keys(path(QStringLiteral("pc-a.key")));
        auto store = LocalStore::open({path(QStringLiteral("pc-a")), &keys, false, m_location});
        if (!store)
            qFatal("%s", qPrintable(store.error().message));
        auto made = Workstations(store.value()->db())
                        .invite(store.value()->storeId(), store.value()->cipher().ring(),
                                QStringLiteral("os:test"), QDateTime::currentMSecsSinceEpoch());
        if (!made)
            qFatal("%s", qPrintable(made.error().message));
        qputenv("CLINICDESK_WORKSTATION", "pc-b");
        return made->code;
    }

private Q_SLOTS:
    void initTestCase()
    {
        CLINICDESK_REQUIRE_POSTGRES();
        QVERIFY(m_dir.isValid());
        m_location = test::storeLocation(path(QStringLiteral("pc-a")));
    }

    void aPcWithoutTheKeyJoinsFromTheErrorPage()
    {
        const QString code = invite();
        KeyFileKeyProvider keys(path(QStringLiteral("pc-b.key")));
        const QString dataDir = path(QStringLiteral("pc-b"));
        MainWindow window(
            [&] {
                return LocalStore::open({dataDir, &keys, false, m_location});
            },
            PasswordHasher(), &keys);
        window.setWorkstationJoiner([&](const QString &typed) -> Result<void> {
            auto joined =
                WorkstationJoin::join(m_location, keys, dataDir, typed, QStringLiteral("os:test"));
            if (!joined)
                return joined.error();
            return {};
        });
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.start();

        auto *page = qobject_cast<StoreErrorPage *>(window.currentPage());
        QVERIFY(page);
        auto *box = page->findChild<QGroupBox *>(QStringLiteral("joinBox"));
        auto *edit = page->findChild<QLineEdit *>(QStringLiteral("codeEdit"));
        auto *error = page->findChild<QLabel *>(QStringLiteral("joinError"));
        QVERIFY(box && edit && error);
        QVERIFY(box->isVisible());
        // The code field has the focus: type, Enter.
        QTRY_COMPARE(QApplication::focusWidget(), edit);
        QString wrong = code;
        wrong[wrong.size() - 1] = wrong.back() == u'7' ? u'8' : u'7';
        QTest::keyClicks(edit, wrong);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Wrong code")), qPrintable(error->text()));
        QCOMPARE(window.currentPage(), page);
        QCOMPARE(QApplication::focusWidget(), edit);
        if (const QString dir = qEnvironmentVariable("CLINICDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("workstation-join.png"))));

        // The wrong code is selected: typing replaces it.
        QTest::keyClicks(edit, code);
        QTest::keyClick(edit, Qt::Key_Return);
        // Joined: the store opens and, with no account yet, the first-run page shows.
        QTRY_VERIFY(qobject_cast<FirstRunPage *>(window.currentPage()));
        QCOMPARE(test::fileMode(path(QStringLiteral("pc-b.key"))), 0600);
    }

    void aSqliteStoreErrorOffersNoJoin()
    {
        StoreErrorPage page;
        page.setError({ErrorCode::KeyNotFound, QStringLiteral("missing")});
        page.show();
        QVERIFY(!page.findChild<QGroupBox *>(QStringLiteral("joinBox"))->isVisible());
        page.setJoinAvailable(true);
        QVERIFY(page.findChild<QGroupBox *>(QStringLiteral("joinBox"))->isVisible());
        page.setError({ErrorCode::Database, QStringLiteral("down")});
        QVERIFY(!page.findChild<QGroupBox *>(QStringLiteral("joinBox"))->isVisible());
    }
};

QTEST_MAIN(TestWorkstationJoinPage)
#include "tst_workstationjoinpage.moc"
