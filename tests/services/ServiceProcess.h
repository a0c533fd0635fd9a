#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// One of the built programs under $CLINICDESK_BIN_DIR, run as a child process. Waits on its
// output (waitForReadyRead with deadlines), never on sleeps.
class ServiceProcess
{
public:
    explicit ServiceProcess(const QString &program);
    ~ServiceProcess();

    static QString binaryPath(const QString &program);

    void setEnvironment(const QProcessEnvironment &environment);
    // Starts a service and waits for its "listening on URL" line. False (with failureReason())
    // when it exits first or the deadline passes.
    bool startService(const QStringList &arguments, int timeoutMs = 30000);
    // Runs a program that is expected to exit by itself; false on timeout.
    bool run(const QStringList &arguments, int timeoutMs = 30000);
    // Sends a signal, then waits for the exit. False on timeout.
    bool signalAndWait(int signalNumber, int timeoutMs = 30000);
    // Sends a signal without waiting.
    void sendSignal(int signalNumber);

    QUrl url() const { return m_url; }
    QString fingerprint() const { return m_fingerprint; }
    // Every stdout line so far (all of them once the process has exited).
    QStringList stdoutLines();
    QStringList stderrLines();
    QString failureReason() const { return m_failure; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    qint64 processId() const { return m_process.processId(); }

private:
    void drain();

    QString m_program;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_url;
    QString m_fingerprint;
    QString m_failure;
};
