#include "SandboxProcess.h"

#include "crypto/KeyRing.h"
#include "keys/KeyFileKeyProvider.h"
#include "service/TlsIdentity.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

#include <csignal>

#include <sys/stat.h>

SandboxProcess::SandboxProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    QDir().mkpath(m_dataDir);
    if (!QFile::exists(keyFile())) {
        clinicdesk::KeyFileKeyProvider keys(keyFile());
        if (!keys.save({}, clinicdesk::KeyRing::generate()))
            qWarning("cannot write the sandbox's key file");
    }
    QFile key(apiKeyFile());
    if (key.open(QIODevice::ReadOnly)) {
        m_apiKey = key.readAll().trimmed();
    } else {
        m_apiKey = "sk_test_" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        if (key.open(QIODevice::WriteOnly)) {
            key.write(m_apiKey + '\n');
            key.close();
        }
        ::chmod(QFile::encodeName(apiKeyFile()).constData(), 0600);
    }
}

SandboxProcess::~SandboxProcess()
{
    kill();
}

QString SandboxProcess::apiKeyFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("api.key"));
}

QString SandboxProcess::keyFile() const
{
    // Beside, not inside, the data dir: the data key does not live with the data.
    return m_dataDir + QStringLiteral(".key");
}

QString SandboxProcess::log() const
{
    QFile f(QDir(m_dataDir).filePath(QStringLiteral("stderr.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool SandboxProcess::start(const QStringList &extraArguments, bool plainHttp)
{
    const QString dir =
        qEnvironmentVariable("CLINICDESK_BIN_DIR", QCoreApplication::applicationDirPath());
    QStringList args = {
        QStringLiteral("--data-dir"),     m_dataDir,
        QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:%1").arg(m_port),
        QStringLiteral("--api-key-file"), apiKeyFile(),
        QStringLiteral("--key-file"),     keyFile()};
    if (enableControl)
        args << QStringLiteral("--enable-control");
    if (plainHttp)
        args << QStringLiteral("--plain-http");
    args << extraArguments;
    m_process.setStandardErrorFile(QDir(m_dataDir).filePath(QStringLiteral("stderr.log")),
                                   QIODevice::Append);
    m_process.start(QDir(dir).filePath(QStringLiteral("clinicdesk-sandbox")), args);
    if (!m_process.waitForStarted(20000)) {
        m_failure = QStringLiteral("sandbox did not start: ") + m_process.errorString();
        return false;
    }
    QByteArray out;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        out += m_process.readAllStandardOutput();
        const int at = out.indexOf("listening on ");
        if (at >= 0 && out.indexOf('\n', at) > at) {
            const QByteArray line = out.mid(at + 13, out.indexOf('\n', at) - at - 13);
            m_url = QUrl(QString::fromUtf8(line.trimmed()));
            m_port = quint16(m_url.port());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    m_failure = QStringLiteral("sandbox printed no listening line; log: ") + log();
    return false;
}

bool SandboxProcess::stop()
{
    if (!running())
        return true;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    return m_process.waitForFinished(20000);
}

void SandboxProcess::kill()
{
    if (running()) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

QList<QSslCertificate> SandboxProcess::caCertificates() const
{
    return QSslCertificate::fromPath(clinicdesk::TlsIdentity::generatedCertificatePath(m_dataDir));
}

clinicdesk::ProviderClient::Config SandboxProcess::clientConfig(int timeoutMs) const
{
    clinicdesk::ProviderClient::Config c;
    c.baseUrl = m_url;
    c.apiKey = m_apiKey;
    c.extraCaCertificates = caCertificates();
    c.timeoutMs = timeoutMs;
    return c;
}

SandboxProcess::Reply SandboxProcess::request(const QByteArray &verb, const QString &path,
                                              const QJsonObject &body, const QByteArray &key,
                                              bool sendBody) const
{
    QUrl url = m_url;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(20000);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(caCertificates());
    request.setSslConfiguration(tls);
    const QByteArray bearer = key.isNull() ? m_apiKey : key;
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkAccessManager network;
    QNetworkReply *reply =
        verb == "GET" || !sendBody
            ? network.sendCustomRequest(request, verb)
            : network.sendCustomRequest(request, verb,
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(25000);
    Reply r;
    r.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    delete reply;
    return r;
}

SandboxProcess::Reply SandboxProcess::postForm(const QString &path, const QByteArray &form,
                                               const QByteArray &user,
                                               const QByteArray &password) const
{
    QUrl url = m_url;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(20000);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(caCertificates());
    request.setSslConfiguration(tls);
    if (!user.isNull())
        request.setRawHeader("Authorization", "Basic " + (user + ':' + password).toBase64());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(request, form);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(25000);
    Reply r;
    r.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    delete reply;
    return r;
}

bool SandboxProcess::control(const QString &path, const QJsonObject &body) const
{
    const Reply r = request("POST", path, body);
    return r.http == 200 && r.body.value(QLatin1String("status")).toInt() == 200;
}

bool SandboxProcess::advanceDays(int days) const
{
    return control(QStringLiteral("/_sandbox/clock"), {{QStringLiteral("advanceDays"), days}});
}

bool SandboxProcess::setFaults(const QJsonObject &faults) const
{
    const Reply r = request("POST", QStringLiteral("/_sandbox/faults"), faults);
    return r.http == 200 && r.body.value(QLatin1String("status")).toInt() == 200;
}

bool SandboxProcess::setClinician(const QJsonObject &rule) const
{
    const Reply r = request("POST", QStringLiteral("/_sandbox/clinician"), rule);
    return r.http == 200 && r.body.value(QLatin1String("status")).toInt() == 200;
}

QJsonObject SandboxProcess::state() const
{
    return request("GET", QStringLiteral("/_sandbox/state"))
        .body.value(QLatin1String("data"))
        .toObject();
}

int SandboxProcess::visitCount() const
{
    const QJsonObject s = state();
    return s.contains(QLatin1String("visits"))
               ? int(s.value(QLatin1String("visits")).toArray().size())
               : -1;
}

int SandboxProcess::createRequests(const QString &masterId) const
{
    for (const QJsonValue &v : state().value(QLatin1String("visits")).toArray()) {
        if (v.toObject().value(QLatin1String("masterId")).toString() == masterId)
            return v.toObject().value(QLatin1String("createRequests")).toInt();
    }
    return 0;
}
