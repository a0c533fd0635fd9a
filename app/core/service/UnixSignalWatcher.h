#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace clinicdesk {

// Turns Unix signals (SIGTERM, SIGINT, SIGHUP…) into a Qt signal, so a service can quit cleanly
// from its event loop. The handler only writes the signal number to one end of a socketpair
// (async-signal-safe); a QSocketNotifier on the other end emits unixSignal() in the thread that
// owns this object (the self-pipe trick, as in Qt's "Calling Qt Functions From Unix Signal
// Handlers"). One watcher per process; the previous handlers are restored on destruction.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    // Installs the handler for `signalNumber`. False (and a warning) when that fails or when
    // another watcher already exists.
    bool watch(int signalNumber);
    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void unixSignal(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_watched;
};

} // namespace clinicdesk
