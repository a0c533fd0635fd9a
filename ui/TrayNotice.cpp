#include "TrayNotice.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace clinicdesk {

TrayNotice::TrayNotice(QWidget *window)
    : QObject(window)
    , m_window(window)
{}

void TrayNotice::attentionArrived(const QStringList &visitIds, int unread)
{
    QApplication::alert(m_window);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
    }
    m_tray->show();
    m_tray->showMessage(tr("ClinicDesk"),
                        tr("%n visit(s) need attention", nullptr, int(visitIds.size())) +
                            QLatin1Char('\n') + tr("%n unread in all", nullptr, unread),
                        QSystemTrayIcon::Warning);
}

void TrayNotice::setUnread(int unread)
{
    if (m_tray)
        m_tray->setToolTip(tr("ClinicDesk: %n visit(s) need attention", nullptr, unread));
}

void TrayNotice::hide()
{
    if (m_tray)
        m_tray->hide();
}

} // namespace clinicdesk
