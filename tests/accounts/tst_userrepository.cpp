#include "TestSupport.h"
#include "accounts/UserRepository.h"
#include "base/Logging.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace clinicdesk;
using Failure = UserRepository::SignInFailure;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
const QString kOther = QStringLiteral("wrong but long enough");
} // namespace

class TestUserRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    QDateTime m_now;

    User create(const QString &username, Role role = Role::Staff)
    {
        auto user = m_users->createUser(username, QStringLiteral("Test Person"), role, kPassword);
        if (!user)
            qFatal("createUser failed: %s", qPrintable(user.error().message));
        return user.value();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString dataDir = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QDir().mkpath(dataDir);
        m_keys = std::make_unique<KeyFileKeyProvider>(
            QDir(dataDir).filePath(QStringLiteral("data.key")));
        m_store = test::openStore(dataDir, *m_keys);
        m_users =
            std::make_unique<UserRepository>(*m_store, PasswordHasher(PasswordHasher::testing()));
        m_now = QDateTime(QDate(2025, 3, 14), QTime(9, 30, 0), Qt::UTC);
        m_users->setClock([this] { return m_now; });
    }

    void cleanup()
    {
        m_users.reset();
        m_store.reset();
        m_keys.reset();
    }

    void createAndFind()
    {
        QCOMPARE(m_users->hasUsers().value(), false);
        auto user = m_users->createUser(QStringLiteral("  Ana.Ruiz "),
                                        QStringLiteral(" Ana  Ruiz "), Role::Admin, kPassword);
        QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
        QCOMPARE(user->username, QStringLiteral("ana.ruiz"));
        QCOMPARE(user->displayName, QStringLiteral("Ana Ruiz"));
        QCOMPARE(user->role, Role::Admin);
        QVERIFY(!user->id.isEmpty());
        QCOMPARE(m_users->hasUsers().value(), true);
        QCOMPARE(m_users->findByUsername(QStringLiteral("ANA.RUIZ")).value(), user.value());
        QCOMPARE(m_users->get(user->id).value(), user.value());
        QCOMPARE(m_users->list()->size(), 1);

        // The stored hash is scrypt, never the password itself.
        auto row = m_store->db().exec(QStringLiteral("SELECT password_hash FROM users"));
        QVERIFY(row && row->next());
        QVERIFY(row->value(0).toString().startsWith(QLatin1String("scrypt$")));
        QVERIFY(!row->value(0).toString().contains(kPassword));
    }

    void listSortedByUsername()
    {
        create(QStringLiteral("zoe"));
        create(QStringLiteral("ana"), Role::Admin);
        create(QStringLiteral("mia"));
        const QList<User> users = m_users->list().value();
        QCOMPARE(users.size(), 3);
        QCOMPARE(users[0].username, QStringLiteral("ana"));
        QCOMPARE(users[0].role, Role::Admin);
        QCOMPARE(users[2].username, QStringLiteral("zoe"));
        QCOMPARE(users[1], m_users->findByUsername(QStringLiteral("mia")).value());
    }

    void duplicateUsername()
    {
        create(QStringLiteral("bob"), Role::Staff);
        auto again = m_users->createUser(QStringLiteral("BOB"), QStringLiteral("Other"),
                                         Role::Staff, kOther);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(m_users->list()->size(), 1);
    }

    void invalidInput_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("password");
        QTest::newRow("username too short")
            << QStringLiteral("ab") << QStringLiteral("A") << kPassword;
        QTest::newRow("username too long")
            << QString(33, QLatin1Char('a')) << QStringLiteral("A") << kPassword;
        QTest::newRow("username with space")
            << QStringLiteral("ana ruiz") << QStringLiteral("A") << kPassword;
        QTest::newRow("username with accent")
            << QStringLiteral("josé") << QStringLiteral("A") << kPassword;
        QTest::newRow("empty display name")
            << QStringLiteral("ana") << QStringLiteral("   ") << kPassword;
        QTest::newRow("short password")
            << QStringLiteral("ana") << QStringLiteral("A") << QStringLiteral("short");
        QTest::newRow("common password")
            << QStringLiteral("ana") << QStringLiteral("A") << QStringLiteral("password1234");
        QTest::newRow("password is username")
            << QStringLiteral("ana.ruiz.1234") << QStringLiteral("A")
            << QStringLiteral("ANA.RUIZ.1234");
    }

    void invalidInput()
    {
        QFETCH(QString, username);
        QFETCH(QString, displayName);
        QFETCH(QString, password);
        auto user = m_users->createUser(username, displayName, Role::Staff, password);
        QVERIFY(!user);
        QCOMPARE(user.error().code, ErrorCode::InvalidInput);
        QVERIFY(!user.error().message.isEmpty());
        QCOMPARE(m_users->hasUsers().value(), false);
    }

    void authenticate()
    {
        const User ana = create(QStringLiteral("ana"));
        Failure why = Failure::StoreError;
        auto signedIn = m_users->authenticate(QStringLiteral(" ANA "), kPassword, &why);
        QVERIFY(signedIn);
        QCOMPARE(why, Failure::None);
        QCOMPARE(signedIn->id, ana.id);

        auto wrong = m_users->authenticate(QStringLiteral("ana"), kOther, &why);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::AccessDenied);
        QCOMPARE(why, Failure::BadCredentials);

        // An unknown user gets the very same answer as a wrong password.
        auto unknown = m_users->authenticate(QStringLiteral("nobody"), kPassword, &why);
        QVERIFY(!unknown);
        QCOMPARE(why, Failure::BadCredentials);
        QCOMPARE(unknown.error().message, wrong.error().message);
        auto invalidName =
            m_users->authenticate(QStringLiteral("no spaces allowed"), kPassword, &why);
        QCOMPARE(why, Failure::BadCredentials);
        QCOMPARE(invalidName.error().message, wrong.error().message);
    }

    void lockoutAfterFiveFailures()
    {
        const User ana = create(QStringLiteral("ana"));
        Failure why = Failure::None;
        for (int i = 1; i < UserRepository::kMaxFailedAttempts; ++i) {
            QVERIFY(!m_users->authenticate(QStringLiteral("ana"), kOther, &why));
            QCOMPARE(why, Failure::BadCredentials);
            QCOMPARE(m_users->get(ana.id)->failedAttempts, i);
        }
        auto fifth = m_users->authenticate(QStringLiteral("ana"), kOther, &why);
        QVERIFY(!fifth);
        QCOMPARE(why, Failure::Locked);
        const QDateTime until = m_now.addSecs(15 * 60);
        QCOMPARE(m_users->get(ana.id)->lockedUntil, until);
        // The one who failed is told what any wrong password gets (issue 13: the lock message
        // told a guesser that the account exists).
        const QString wrong =
            m_users->authenticate(QStringLiteral("nobody"), kOther).error().message;
        QCOMPARE(fifth.error().message, wrong);

        // While locked, even the right password is refused; only it learns the time to retry,
        // in local time.
        m_now = m_now.addSecs(14 * 60);
        const QString localTime =
            QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat);
        auto guessed = m_users->authenticate(QStringLiteral("ana"), kOther, &why);
        QCOMPARE(why, Failure::Locked);
        QCOMPARE(guessed.error().message, wrong);
        auto locked = m_users->authenticate(QStringLiteral("ana"), kPassword, &why);
        QVERIFY(!locked);
        QCOMPARE(why, Failure::Locked);
        QVERIFY2(locked.error().message.contains(localTime), qPrintable(locked.error().message));

        // After 15 minutes the right password works again and clears the lock.
        m_now = m_now.addSecs(60);
        auto after = m_users->authenticate(QStringLiteral("ana"), kPassword, &why);
        QVERIFY2(after, qPrintable(after ? QString() : after.error().message));
        const User reloaded = m_users->get(ana.id).value();
        QCOMPARE(reloaded.failedAttempts, 0);
        QVERIFY(!reloaded.lockedUntil.isValid());
    }

    void lockoutDoesNotRevealThatTheAccountExists()
    {
        // A guesser sees the same answers for an account that exists (and gets locked) as for a
        // name that does not exist.
        create(QStringLiteral("ana"));
        QStringList existing;
        QStringList unknown;
        for (int i = 0; i < UserRepository::kMaxFailedAttempts + 3; ++i) {
            existing << m_users->authenticate(QStringLiteral("ana"), kOther).error().message;
            unknown << m_users->authenticate(QStringLiteral("zed"), kOther).error().message;
        }
        QCOMPARE(existing, unknown);
    }

    void simultaneousFailuresAreAllCounted()
    {
        // Four consoles on one store fail at once: four failures, none overwritten by another.
        // Each thread has its own connection, as each console has.
        const User ana = create(QStringLiteral("ana"));
        const QString dataDir = m_store->dataDir();
        const QString keyFile = QDir(dataDir).filePath(QStringLiteral("data.key"));
        // The same store as m_store's on either backend (SQLite file, or its PostgreSQL schema).
        const StoreLocation location = test::storeLocation(dataDir);
        constexpr int kConsoles = 4;
        std::atomic<int> ready{0};
        std::atomic<int> failed{0};
        std::atomic<int> notOpened{0};
        QList<QThread *> threads;
        for (int i = 0; i < kConsoles; ++i) {
            threads << QThread::create([&] {
                KeyFileKeyProvider keys(keyFile);
                auto store = LocalStore::open({dataDir, &keys, false, location, false});
                if (!store) {
                    ++notOpened;
                    ++ready; // the others must not wait for it
                    return;
                }
                // The production cost: the verification takes long enough for all four to
                // read the count before any writes it.
                UserRepository users(*store.value(), PasswordHasher());
                ++ready;
                while (ready < kConsoles)
                    QThread::yieldCurrentThread();
                Failure why = Failure::None;
                if (!users.authenticate(QStringLiteral("ana"), kOther, &why) &&
                    why == Failure::BadCredentials)
                    ++failed;
            });
            threads.last()->start();
        }
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(120000));
            delete thread;
        }
        QCOMPARE(notOpened.load(), 0);
        QCOMPARE(failed.load(), kConsoles);
        QCOMPARE(m_users->get(ana.id)->failedAttempts, kConsoles);
    }

    void lockTimeRoundsUp()
    {
        create(QStringLiteral("ana"));
        m_now = QDateTime(QDate(2025, 3, 14), QTime(9, 30, 20), Qt::UTC);
        Failure why = Failure::None;
        for (int i = 0; i < UserRepository::kMaxFailedAttempts; ++i)
            (void)m_users->authenticate(QStringLiteral("ana"), kOther, &why);
        QCOMPARE(why, Failure::Locked);
        auto last = m_users->authenticate(QStringLiteral("ana"), kPassword, &why);
        // Locked until 09:45:20 UTC: "try again after" must say 09:46, not 09:45.
        const QDateTime shown(QDate(2025, 3, 14), QTime(9, 46), Qt::UTC);
        const QString localTime =
            QLocale().toString(shown.toLocalTime().time(), QLocale::ShortFormat);
        QVERIFY2(last.error().message.contains(localTime), qPrintable(last.error().message));
    }

    void successResetsCount()
    {
        const User ana = create(QStringLiteral("ana"));
        for (int i = 0; i < UserRepository::kMaxFailedAttempts - 1; ++i)
            QVERIFY(!m_users->authenticate(QStringLiteral("ana"), kOther));
        QCOMPARE(m_users->get(ana.id)->failedAttempts, UserRepository::kMaxFailedAttempts - 1);
        QVERIFY(m_users->authenticate(QStringLiteral("ana"), kPassword));
        QCOMPARE(m_users->get(ana.id)->failedAttempts, 0);
        // Four more failures do not lock: the count started again.
        Failure why = Failure::None;
        for (int i = 0; i < UserRepository::kMaxFailedAttempts - 1; ++i)
            QVERIFY(!m_users->authenticate(QStringLiteral("ana"), kOther, &why));
        QCOMPARE(why, Failure::BadCredentials);
        QVERIFY(m_users->authenticate(QStringLiteral("ana"), kPassword));
    }

    void disabledAccount()
    {
        const User bob = create(QStringLiteral("bob"));
        QVERIFY(m_users->setDisabled(bob.id, true));
        QVERIFY(m_users->get(bob.id)->disabled);
        Failure why = Failure::None;
        auto refused = m_users->authenticate(QStringLiteral("bob"), kPassword, &why);
        QVERIFY(!refused);
        QCOMPARE(why, Failure::Disabled);
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
        // A wrong password on a disabled account does not reveal that it is disabled.
        QVERIFY(!m_users->authenticate(QStringLiteral("bob"), kOther, &why));
        QCOMPARE(why, Failure::BadCredentials);

        QVERIFY(m_users->setDisabled(bob.id, false));
        QVERIFY(m_users->authenticate(QStringLiteral("bob"), kPassword));
        QCOMPARE(m_users->setDisabled(QStringLiteral("no-such-id"), true).error().code,
                 ErrorCode::NotFound);
    }

    void resetPassword()
    {
        const User bob = create(QStringLiteral("bob"));
        for (int i = 0; i < UserRepository::kMaxFailedAttempts; ++i)
            QVERIFY(!m_users->authenticate(QStringLiteral("bob"), kOther));
        QVERIFY(m_users->get(bob.id)->lockedUntil.isValid());

        QCOMPARE(m_users->resetPassword(bob.id, QStringLiteral("short")).error().code,
                 ErrorCode::InvalidInput);
        const QString fresh = QStringLiteral("violet harbour trumpet");
        QVERIFY(m_users->resetPassword(bob.id, fresh));
        QVERIFY(!m_users->get(bob.id)->lockedUntil.isValid());
        QVERIFY(!m_users->authenticate(QStringLiteral("bob"), kPassword));
        QVERIFY(m_users->authenticate(QStringLiteral("bob"), fresh));
    }

    void weakHashUpgradedOnSignIn()
    {
        const User ana = create(QStringLiteral("ana"));
        // A repository with a higher cost re-hashes the stored password on the next sign-in.
        const PasswordHasher::Parameters stronger{11, 8, 1};
        UserRepository strongerRepo(*m_store, PasswordHasher(stronger));
        QVERIFY(strongerRepo.authenticate(QStringLiteral("ana"), kPassword));
        auto row = m_store->db().exec(
            QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {ana.id});
        QVERIFY(row && row->next());
        QVERIFY(row->value(0).toString().startsWith(QLatin1String("scrypt$11$8$1$")));
        QVERIFY(m_users->authenticate(QStringLiteral("ana"), kPassword));
    }

    void passwordsNeverLogged()
    {
        const QString logPath = m_dir.filePath(QStringLiteral("accounts.log"));
        QVERIFY(installLogFile(logPath));
        const QString secret = QStringLiteral("canary-password-7f3a9");
        const QString typedAsName = QStringLiteral("canary-name-typed-as-user");
        create(QStringLiteral("ana"));
        (void)m_users->authenticate(QStringLiteral("ana"), secret);
        (void)m_users->authenticate(typedAsName, secret);
        (void)m_users->createUser(QStringLiteral("carl"), QStringLiteral("Carl"), Role::Staff,
                                  secret);
        QVERIFY(m_users->authenticate(QStringLiteral("ana"), kPassword));
        removeLogFile();
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY(text.contains("sign-in succeeded"));
        QVERIFY(text.contains("ana"));
        QVERIFY(!text.contains(secret.toUtf8()));
        QVERIFY(!text.contains(kPassword.toUtf8()));
        QVERIFY(!text.contains(typedAsName.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestUserRepository)
#include "tst_userrepository.moc"
