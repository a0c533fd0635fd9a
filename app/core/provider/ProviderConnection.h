#pragma once

#include "base/Result.h"
#include "provider/ProviderClient.h"

#include <QObject>
#include <QString>

#include <memory>

namespace clinicdesk {

class LocalStore;
class OutboxSender;
class ProviderStatusSync;

// The console's live link to the provider: the HTTPS client, the outbox sender working through
// queued submissions and staff messages, and the reconciler that fetches the status of open
// visits gone silent. Configured from <data dir>/clinicdesk.ini ([provider] url, caFile,
// timeoutMs; never the key) and the API key in the keychain. Without a configured provider
// nothing is sent and `configured()` says why; submissions wait in the outbox.
class ProviderConnection : public QObject
{
    Q_OBJECT

public:
    static QString settingsPath(const QString &dataDir);

    ProviderConnection(LocalStore &store, QObject *parent = nullptr);
    ~ProviderConnection() override;

    // Loads the configuration and starts sending; an error leaves the connection idle.
    Result<void> start();
    bool running() const { return m_sender != nullptr; }
    // Something new is in the outbox: send it now rather than at the next tick.
    void kick();
    // Starts with an explicit client configuration instead of the settings and the keychain
    // (tests against the sandbox, whose API key is a file).
    Result<void> start(const ProviderClient::Config &config);
    // Null until started.
    OutboxSender *sender() const { return m_sender.get(); }
    // The HTTPS client, for the calls staff wait for (titration requests, prescription changes).
    ProviderClient *client() const { return m_client.get(); }
    ProviderStatusSync *statusSync() const { return m_sync.get(); }

private:
    LocalStore &m_store;
    std::unique_ptr<ProviderClient> m_client;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<ProviderStatusSync> m_sync;
};

} // namespace clinicdesk
