#pragma once

#include "SandboxPayloads.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

// The real servers the notification tests send to: tests/notify/smtp_sink.py (aiosmtpd with
// STARTTLS required, a certificate of its own) and clinicdesk-sandbox's SMS stand-in.
namespace notifytest {

class SmtpSink
{
public:
    explicit SmtpSink(QString dir)
        : m_dir(std::move(dir))
    {}
    ~SmtpSink()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            m_process.waitForFinished(10000);
        }
    }

    // `extra`: more arguments for smtp_sink.py (--auth USER:PASSWORD, --auth-mechanism M).
    bool start(const QStringList &extra = {})
    {
        const QString script = qEnvironmentVariable("CLINICDESK_SOURCE_DIR") +
                               QStringLiteral("/tests/notify/smtp_sink.py");
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        QStringList{script, QStringLiteral("--dir"), m_dir} + extra);
        if (!m_process.waitForStarted(10000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(20000)) {
                qWarning("smtp sink: %s", m_process.readAllStandardError().constData());
                return false;
            }
        }
        const QStringList words = QString::fromUtf8(m_process.readLine()).trimmed().split(u' ');
        if (words.size() != 4 || words[0] != QLatin1String("listening"))
            return false;
        m_port = words[2].toInt();
        m_caFile = words[3];
        return m_port > 0;
    }

    int port() const { return m_port; }
    QString caFile() const { return m_caFile; }
    // Queues faults for the next DATA commands: refuse, drop, stall.
    void fault(const QStringList &faults) const
    {
        QFile f(QDir(m_dir).filePath(QStringLiteral("faults")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((faults.join(u'\n') + QLatin1Char('\n')).toUtf8());
    }
    // (epoch ms, Message-ID) of every accepted message, in order.
    QList<std::pair<qint64, QString>> received() const
    {
        QList<std::pair<qint64, QString>> out;
        QFile f(QDir(m_dir).filePath(QStringLiteral("received.log")));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0)
                out.append({line.left(space).toLongLong(), QString::fromUtf8(line.mid(space + 1))});
        }
        return out;
    }
    int countWithId(const QString &messageId) const
    {
        int n = 0;
        for (const auto &[ms, id] : received())
            n += id == QLatin1Char('<') + messageId + QLatin1Char('>') ? 1 : 0;
        return n;
    }
    // "<mechanism> <login> ok|denied" per AUTH attempt (--auth).
    QStringList authAttempts() const
    {
        QFile f(QDir(m_dir).filePath(QStringLiteral("auth.log")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    // Every accepted message's raw text.
    QByteArray allMessages() const
    {
        QByteArray all;
        for (const QString &name :
             QDir(m_dir).entryList({QStringLiteral("msg-*.eml")}, QDir::Files)) {
            QFile f(QDir(m_dir).filePath(name));
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

private:
    QString m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_caFile;
};

// The sandbox's CA as a PEM file (for libcurl's CAINFO).
inline QString writeCaFile(const SandboxProcess &sandbox, const QString &path)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        for (const QSslCertificate &c : sandbox.caCertificates())
            f.write(c.toPem());
    }
    return path;
}

inline QJsonArray smsReceived(const SandboxProcess &sandbox)
{
    return sandbox.request("GET", QStringLiteral("/_sandbox/sms"))
        .body.value(QStringLiteral("data"))
        .toArray();
}

} // namespace notifytest
