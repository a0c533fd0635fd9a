#include "notify/NotificationWorker.h"

#include "notify/NotificationSender.h"
#include "notify/NotifyLogging.h"
#include "store/Database.h"

#include <QTimer>

namespace clinicdesk {

NotificationWorker::NotificationWorker(Opener opener, FieldCipher cipher,
                                       NotificationSettings settings, QString owner, int intervalMs)
    : m_opener(std::move(opener))
    , m_cipher(std::move(cipher))
    , m_settings(std::move(settings))
    , m_owner(std::move(owner))
    , m_intervalMs(intervalMs)
{}

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
    auto report = m_sender->runOnce();
    if (!report) {
        qCWarning(lcNotify) << "notifications: run failed:" << report.error().message;
        return;
    }
    Q_EMIT ran(report->claimed, report->sent);
}

void NotificationWorker::stop()
{
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
