#include "base/TestSeam.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>
#include <cstdio>

namespace clinicdesk::testseam {

void pauseAt(const char *point)
{
    static const QByteArray wanted = qgetenv("CLINICDESK_TEST_PAUSE_AT");
    if (wanted.isEmpty() || wanted != point)
        return;
    std::fprintf(stderr, "clinicdesk: test pause at %s\n", point);
    std::fflush(stderr);
    std::raise(SIGSTOP);
}

} // namespace clinicdesk::testseam
