#include "ServiceProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>

#include <csignal>

namespace {

QStringList lines(const QByteArray &bytes)
{
    QStringList result = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

} // namespace

ServiceProcess::ServiceProcess(const QString &program)
    : m_program(program)
{}

ServiceProcess::~ServiceProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServiceProcess::binaryPath(const QString &program)
{
    // ctest sets CLINICDESK_BIN_DIR; run by hand, the tests sit next to the programs in bin/.
    const QString dir =
        qEnvironmentVariable("CLINICDESK_BIN_DIR", QCoreApplication::applicationDirPath());
    return QDir(dir).filePath(program);
}

void ServiceProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

void ServiceProcess::drain()
{
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
}

bool ServiceProcess::startService(const QStringList &arguments, int timeoutMs)
{
    m_process.start(binaryPath(m_program), arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_failure = QStringLiteral("%1 did not start: %2").arg(m_program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    const QString listening = QStringLiteral("listening on ");
    const QString fingerprint = QStringLiteral("TLS certificate SHA-256 fingerprint: ");
    for (;;) {
        drain();
        for (const QString &line : lines(m_stdout)) {
            if (line.startsWith(fingerprint))
                m_fingerprint = line.mid(fingerprint.size());
            if (line.startsWith(listening)) {
                m_url = QUrl(line.mid(listening.size()));
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_failure = QStringLiteral("%1 exited with %2 before listening; stderr: %3")
                            .arg(m_program)
                            .arg(m_process.exitCode())
                            .arg(QString::fromUtf8(m_stderr));
            return false;
        }
        if (deadline.hasExpired()) {
            m_failure = QStringLiteral("%1 printed no listening line in time").arg(m_program);
            return false;
        }
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

bool ServiceProcess::run(const QStringList &arguments, int timeoutMs)
{
    m_process.start(binaryPath(m_program), arguments);
    const bool finished = m_process.waitForFinished(timeoutMs);
    drain();
    if (!finished)
        m_failure = QStringLiteral("%1 did not exit in time").arg(m_program);
    return finished;
}

void ServiceProcess::sendSignal(int signalNumber)
{
    ::kill(pid_t(m_process.processId()), signalNumber);
}

bool ServiceProcess::signalAndWait(int signalNumber, int timeoutMs)
{
    sendSignal(signalNumber);
    const bool finished = m_process.waitForFinished(timeoutMs);
    drain();
    return finished;
}

QStringList ServiceProcess::stdoutLines()
{
    drain();
    return lines(m_stdout);
}

QStringList ServiceProcess::stderrLines()
{
    drain();
    return lines(m_stderr);
}
