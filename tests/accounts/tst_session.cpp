#include "TestSupport.h"
#include "accounts/Session.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"

#include <QTest>

using namespace clinicdesk;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
} // namespace

// Sign-in, sign-out, lock and unlock through the core, and what each leaves in the audit log.
class TestSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Session> m_session;

    QStringList trail()
    {
        QStringList lines;
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            lines << QStringLiteral("%1 %2 %3").arg(e.action, e.user, e.outcome);
            return true;
        });
        return lines;
    }

    bool logContains(const QString &text)
    {
        bool found = false;
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            for (const QString &field : {e.user, e.entityType, e.entityId, e.detail})
                found = found || field.contains(text, Qt::CaseInsensitive);
            return true;
        });
        return found;
    }

private Q_SLOTS:
    void init()
    {
        const QString dataDir = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_keys = std::make_unique<KeyFileKeyProvider>(dataDir + QStringLiteral(".key"));
        m_store = test::openStore(dataDir, *m_keys);
        m_users =
            std::make_unique<UserRepository>(*m_store, PasswordHasher(PasswordHasher::testing()));
        m_audit = std::make_unique<AuditLog>(*m_store, m_keys.get());
        m_session = std::make_unique<Session>(*m_users, *m_audit);
        QVERIFY(m_users->createUser(QStringLiteral("root"), QStringLiteral("Root"), Role::Admin,
                                    kPassword));
        QVERIFY(m_users->createUser(QStringLiteral("sam"), QStringLiteral("Sam"), Role::Staff,
                                    kPassword));
        QVERIFY(m_users->createUser(QStringLiteral("tia"), QStringLiteral("Tia"), Role::Staff,
                                    kPassword));
    }

    void cleanup()
    {
        m_session.reset();
        m_audit.reset();
        m_users.reset();
        m_store.reset();
        m_keys.reset();
    }

    void failedSignInsNeverRecordWhatWasTyped()
    {
        UserRepository::SignInFailure why{};
        QVERIFY(!m_session->signIn(QStringLiteral("tangerine ladder"), kPassword, &why));
        QCOMPARE(why, UserRepository::SignInFailure::BadCredentials);
        QVERIFY(
            !m_session->signIn(QStringLiteral("nobody"), QStringLiteral("typed secret 1"), &why));
        QVERIFY(!m_session->signIn(QStringLiteral("sam"), QStringLiteral("typed secret 2"), &why));
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QCOMPARE(trail(), QStringList({QStringLiteral("sign-in-failed unknown account failure"),
                                       QStringLiteral("sign-in-failed unknown account failure"),
                                       QStringLiteral("sign-in-failed sam failure")}));
        for (const QString &typed : {QStringLiteral("tangerine"), QStringLiteral("nobody"),
                                     QStringLiteral("typed secret")})
            QVERIFY2(!logContains(typed), qPrintable(typed));
    }

    void lockAndUnlockBySameUser()
    {
        QVERIFY(m_session->signIn(QStringLiteral("sam"), kPassword));
        QCOMPARE(m_session->state(), Session::State::Active);
        m_session->lock(Session::LockReason::Idle);
        QVERIFY(m_session->isLocked());
        QCOMPARE(m_session->user()->username, QStringLiteral("sam"));
        QVERIFY(!m_session->unlock(QStringLiteral("sam"), QStringLiteral("wrong password")));
        QVERIFY(m_session->isLocked());
        auto resumed = m_session->unlock(QStringLiteral("SAM"), kPassword);
        QVERIFY(resumed);
        QCOMPARE(resumed.value(), Session::UnlockResult::Resumed);
        QCOMPARE(m_session->state(), Session::State::Active);
        m_session->lock(Session::LockReason::Manual);
        QVERIFY(m_session->unlock(QStringLiteral("sam"), kPassword));
        m_session->signOut();
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QVERIFY(!m_session->user());
        QCOMPARE(
            trail(),
            QStringList({QStringLiteral("sign-in sam success"), QStringLiteral("lock sam success"),
                         QStringLiteral("sign-in-failed sam failure"),
                         QStringLiteral("unlock sam success"), QStringLiteral("lock sam success"),
                         QStringLiteral("unlock sam success"),
                         QStringLiteral("sign-out sam success")}));
        QVERIFY(logContains(QStringLiteral("idle")));
        QVERIFY(logContains(QStringLiteral("manual")));
        QVERIFY(m_audit->verify()->intact);
    }

    void otherStaffCannotUnlockAdminTakesOver()
    {
        QVERIFY(m_session->signIn(QStringLiteral("sam"), kPassword));
        m_session->lock(Session::LockReason::Idle);
        auto refused = m_session->unlock(QStringLiteral("tia"), kPassword);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
        QVERIFY(m_session->isLocked());
        QCOMPARE(m_session->user()->username, QStringLiteral("sam"));

        auto taken = m_session->unlock(QStringLiteral("root"), kPassword);
        QVERIFY(taken);
        QCOMPARE(taken.value(), Session::UnlockResult::TakenOver);
        QCOMPARE(m_session->state(), Session::State::Active);
        QCOMPARE(m_session->user()->username, QStringLiteral("root"));
        QCOMPARE(
            trail(),
            QStringList(
                {QStringLiteral("sign-in sam success"), QStringLiteral("lock sam success"),
                 QStringLiteral("access-denied tia denied"), QStringLiteral("unlock root success"),
                 QStringLiteral("sign-out sam success"), QStringLiteral("sign-in root success")}));
    }

    void lockedOutAccountCannotUnlock()
    {
        QVERIFY(m_session->signIn(QStringLiteral("sam"), kPassword));
        m_session->lock(Session::LockReason::Manual);
        UserRepository::SignInFailure why{};
        for (int i = 0; i < UserRepository::kMaxFailedAttempts; ++i)
            QVERIFY(!m_session->unlock(QStringLiteral("sam"), QStringLiteral("nope nope"), &why));
        QCOMPARE(why, UserRepository::SignInFailure::Locked);
        QVERIFY(!m_session->unlock(QStringLiteral("sam"), kPassword, &why));
        QCOMPARE(why, UserRepository::SignInFailure::Locked);
        QVERIFY(m_session->isLocked());
        // An administrator still can.
        QVERIFY(m_session->unlock(QStringLiteral("root"), kPassword));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
