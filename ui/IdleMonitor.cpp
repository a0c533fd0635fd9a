#include "IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace clinicdesk {

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::check);
}

IdleMonitor::~IdleMonitor()
{
    stop();
}

void IdleMonitor::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(1));
    if (m_active)
        start();
}

void IdleMonitor::start()
{
    if (!m_active)
        QCoreApplication::instance()->installEventFilter(this);
    m_active = true;
    m_sinceInput.start();
    m_timer.start(m_timeout);
}

void IdleMonitor::stop()
{
    if (m_active && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
}

void IdleMonitor::check()
{
    if (!m_active)
        return;
    const auto quiet = std::chrono::milliseconds(m_sinceInput.elapsed());
    if (quiet < m_timeout) {
        m_timer.start(m_timeout - quiet);
        return;
    }
    stop();
    Q_EMIT idle();
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        m_sinceInput.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace clinicdesk
