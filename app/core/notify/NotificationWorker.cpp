#include "notify/NotificationWorker.h"

#include "notify/NotificationSender.h"
#include "notify/NotifyLogging.h"
#include "store/Database.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTimer>

namespace clinicdesk {

NotificationWorker::SettingsSource NotificationWorker::settingsFile(const QString &dataDir)
{
    struct Cache
    {
        QDateTime modified;
        qint64 size = -1;
        bool read = false;
        NotificationSettings settings;
    };
    auto cache = std::make_shared<Cache>();
    return [dataDir, cache]() -> Result<NotificationSettings> {
        const QFileInfo file(NotificationSettings::path(dataDir));
        const QDateTime modified = file.exists() ? file.lastModified() : QDateTime();
        const qint64 size = file.exists() ? file.size() : -1;
        if (cache->read && modified == cache->modified && size == cache->size)
            return cache->settings;
        NotificationSettings settings = NotificationSettings::load(dataDir);
        if (auto secrets = settings.loadSecrets(); !secrets)
            return secrets.error(); // read again next time
        *cache = {modified, size, true, settings};
        return settings;
    };
}

NotificationWorker::NotificationWorker(Opener opener, FieldCipher cipher,
                                       NotificationSettings settings, QString owner, int intervalMs)
    : m_opener(std::move(opener))
    , m_cipher(std::move(cipher))
    , m_pending(std::move(settings))
    , m_owner(std::move(owner))
    , m_intervalMs(intervalMs)
{}

void NotificationWorker::setSettings(NotificationSettings settings)
{
    const QMutexLocker lock(&m_pendingMutex);
    m_pending = std::move(settings);
}

void NotificationWorker::followSettings(SettingsSource source)
{
    m_source = std::move(source);
    if (!m_follow) {
        m_follow = new QTimer(this);
        connect(m_follow, &QTimer::timeout, this, &NotificationWorker::readSource);
    }
    m_follow->start(m_intervalMs);
    readSource();
}

void NotificationWorker::readSource()
{
    auto fresh = m_source();
    if (!fresh) {
        if (!std::exchange(m_sourceFailing, true))
            qCWarning(lcNotify) << "notifications: settings not read, keeping the last ones:"
                                << fresh.error().message;
        return;
    }
    m_sourceFailing = false;
    setSettings(std::move(fresh).value());
}

NotificationWorker::~NotificationWorker()
{
    stop();
}

void NotificationWorker::start()
{
    if (m_context)
        return;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_context, [this] {
        auto db = m_opener();
        if (!db) {
            qCWarning(lcNotify) << "notifications: cannot open the store:" << db.error().message;
            return;
        }
        m_db = std::move(db).value();
        NotificationSender::Options options;
        options.owner = m_owner;
        m_sender = std::make_unique<NotificationSender>(*m_db, m_cipher, m_settings, options);
        m_timer = new QTimer(m_context);
        connect(m_timer, &QTimer::timeout, m_context, [this] { runOnce(); });
        m_timer->start(m_intervalMs);
        runOnce();
    });
}

void NotificationWorker::runOnce()
{
    if (!m_sender)
        return;
    std::optional<NotificationSettings> fresh;
    {
        const QMutexLocker lock(&m_pendingMutex);
        fresh = std::exchange(m_pending, std::nullopt);
    }
    if (fresh) {
        const bool was = m_started && (m_settings.emailConfigured() || m_settings.smsConfigured());
        m_settings = std::move(*fresh);
        const bool is = m_settings.emailConfigured() || m_settings.smsConfigured();
        if (was != is || !m_started)
            qCInfo(lcNotify) << (is ? "notifications: configured, sending"
                                    : "notifications: not configured, rows stay queued");
    }
    m_started = true;
    if (!m_settings.emailConfigured() && !m_settings.smsConfigured()) {
        Q_EMIT ran(0, 0); // a run, with nothing to send through
        return;
    }
    m_sender->setSettings(m_settings);
    auto report = m_sender->runOnce();
    if (!report) {
        qCWarning(lcNotify) << "notifications: run failed:" << report.error().message;
        return;
    }
    Q_EMIT ran(report->claimed, report->sent);
}

void NotificationWorker::stop()
{
    if (m_follow)
        m_follow->stop();
    if (!m_context)
        return;
    // The connection belongs to the worker's thread: closed there. The timer goes first: a
    // timeout already queued behind this call must not run a sender that is gone.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_timer;
            m_timer = nullptr;
            m_sender.reset();
            m_db.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_context = nullptr;
}

} // namespace clinicdesk
