#include "service/UnixSignalWatcher.h"

#include "base/Logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace clinicdesk {
namespace {

// Read by the signal handler: plain ints set before any handler is installed.
volatile sig_atomic_t s_writeFd = -1;
int s_readFd = -1;
UnixSignalWatcher *s_instance = nullptr;
std::map<int, struct sigaction> s_previous;

extern "C" void forwardSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Non-blocking: if the socket is full, enough wake-ups are already pending.
    [[maybe_unused]] const ssize_t written = ::write(s_writeFd, &byte, 1);
    errno = savedErrno;
}

} // namespace

UnixSignalWatcher::UnixSignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (s_instance) {
        qCWarning(lcService) << "only one UnixSignalWatcher per process";
        return;
    }
    int fds[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
        qCWarning(lcService) << "cannot create the signal socket pair:" << std::strerror(errno);
        return;
    }
    s_readFd = fds[0];
    s_writeFd = fds[1];
    s_instance = this;
    m_notifier = new QSocketNotifier(s_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::readSignals);
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    if (s_instance != this)
        return;
    for (int signalNumber : std::as_const(m_watched)) {
        ::sigaction(signalNumber, &s_previous[signalNumber], nullptr);
        s_previous.erase(signalNumber);
    }
    delete m_notifier;
    ::close(s_readFd);
    ::close(s_writeFd);
    s_readFd = -1;
    s_writeFd = -1;
    s_instance = nullptr;
}

bool UnixSignalWatcher::watch(int signalNumber)
{
    if (!isValid())
        return false;
    if (m_watched.contains(signalNumber))
        return true;
    struct sigaction action
    {
    };
    action.sa_handler = forwardSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction previous
    {
    };
    if (::sigaction(signalNumber, &action, &previous) != 0) {
        qCWarning(lcService) << "cannot watch signal" << signalNumber << ":"
                             << std::strerror(errno);
        return false;
    }
    s_previous[signalNumber] = previous;
    m_watched.append(signalNumber);
    return true;
}

void UnixSignalWatcher::readSignals()
{
    unsigned char buffer[64];
    for (;;) {
        const ssize_t count = ::read(s_readFd, buffer, sizeof buffer);
        if (count <= 0)
            break;
        for (ssize_t i = 0; i < count; ++i)
            Q_EMIT unixSignal(int(buffer[i]));
    }
}

} // namespace clinicdesk
