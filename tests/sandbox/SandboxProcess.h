#pragma once

#include "provider/ProviderClient.h"

#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

// clinicdesk-sandbox (from $CLINICDESK_BIN_DIR) as a child process on loopback, HTTPS with its
// generated certificate unless asked for plain HTTP, with the control routes on. Its log goes to
// a file in the data dir (a pipe nobody reads would fill up and stall it). Waits on output and
// replies with deadlines, never on sleeps.
class SandboxProcess
{
public:
    explicit SandboxProcess(QString dataDir);
    ~SandboxProcess();

    // Starts (or restarts, on the same port when it ran before) and waits for "listening on".
    bool start(const QStringList &extraArguments = {}, bool plainHttp = false);
    bool stop(); // SIGTERM, then waits for the exit
    void kill();
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    bool enableControl = true;

    QString dataDir() const { return m_dataDir; }
    QUrl url() const { return m_url; }
    QByteArray apiKey() const { return m_apiKey; }
    QString apiKeyFile() const;
    QString keyFile() const;
    QList<QSslCertificate> caCertificates() const;
    QString failure() const { return m_failure; }
    QString log() const;

    clinicdesk::ProviderClient::Config clientConfig(int timeoutMs = 10000) const;

    // A request with the API key (or `key`); returns the HTTP status and the JSON body.
    struct Reply
    {
        int http = 0;
        QJsonObject body;
        QByteArray raw;
    };
    Reply request(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
                  const QByteArray &key = QByteArray(), bool sendBody = true) const;
    // A form POST with HTTP Basic credentials (the SMS gateway stand-in); no Basic header when
    // `user` is null.
    Reply postForm(const QString &path, const QByteArray &form, const QByteArray &user,
                   const QByteArray &password) const;
    // Control routes; fail the calling test through QVERIFY in the caller on `false`.
    // A POST to /_sandbox/… that answered {"status":200}.
    bool control(const QString &path, const QJsonObject &body = {}) const;
    bool advanceDays(int days) const;
    bool setFaults(const QJsonObject &faults) const;
    bool setClinician(const QJsonObject &rule) const;
    QJsonObject state() const;
    // Visits the sandbox holds (a duplicate would show up here).
    int visitCount() const;
    // How many createNoPay requests reached the sandbox for `masterId`.
    int createRequests(const QString &masterId) const;

private:
    QString m_dataDir;
    QProcess m_process;
    QUrl m_url;
    quint16 m_port = 0;
    QByteArray m_apiKey;
    QString m_failure;
};
