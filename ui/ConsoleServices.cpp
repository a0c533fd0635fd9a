#include "ConsoleServices.h"

#include "access/AccountAdmin.h"
#include "accounts/Session.h"
#include "accounts/UserRepository.h"
#include "audit/AuditLog.h"
#include "audit/AuditWitness.h"
#include "base/Logging.h"
#include "provider/Outbox.h"
#include "provider/OutboxSender.h"
#include "provider/ProviderConnection.h"
#include "provider/ProviderStatusSync.h"
#include "relay/ConsoleNotifier.h"
#include "relay/RelayClient.h"
#include "store/ChangeFeed.h"
#include "store/LocalStore.h"
#include "visits/CareRequests.h"

#include <QSettings>

namespace clinicdesk {

ConsoleServices::ConsoleServices(StoreOpener opener, PasswordHasher hasher,
                                 KeyProvider *auditAnchors, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
    , m_hasher(hasher)
    , m_auditAnchors(auditAnchors)
{}

ConsoleServices::~ConsoleServices()
{
    close();
}

Result<void> ConsoleServices::open()
{
    close();
    auto store = m_opener();
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    m_users = std::make_unique<UserRepository>(*m_store, m_hasher);
    m_audit = std::make_unique<AuditLog>(*m_store, m_auditAnchors);
    // Keychain writes for the anchor happen back in the event loop, never inside a click.
    m_audit->setDeferredAnchor(true);
    // The head is also witnessed off the machine, by the inbox the relay uses (if any).
    m_audit->setWitness(AuditWitness::fromConsoleSettings(m_store->dataDir(), m_store->storeId()));
    m_session = std::make_unique<Session>(*m_users, *m_audit);
    m_admin = std::make_unique<AccountAdmin>(*m_users, *m_audit);
    startProvider();
    startNotifier();
    startRelay();
    startChangeFeed();
    return {};
}

void ConsoleServices::close()
{
    if (!m_store)
        return;
    Q_EMIT closing();
    m_feed.reset();
    delete m_relay;
    m_relay = nullptr;
    delete m_notifier;
    m_notifier = nullptr;
    m_provider.reset();
    m_admin.reset();
    m_session.reset();
    m_audit.reset();
    m_users.reset();
    m_store.reset();
}

ProviderConnection *ConsoleServices::provider() const
{
    return m_provider && m_provider->running() ? m_provider.get() : nullptr;
}

void ConsoleServices::kickOutbox()
{
    if (m_provider)
        m_provider->kick();
}

Result<User> ConsoleServices::signInFirstAdministrator(const User &user)
{
    if (!m_session)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the store is not open"));
    const auto audited = m_audit->append(
        {AuditAction::Admin, user.username, QStringLiteral("user"), user.id, AuditOutcome::Success,
         QStringLiteral("first administrator created: %1").arg(user.username)});
    if (!audited)
        qCWarning(lcUi) << "first administrator not audited, error code"
                        << int(audited.error().code);
    return m_session->signInFirstAdministrator(user);
}

AttentionRules ConsoleServices::attentionRules() const
{
    AttentionRules rules;
    if (!m_store)
        return rules;
    QSettings settings(ProviderConnection::settingsPath(m_store->dataDir()), QSettings::IniFormat);
    rules.silentAfterHours =
        settings.value(QStringLiteral("board/silentAfterHours"), rules.silentAfterHours).toInt();
    rules.stuckAfterMinutes =
        settings.value(QStringLiteral("board/stuckAfterMinutes"), rules.stuckAfterMinutes).toInt();
    return rules;
}

void ConsoleServices::startProvider()
{
    // Queued submissions and staff messages go out whenever the console runs, locked or not
    // (nothing is shown while sending).
    m_provider = std::make_unique<ProviderConnection>(*m_store);
    auto linked = m_providerConfig ? m_provider->start(*m_providerConfig) : m_provider->start();
    if (!linked) {
        qCInfo(lcUi) << "provider link not started:" << linked.error().message;
        return;
    }
    if (OutboxSender *sender = m_provider->sender()) {
        connect(sender, &OutboxSender::entrySent, this, &ConsoleServices::outboxEntryChanged);
        connect(sender, &OutboxSender::entryRejected, this,
                [this](const QString &entryId) { outboxEntryChanged(entryId); });
        connect(sender, &OutboxSender::entryRetrying, this,
                [this](const QString &entryId) { outboxEntryChanged(entryId); });
        // A queued titration's or change's answer is recorded here, dialog open or not.
        connect(sender, &OutboxSender::careAnswered, this,
                [this](const QString &, const QString &visitId, const QString &kind,
                       const QJsonObject &body, const CareReply &reply) {
                    const bool titration = kind == Outbox::kindName(Outbox::Kind::Titration);
                    if (auto r =
                            CareRequests::recordAnswer(*m_store, *m_audit, visitId, body, reply,
                                                       titration, QStringLiteral("system"));
                        !r)
                        qCWarning(lcUi) << "care answer for visit" << visitId
                                        << "not recorded, error code" << int(r.error().code);
                });
    }
    if (ProviderStatusSync *sync = m_provider->statusSync())
        connect(sync, &ProviderStatusSync::refreshed, this,
                [this](const QString &visitId) { Q_EMIT visitsChanged({visitId}); });
}

void ConsoleServices::outboxEntryChanged(const QString &entryId)
{
    if (!m_store)
        return;
    auto entry = Outbox(*m_store).entry(entryId);
    if (entry && entry.value())
        Q_EMIT visitsChanged({entry.value()->visitId});
}

void ConsoleServices::startNotifier()
{
    // The relay tells this console at once which visits it changed (ids only).
    m_notifier = new ConsoleNotifierServer(this);
    connect(m_notifier, &ConsoleNotifierServer::visitsChanged, this,
            &ConsoleServices::visitsChanged);
    if (!m_notifier->listen(m_store->dataDir()))
        qCWarning(lcUi) << "relay notifications unavailable:" << m_notifier->errorString();
}

void ConsoleServices::startRelay()
{
    // A relay may also run inside the console (one desktop, no separate service): it applies
    // events to this store and says which visits changed.
    auto options = RelayClient::fromSettings(ProviderConnection::settingsPath(m_store->dataDir()));
    if (!options) {
        qCWarning(lcUi) << "in-console relay not started:" << options.error().message;
        return;
    }
    if (!options.value())
        return;
    m_relay = new RelayClient(*m_store, std::move(*options.value()), this);
    connect(m_relay, &RelayClient::visitsChanged, this, &ConsoleServices::visitsChanged);
    connect(m_relay, &RelayClient::pollFailed, this, [](const QString &reason) {
        qCInfo(lcUi) << "in-console relay: poll failed:" << reason;
    });
    m_relay->start();
    qCInfo(lcUi) << "in-console relay started";
}

void ConsoleServices::startChangeFeed()
{
    // Several workstations on PostgreSQL: what the others commit arrives within a second. The
    // feed listens on its own connection, on this (the GUI) thread, whose event loop QPSQL needs.
    auto feed = ChangeFeed::open(m_store->db(), m_store->connectionOpener());
    if (!feed) {
        qCWarning(lcUi) << "other workstations' changes unavailable:" << feed.error().message;
        return;
    }
    m_feed = std::move(feed).value();
    if (!m_feed)
        return; // SQLite: one PC
    connect(m_feed.get(), &ChangeFeed::visitsChanged, this, &ConsoleServices::visitsChanged);
    connect(m_feed.get(), &ChangeFeed::draftsChanged, this, &ConsoleServices::draftsChanged);
    connect(m_feed.get(), &ChangeFeed::resynced, this, &ConsoleServices::resynced);
}

} // namespace clinicdesk
