#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace clinicdesk {

// Says when nobody has touched the keyboard, mouse, touch screen or tablet for a while. It
// watches the whole application's input events (an application-wide event filter, so it needs
// a QGuiApplication: this is why it lives in the UI library, not the core).
//
// One single-shot timer, re-armed only when it fires: input merely notes the time, so a
// stream of mouse moves costs a clock read each.
class IdleMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::minutes kDefaultTimeout{10};

    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Starts (or restarts) counting from now; idle() is emitted once, then the monitor stops.
    void start();
    void stop();
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    QTimer m_timer;
    QElapsedTimer m_sinceInput;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    bool m_active = false;
};

} // namespace clinicdesk
