#pragma once

#include "base/Result.h"
#include "crypto/PasswordHasher.h"
#include "domain/User.h"
#include "provider/ProviderClient.h"
#include "visits/VisitBoard.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace clinicdesk {

class AccountAdmin;
class AuditLog;
class ChangeFeed;
class ConsoleNotifierServer;
class KeyProvider;
class LocalStore;
class ProviderConnection;
class RelayClient;
class Session;
class UserRepository;

// What the console runs on, built and owned in one place (the application, not the window): the
// encrypted store, the accounts and their session, the audit log, the account administration,
// the provider link (outbox sender and status checks), the relay's notifier and the relay that
// may run inside the console. The window only navigates between pages that use these.
//
// Every change to visits this process learns of, whatever its source (the relay's notifier, the
// in-console relay, the outbox, a status check, and on PostgreSQL the other workstations' commits
// through the change feed), comes out of one signal, visitsChanged(), with visit ids only.
class ConsoleServices : public QObject
{
    Q_OBJECT

public:
    using StoreOpener = std::function<Result<std::unique_ptr<LocalStore>>()>;

    // `auditAnchors` keeps the audit chain's anchor (the store's key provider); null keeps none
    // (tests only).
    explicit ConsoleServices(StoreOpener opener, PasswordHasher hasher = PasswordHasher(),
                             KeyProvider *auditAnchors = nullptr, QObject *parent = nullptr);
    ~ConsoleServices() override;

    // Tests against the sandbox: the provider link uses this configuration instead of
    // clinicdesk.ini and the keychain. Set before open().
    void setProviderConfig(const ProviderClient::Config &config) { m_providerConfig = config; }

    // Closes whatever is open, then opens the store through the opener and builds everything on
    // it. The provider link and the relay are optional: when they cannot start, the console works
    // without them (the log says why). Only the store's own failure is an error.
    Result<void> open();
    // Emits closing() (pages drop what they hold), then releases everything, the store last.
    void close();
    bool isOpen() const { return m_store != nullptr; }

    // Null while closed.
    LocalStore *store() const { return m_store.get(); }
    UserRepository *users() const { return m_users.get(); }
    AuditLog *audit() const { return m_audit.get(); }
    Session *session() const { return m_session.get(); }
    AccountAdmin *accountAdmin() const { return m_admin.get(); }
    // Null unless the provider link is running.
    ProviderConnection *provider() const;
    ConsoleNotifierServer *notifier() const { return m_notifier; }
    // PostgreSQL: the other workstations' changes (LISTEN/NOTIFY); null on SQLite.
    ChangeFeed *changeFeed() const { return m_feed.get(); }
    // The relay running inside the console ([relay] in clinicdesk.ini); null when not configured.
    RelayClient *relay() const { return m_relay; }

    // The store's first account was just made (the first-run page): audits it and signs its
    // administrator in.
    Result<User> signInFirstAdministrator(const User &user);
    // The board's attention thresholds ([board] in clinicdesk.ini, beside the provider link's).
    AttentionRules attentionRules() const;
    // Something new is in the outbox: send it now.
    void kickOutbox();

Q_SIGNALS:
    void visitsChanged(const QStringList &visitIds);
    void draftsChanged(const QStringList &draftIds);
    // The change feed's connection came back after a loss: re-read everything shown.
    void resynced();
    void closing();

private:
    void startProvider();
    void startNotifier();
    void startRelay();
    void startChangeFeed();
    void outboxEntryChanged(const QString &entryId);

    StoreOpener m_opener;
    PasswordHasher m_hasher;
    KeyProvider *m_auditAnchors = nullptr;
    std::optional<ProviderClient::Config> m_providerConfig;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AccountAdmin> m_admin;
    std::unique_ptr<ProviderConnection> m_provider;
    ConsoleNotifierServer *m_notifier = nullptr;
    std::unique_ptr<ChangeFeed> m_feed;
    RelayClient *m_relay = nullptr;
};

} // namespace clinicdesk
