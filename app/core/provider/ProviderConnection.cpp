#include "provider/ProviderConnection.h"

#include "base/Logging.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderClient.h"
#include "provider/ProviderCredentials.h"
#include "provider/ProviderStatusSync.h"
#include "store/LocalStore.h"

#include <QDir>
#include <QSettings>

namespace clinicdesk {

QString ProviderConnection::settingsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("clinicdesk.ini"));
}

ProviderConnection::ProviderConnection(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

ProviderConnection::~ProviderConnection()
{
    if (m_sender)
        m_sender->stop();
}

Result<void> ProviderConnection::start()
{
    const QSettings settings(settingsPath(m_store.dataDir()), QSettings::IniFormat);
    if (!settings.contains(QStringLiteral("provider/url")))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("no provider configured in %1 (clinicdesk-admin provider "
                                        "configure)")
                             .arg(settingsPath(m_store.dataDir())));
    auto config = ProviderClient::loadConfig(settings, ProviderCredentials{});
    if (!config)
        return config.error();
    return start(config.value());
}

Result<void> ProviderConnection::start(const ProviderClient::Config &config)
{
    if (m_sender)
        return makeError(ErrorCode::Conflict, QStringLiteral("the provider link is running"));
    if (auto valid = ProviderClient::validate(config); !valid)
        return valid.error();
    m_client = std::make_unique<ProviderClient>(config);
    m_sender = std::make_unique<OutboxSender>(m_store, *m_client, OutboxSender::Options{});
    m_sync = std::make_unique<ProviderStatusSync>(m_store, *m_client);
    m_sender->start();
    // Open visits silent for 30 minutes are checked with the provider every 5 minutes, in case
    // their webhooks were lost.
    m_sync->startReconciling(5 * 60 * 1000, 30 * 60);
    qCInfo(lcProvider) << "provider link started";
    return {};
}

void ProviderConnection::kick()
{
    if (m_sender)
        m_sender->kick();
}

} // namespace clinicdesk
