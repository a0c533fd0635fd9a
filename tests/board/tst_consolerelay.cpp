// The relay inside the console ([relay] in clinicdesk.ini): with no clinicdesk-relay process at
// all, a webhook posted to the real clinicdesk-inbox reaches the signed-in console's board.
// A misconfigured relay (a token file others can read) is refused and the console still works.
#include "BoardFixture.h"
#include "HomePage.h"
#include "InboxTestSupport.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "VisitBoardModel.h"
#include "VisitBoardPage.h"
#include "WindowSupport.h"
#include "accounts/UserRepository.h"
#include "provider/ProviderConnection.h"
#include "relay/RelayClient.h"
#include "service/TlsIdentity.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace clinicdesk;
using namespace clinicdesk::test;
using Status = VisitStateMachine::Status;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
}

class TestConsoleRelay : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<inboxtest::Inbox> m_inbox;
    QString m_dataDir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    QString m_visit, m_masterId;

    void writeRelaySettings(const QString &tokenFile)
    {
        QSettings settings(ProviderConnection::settingsPath(m_dataDir), QSettings::IniFormat);
        settings.setValue(QStringLiteral("relay/inbox"), m_inbox->url.toString());
        settings.setValue(QStringLiteral("relay/tokenFile"), tokenFile);
        settings.setValue(QStringLiteral("relay/caFile"),
                          TlsIdentity::generatedCertificatePath(m_inbox->dataDir));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    std::unique_ptr<MainWindow> signedInWindow()
    {
        auto window = std::make_unique<MainWindow>(
            [this] {
                return LocalStore::open(
                    {m_dataDir, m_keys.get(), false, test::storeLocation(m_dataDir)});
            },
            PasswordHasher(PasswordHasher::testing()));
        window->show();
        window->start();
        (void)typeSignIn(*window, QStringLiteral("ana"), kPassword);
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_inbox = std::make_unique<inboxtest::Inbox>(m_dir.filePath(QStringLiteral("inbox")));
        QVERIFY2(m_inbox->start(), qPrintable(m_inbox->process.failureReason()));
        m_dataDir = m_dir.filePath(QStringLiteral("console"));
        m_keys = std::make_unique<KeyFileKeyProvider>(m_dir.filePath(QStringLiteral("data.key")));
        auto store = openStore(m_dataDir, *m_keys);
        UserRepository users(*store, PasswordHasher(PasswordHasher::testing()));
        QVERIFY(users.createUser(QStringLiteral("ana"), QStringLiteral("Ana Ruiz"), Role::Staff,
                                 kPassword));
        BoardFixture fx(*store);
        const QString patient = fx.addPatient(QStringLiteral("Lucía"), QStringLiteral("Demo"),
                                              QDate(1980, 1, 2), QStringLiteral("5125550110"));
        m_visit = fx.addVisit({patient, QStringLiteral("ED"), Status::Submitted});
        m_masterId = fx.masterIdOf(m_visit);
    }

    void insecureTokenFileIsRefused()
    {
        const QString loose = m_dir.filePath(QStringLiteral("loose.token"));
        QVERIFY(inboxtest::writePrivateFile(loose, m_inbox->token + '\n'));
        QVERIFY(QFile::setPermissions(loose, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ReadOther));
        writeRelaySettings(loose);
        auto options = RelayClient::fromSettings(ProviderConnection::settingsPath(m_dataDir));
        QVERIFY(!options);
        QCOMPARE(options.error().code, ErrorCode::KeyFileInsecure);
        QVERIFY(options.error().message.contains(QLatin1String("chmod 600")));
        auto window = signedInWindow();
        QTRY_VERIFY(qobject_cast<HomePage *>(window->currentPage()));
        QVERIFY(!window->relay());
    }

    void webhookReachesTheBoardWithoutARelayProcess()
    {
        writeRelaySettings(m_inbox->tokenFile);
        auto window = signedInWindow();
        QTRY_VERIFY(qobject_cast<HomePage *>(window->currentPage()));
        QVERIFY(window->relay());
        VisitBoardPage *board = window->board();
        auto status = [&] {
            return board->model()
                ->index(board->model()->rowOf(m_visit), VisitBoardModel::StatusColumn)
                .data()
                .toString();
        };
        QCOMPARE(status(), QStringLiteral("Submitted"));
        const QJsonObject payload{{QStringLiteral("masterId"), m_masterId},
                                  {QStringLiteral("event"), QStringLiteral("CONSULT_CONCLUDED")},
                                  {QStringLiteral("visitOutcome"), QStringLiteral("referred")}};
        QCOMPARE(m_inbox->postWebhook("w-console-1", QJsonDocument(payload).toJson()).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Referred"), 15000);
    }

    void cleanupTestCase() { m_keys.reset(); }
};

QTEST_MAIN(TestConsoleRelay)
#include "tst_consolerelay.moc"
