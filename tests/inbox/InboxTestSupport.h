#pragma once

#include "../services/ServiceProcess.h"
#include "service/TlsIdentity.h"
#include "store/Database.h"
#include "webhooks/WebhookVerifier.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// Helpers for driving the real clinicdesk-inbox over HTTPS on loopback: TLS is verified against
// the inbox's generated certificate as the only CA, never ignored.
namespace inboxtest {

inline bool writePrivateFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), 0600) == 0;
}

// The Standard Webhooks reference key (DESIGN) and a second one for rotation tests.
inline QByteArray referenceKey()
{
    return clinicdesk::WebhookVerifier::decodeSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        .value();
}

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A running inbox with one provider "beluga" (the reference key) and one consumer "relay".
class Inbox
{
public:
    explicit Inbox(const QString &root)
        : m_root(root)
        , process(QStringLiteral("clinicdesk-inbox"))
    {
        QDir().mkpath(root);
        secretFile = QDir(root).filePath(QStringLiteral("beluga.secret"));
        tokenFile = QDir(root).filePath(QStringLiteral("relay.token"));
        keyFile = QDir(root).filePath(QStringLiteral("inbox.key"));
        dataDir = QDir(root).filePath(QStringLiteral("data"));
        token = QByteArrayLiteral("relay-token-") +
                QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        writePrivateFile(secretFile, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
        writePrivateFile(tokenFile, token + '\n');
        writePrivateFile(keyFile, QByteArray(32, 'k').toBase64() + '\n');
    }

    QStringList arguments(const QString &listen = QStringLiteral("127.0.0.1:0")) const
    {
        return {QStringLiteral("--data-dir"), dataDir,
                QStringLiteral("--listen"),   listen,
                QStringLiteral("--key-file"), keyFile,
                QStringLiteral("--provider"), QStringLiteral("beluga=") + secretFile,
                QStringLiteral("--consumer"), QStringLiteral("relay=") + tokenFile};
    }

    bool start(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
               const QString &listen = QStringLiteral("127.0.0.1:0"))
    {
        process.setEnvironment(environment);
        if (!process.startService(arguments(listen)))
            return false;
        url = process.url();
        ca = QSslCertificate::fromPath(clinicdesk::TlsIdentity::generatedCertificatePath(dataDir));
        return !ca.isEmpty();
    }

    QSslConfiguration tls() const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(ca);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        return config;
    }

    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest request(url.resolved(QUrl(path)));
        request.setSslConfiguration(tls());
        request.setTransferTimeout(40000);
        return request;
    }

    static Reply finish(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(45000);
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
        reply->deleteLater();
        return result;
    }

    QNetworkRequest webhookRequest(const QByteArray &id, const QByteArray &body,
                                   qint64 timestamp = 0, const QByteArray &key = {},
                                   const QString &provider = QStringLiteral("beluga")) const
    {
        const QByteArray ts =
            QByteArray::number(timestamp ? timestamp : QDateTime::currentSecsSinceEpoch());
        QNetworkRequest req = request(QStringLiteral("/webhooks/") + provider);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("webhook-id", id);
        req.setRawHeader("webhook-timestamp", ts);
        req.setRawHeader("webhook-signature",
                         "v1," + clinicdesk::WebhookVerifier::sign(
                                     key.isEmpty() ? referenceKey() : key, id, ts, body));
        return req;
    }

    Reply postWebhook(const QByteArray &id, const QByteArray &body)
    {
        return finish(network.post(webhookRequest(id, body), body));
    }

    Reply getEvents(const QString &query, const QByteArray &bearer = {})
    {
        QNetworkRequest req = request(QStringLiteral("/v1/events") + query);
        req.setRawHeader("Authorization", "Bearer " + (bearer.isEmpty() ? token : bearer));
        return finish(network.get(req));
    }

    Reply commit(qint64 cursor)
    {
        QNetworkRequest req = request(QStringLiteral("/v1/events/commit"));
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return finish(network.post(req, "{\"cursor\":" + QByteArray::number(cursor) + "}"));
    }

    QString m_root;
    QString secretFile, tokenFile, keyFile, dataDir;
    QByteArray token;
    ServiceProcess process;
    QUrl url;
    QList<QSslCertificate> ca;
    QNetworkAccessManager network;
};

// GET /metrics from loopback.
inline QByteArray metrics(Inbox &inbox)
{
    return Inbox::finish(inbox.network.get(inbox.request(QStringLiteral("/metrics")))).body;
}

// A genuine signed webhook as raw request bytes, for raw sockets.
inline QByteArray rawWebhook(const Inbox &inbox, const QByteArray &id, const QByteArray &body)
{
    const QNetworkRequest r = inbox.webhookRequest(id, body);
    QByteArray raw = "POST /webhooks/beluga HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n";
    for (const QByteArray &h : {QByteArray("webhook-id"), QByteArray("webhook-timestamp"),
                                QByteArray("webhook-signature")})
        raw += h + ": " + r.rawHeader(h) + "\r\n";
    return raw + "\r\n" + body;
}

// Holds the inbox database's write lock from the test process, as a stuck or failing disk
// would: the inbox's commits wait (SQLite's busy timeout, 10 s), then fail.
class WriteLock
{
public:
    bool take(const Inbox &inbox)
    {
        auto opened = clinicdesk::Database::openSqlite(
            QDir(inbox.dataDir).filePath(QStringLiteral("inbox.sqlite")));
        if (!opened)
            return false;
        m_db = std::move(opened).value();
        return QSqlQuery(m_db->handle()).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    void release()
    {
        if (m_db)
            QSqlQuery(m_db->handle()).exec(QStringLiteral("ROLLBACK"));
        m_db.reset();
    }
    ~WriteLock() { release(); }

private:
    std::unique_ptr<clinicdesk::Database> m_db;
};

inline QByteArray eventBody(const QString &masterId, const QString &type, int n = 0)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("masterId"), masterId},
                                     {QStringLiteral("event"), type},
                                     {QStringLiteral("content"), QStringLiteral("chat %1").arg(n)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace inboxtest
