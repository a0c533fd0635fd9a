#pragma once

#include <QObject>
#include <QStringList>

class QSystemTrayIcon;
class QWidget;

namespace clinicdesk {

// The desktop notice for visits that newly need attention: the window's taskbar entry asks for
// attention, and where the desktop has a tray, an icon with a message. Both carry counts only
// (they show on lock screens and shared displays), never a patient or a visit.
class TrayNotice : public QObject
{
    Q_OBJECT

public:
    // `window` is raised when the tray icon is clicked.
    explicit TrayNotice(QWidget *window);

    void attentionArrived(const QStringList &visitIds, int unread);
    void setUnread(int unread);
    // The session ended: nothing stays on the desktop.
    void hide();

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace clinicdesk
