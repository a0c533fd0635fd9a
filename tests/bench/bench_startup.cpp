// BENCH: console cold start to the sign-in window. Starts the real `clinicdesk` (offscreen
// platform, a fresh store with one account made by `clinicdesk-admin --key-file`, so the sign-in
// page shows, not first run) N times (default 10, or argv[1]) with CLINICDESK_STARTUP_PROBE=1:
// the console prints "startup-ready <ms>" once the sign-in page has painted, and quits. The
// figure is this program's wall clock from QProcess::start() to that line (fork and exec
// included); the first run is reported apart, as it meets the coldest caches (fonts, plugins).
// Prints figures; asserts nothing about speed.
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

QString binary(const QString &program)
{
    // As ServiceProcess: ctest sets CLINICDESK_BIN_DIR; by hand, we sit next to the programs.
    return QDir(qEnvironmentVariable("CLINICDESK_BIN_DIR", QCoreApplication::applicationDirPath()))
        .filePath(program);
}

// Runs clinicdesk-admin with `arguments`, writing `input` to its stdin; its output (which may
// hold a generated password) is read and dropped.
void admin(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(binary(QStringLiteral("clinicdesk-admin")), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        qFatal("clinicdesk-admin %s failed (exit %d)", qPrintable(arguments.value(4)),
               process.exitCode());
}

struct Start
{
    double wallMs = -1;  // QProcess::start() to the startup-ready line
    double probeMs = -1; // the console's own figure: since the kernel started it
};

Start startOnce(const QString &dataDir, const QString &keyFile)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CLINICDESK_STARTUP_PROBE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(binary(QStringLiteral("clinicdesk")),
                  {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--key-file"), keyFile,
                   QStringLiteral("--lang"), QStringLiteral("en")});
    Start result;
    QByteArray out;
    const QByteArray marker = "startup-ready ";
    while (timer.elapsed() < 30000) {
        const qsizetype at = out.indexOf(marker);
        if (at >= 0 && out.indexOf('\n', at) >= 0) {
            result.wallMs = double(timer.nsecsElapsed()) / 1e6;
            result.probeMs = out.mid(at + marker.size(), out.indexOf('\n', at) - at - marker.size())
                                 .trimmed()
                                 .toDouble();
            break;
        }
        if (process.state() == QProcess::NotRunning)
            break;
        process.waitForReadyRead(50);
        out += process.readAllStandardOutput();
    }
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (result.wallMs < 0)
        qFatal("the console never reached the sign-in page (exit %d)", process.exitCode());
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(2, QByteArray(argv[1]).toInt()) : 10;
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("console"));
    const QString keyFile = dir.filePath(QStringLiteral("data.key"));
    const QStringList common = {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--key-file"),
                                keyFile};
    admin(common + QStringList{QStringLiteral("store"), QStringLiteral("init")});
    admin(common + QStringList{QStringLiteral("users"), QStringLiteral("add"),
                               QStringLiteral("benchadmin"), QStringLiteral("--role"),
                               QStringLiteral("admin"), QStringLiteral("--generate-password")});

    QList<double> wall;
    QList<double> probe;
    for (int i = 0; i < runs; ++i) {
        const Start s = startOnce(dataDir, keyFile);
        wall << s.wallMs;
        probe << s.probeMs;
    }
    const QList<double> warm = wall.mid(1);
    std::printf("BENCH console_cold_start_first %.1f ms (first of %d starts, coldest caches)\n",
                wall.first(), runs);
    std::printf("BENCH console_cold_start_median %.1f ms (goal < 1000 ms; start to sign-in page "
                "painted, offscreen, median of %d, max %.1f ms)\n",
                clinicdesk::bench::median(wall), runs,
                *std::max_element(wall.cbegin(), wall.cend()));
    std::printf("BENCH console_cold_start_warm_max %.1f ms (max of the %lld starts after the "
                "first)\n",
                *std::max_element(warm.cbegin(), warm.cend()), qint64(warm.size()));
    std::printf("BENCH console_cold_start_probe_median %.0f ms (the console's own figure since "
                "the kernel started it, 10 ms ticks)\n",
                clinicdesk::bench::median(probe));
    return 0;
}
