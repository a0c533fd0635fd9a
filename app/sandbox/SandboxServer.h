#pragma once

#include "SandboxFaults.h"
#include "SandboxStore.h"
#include "base/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServerRequest;
class QTcpSocket;

namespace clinicdesk {

class SandboxClinician;
class SandboxHttp;
class SandboxWebhookSender;
class TlsIdentity;

// clinicdesk-sandbox: a stand-in for the provider (DESIGN, "Provider API"). Serves GET /healthz,
// the provider routes behind the Bearer API key (compared in constant time), the simulated
// clinician, signed webhook delivery, the fault switches, and with `enableControl` the
// /_sandbox/ control routes (state, faults, clinician rule, per-visit decisions, webhooks).
class SandboxServer final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QByteArray apiKey; // empty: every API request is refused
        bool enableControl = false;
        QUrl webhookUrl;                   // empty: events are queued but not delivered
        QByteArray webhookKey;             // key bytes of the whsec_ secret
        QList<QSslCertificate> webhookCas; // trusted besides the system's, for the webhook URL
    };

    SandboxServer(std::unique_ptr<SandboxStore> store, Config config, QObject *parent = nullptr);
    explicit SandboxServer(QObject *parent = nullptr); // /healthz only (no store)
    ~SandboxServer() override;

    // Startup settings, the same objects the control routes take: {"clinician":{…},
    // "faults":{…}} (main reads them from sandbox.json in the data dir when present).
    Result<void> configure(const QJsonObject &settings);

    // HTTPS with `identity`, or plain HTTP when it is null. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsIdentity *identity);

    // Called by the HTTP layer for every request.
    void handle(const QHttpServerRequest &request, QTcpSocket *socket);

private:
    struct Reply
    {
        int http = 200;
        QJsonObject body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    static bool isApiRoute(const QString &path);
    bool authorised(const QHttpServerRequest &request) const;
    Reply api(const QHttpServerRequest &request, const QString &path);
    Reply control(const QHttpServerRequest &request, const QString &path);
    Reply createVisit(const QJsonObject &body);
    Reply fetchVisit(const QString &masterId);
    Reply fetchPatient(const QString &phone);
    Reply storeMessage(const QJsonObject &body, const QStringList &required, const QString &sender,
                       const QString &counter,
                       const std::function<Result<void>(const QString &)> &then);
    Reply receiveChat(const QJsonObject &body);
    Reply receiveCsMessage(const QJsonObject &body);
    Reply pharmacies(const QJsonObject &body);
    Reply state();
    Reply webhookList();

    static Reply ok(const QJsonValue &data);
    static Reply providerError(const QString &message, int status = 400);
    static Reply httpError(int http, const QString &message);
    static void write(QTcpSocket *socket, const Reply &reply);

    std::unique_ptr<SandboxHttp> m_http;
    std::unique_ptr<SandboxStore> m_store;
    Config m_config;
    SandboxFaults m_faults;
    SandboxClinician *m_clinician = nullptr;
    SandboxWebhookSender *m_sender = nullptr;
    QHash<QString, int> m_counters;
};

} // namespace clinicdesk
