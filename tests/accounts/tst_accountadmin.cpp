#include "TestSupport.h"
#include "access/AccountAdmin.h"
#include "accounts/UserRepository.h"
#include "audit/AuditExporter.h"
#include "audit/AuditLog.h"

#include <QBuffer>
#include <QTest>

using namespace clinicdesk;

namespace {
const QString kPassword = QStringLiteral("tangerine ladder oboe");
const QString kNewPassword = QStringLiteral("quiet harbour lantern");
} // namespace

// Access control in the core: whatever the UI shows, staff cannot manage accounts or reach the
// audit log, and each refusal is itself audited.
class TestAccountAdmin : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<KeyFileKeyProvider> m_keys;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AccountAdmin> m_admin;
    User m_root;
    User m_staff;

    QList<AuditEntry> entries(AuditAction action)
    {
        QList<AuditEntry> found;
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            if (e.action == auditActionName(action))
                found << e;
            return true;
        });
        return found;
    }

    void verifyDenied(const Error &error, qint64 deniedBefore)
    {
        QCOMPARE(error.code, ErrorCode::AccessDenied);
        QVERIFY(!error.message.isEmpty());
        const auto denied = entries(AuditAction::AccessDenied);
        QCOMPARE(denied.size(), deniedBefore + 1);
        QCOMPARE(denied.last().user, m_staff.username);
        QCOMPARE(denied.last().outcome, QStringLiteral("denied"));
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
        m_admin = std::make_unique<AccountAdmin>(*m_users, *m_audit);
        m_root = m_users
                     ->createUser(QStringLiteral("root"), QStringLiteral("Root Admin"), Role::Admin,
                                  kPassword)
                     .value();
        m_staff = m_users
                      ->createUser(QStringLiteral("sam"), QStringLiteral("Sam Staff"), Role::Staff,
                                   kPassword)
                      .value();
    }

    void cleanup()
    {
        m_admin.reset();
        m_audit.reset();
        m_users.reset();
        m_store.reset();
        m_keys.reset();
    }

    void staffIsRefusedEverything()
    {
        QVERIFY(!AccessControl::allows(m_staff, AccessControl::Permission::ManageAccounts));
        qint64 denied = 0;

        auto list = m_admin->listAccounts(m_staff);
        QVERIFY(!list);
        verifyDenied(list.error(), denied++);

        auto created = m_admin->createAccount(m_staff, QStringLiteral("eve"), QStringLiteral("Eve"),
                                              Role::Admin, kPassword);
        QVERIFY(!created);
        verifyDenied(created.error(), denied++);
        QCOMPARE(m_users->findByUsername(QStringLiteral("eve")).error().code, ErrorCode::NotFound);

        auto disabled = m_admin->setDisabled(m_staff, m_root.id, true);
        QVERIFY(!disabled);
        verifyDenied(disabled.error(), denied++);
        QVERIFY(!m_users->get(m_root.id)->disabled);
        QCOMPARE(entries(AuditAction::AccessDenied).last().entityId, m_root.id);

        auto reset = m_admin->resetPassword(m_staff, m_root.id, kNewPassword);
        QVERIFY(!reset);
        verifyDenied(reset.error(), denied++);
        QVERIFY(m_users->authenticate(QStringLiteral("root"), kPassword));

        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        auto exported = m_admin->exportAuditLog(m_staff, out, AuditExporter::Format::Csv, {});
        QVERIFY(!exported);
        verifyDenied(exported.error(), denied++);
        QVERIFY(out.data().isEmpty());

        auto verified = m_admin->verifyAuditLog(m_staff);
        QVERIFY(!verified);
        verifyDenied(verified.error(), denied++);

        // The exporter on its own refuses staff too (and audits it).
        AuditExporter exporter(*m_audit);
        auto direct = exporter.exportFor(m_staff, out, AuditExporter::Format::JsonLines, {});
        QVERIFY(!direct);
        verifyDenied(direct.error(), denied++);
        QVERIFY(out.data().isEmpty());

        // No Admin entry was written: nothing was changed.
        QVERIFY(entries(AuditAction::Admin).isEmpty());
        // No password anywhere in the log.
        (void)m_audit->forEach({}, [&](const AuditEntry &e) {
            for (const QString &field : {e.user, e.entityId, e.detail})
                if (field.contains(kPassword) || field.contains(kNewPassword))
                    qFatal("password in the audit log");
            return true;
        });
        QVERIFY(m_audit->verify()->intact);
    }

    void adminManagesAccountsAndAudits()
    {
        auto created = m_admin->createAccount(
            m_root, QStringLiteral("Eve"), QStringLiteral("Eve Example"), Role::Staff, kPassword);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(created->username, QStringLiteral("eve"));
        auto list = m_admin->listAccounts(m_root);
        QVERIFY(list);
        QCOMPARE(list->size(), 3);

        // Policy errors come back for the form, with the policy's message.
        auto weak = m_admin->createAccount(m_root, QStringLiteral("weak"), QStringLiteral("Weak"),
                                           Role::Staff, QStringLiteral("password1234"));
        QVERIFY(!weak);
        QCOMPARE(weak.error().code, ErrorCode::InvalidInput);
        QCOMPARE(weak.error().message, PasswordPolicy::message(PasswordPolicy::Problem::Common));

        QVERIFY(m_admin->setDisabled(m_root, created->id, true));
        QVERIFY(m_users->get(created->id)->disabled);
        QVERIFY(!m_users->authenticate(QStringLiteral("eve"), kPassword));
        QVERIFY(m_admin->setDisabled(m_root, created->id, false));
        QVERIFY(m_admin->resetPassword(m_root, created->id, kNewPassword));
        QVERIFY(m_users->authenticate(QStringLiteral("eve"), kNewPassword));
        auto tooShort = m_admin->resetPassword(m_root, created->id, QStringLiteral("short"));
        QCOMPARE(tooShort.error().code, ErrorCode::InvalidInput);

        // An admin cannot disable themselves.
        auto self = m_admin->setDisabled(m_root, m_root.id, true);
        QVERIFY(!self);
        QCOMPARE(self.error().code, ErrorCode::InvalidInput);

        const auto admin = entries(AuditAction::Admin);
        QCOMPARE(admin.size(), 4);
        for (const AuditEntry &e : admin) {
            QCOMPARE(e.user, QStringLiteral("root"));
            QCOMPARE(e.entityType, QStringLiteral("user"));
            QCOMPARE(e.entityId, created->id);
            QCOMPARE(e.outcome, QStringLiteral("success"));
            QVERIFY(!e.detail.contains(kPassword) && !e.detail.contains(kNewPassword));
        }
        QVERIFY(admin[0].detail.contains(QLatin1String("account created")));
        QVERIFY(admin[3].detail.contains(QLatin1String("password reset")));

        auto verified = m_admin->verifyAuditLog(m_root);
        QVERIFY(verified);
        QVERIFY(verified->intact);
        QCOMPARE(entries(AuditAction::Admin).last().detail.left(19),
                 QStringLiteral("audit verify: intac"));

        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        auto exported = m_admin->exportAuditLog(m_root, out, AuditExporter::Format::Csv, {});
        QVERIFY(exported);
        QVERIFY(exported->exported > 0);
        QCOMPARE(entries(AuditAction::Export).size(), 1);
    }

    void staleAdminIsCheckedAgainstTheStore()
    {
        auto other = m_admin->createAccount(m_root, QStringLiteral("ada"), QStringLiteral("Ada"),
                                            Role::Admin, kPassword);
        QVERIFY(other);
        // `other` signed in earlier; meanwhile root disabled the account.
        QVERIFY(m_admin->setDisabled(m_root, other->id, true));
        auto refused = m_admin->createAccount(other.value(), QStringLiteral("zed"),
                                              QStringLiteral("Zed"), Role::Staff, kPassword);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
        QVERIFY(entries(AuditAction::AccessDenied)
                    .last()
                    .detail.contains(QLatin1String("account disabled")));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(m_admin->exportAuditLog(other.value(), out, AuditExporter::Format::Csv, {})
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
        // A forged User claiming the admin role is refused too: the store says staff.
        User forged = m_staff;
        forged.role = Role::Admin;
        QCOMPARE(m_admin->resetPassword(forged, m_root.id, kNewPassword).error().code,
                 ErrorCode::AccessDenied);
    }
};

QTEST_GUILESS_MAIN(TestAccountAdmin)
#include "tst_accountadmin.moc"
