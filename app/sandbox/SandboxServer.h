#pragma once

#include "SandboxFaults.h"
#include "SandboxStore.h"
#include "base/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <memory>
#include <vector>

class QHttpServerRequest;
class QTcpSocket;

namespace clinicdesk {

class SandboxAttachments;
class SandboxClinician;
class SandboxClock;
class SandboxControlRoutes;
class SandboxHttp;
class SandboxRoutes;
class SandboxSmsLog;
class SandboxWebhookSender;
class TlsIdentity;
struct SandboxContext;

// clinicdesk-sandbox: a stand-in for the provider (DESIGN, "Provider API" and "The rest of the
// provider's surface"). Serves GET /healthz; the provider routes behind the Bearer API key
// (compared in constant time), one family per file: visits (SandboxVisitRoutes), photos, PDFs
// and messages (SandboxMediaRoutes), pharmacies (SandboxPharmacyRoutes), prescription changes
// and titrations (SandboxCareRoutes); the Twilio-shaped SMS gateway (SandboxSmsRoutes, Basic
// auth); the simulated clinician, signed webhook delivery, the fault switches, the sandbox clock;
// and with `enableControl` the /_sandbox/ control routes (SandboxControlRoutes). docs/provider.md
// lists every route, rule and text.
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
        QString smsAccountSid;   // the SMS gateway's account (empty: the one in the request)
        QByteArray smsAuthToken; // empty: every SMS request is refused
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
    bool authorised(const QHttpServerRequest &request) const;
    SandboxRoutes *routesFor(const QString &path) const;
    void serve(SandboxRoutes &routes, const QHttpServerRequest &request, const QString &path,
               QTcpSocket *socket);

    std::unique_ptr<SandboxHttp> m_http;
    std::unique_ptr<SandboxStore> m_store;
    Config m_config;
    SandboxFaults m_faults;
    QHash<QString, int> m_counters;
    std::unique_ptr<SandboxClock> m_clock;
    std::unique_ptr<SandboxAttachments> m_attachments;
    std::unique_ptr<SandboxSmsLog> m_smsLog;
    SandboxClinician *m_clinician = nullptr;
    SandboxWebhookSender *m_sender = nullptr;
    std::unique_ptr<SandboxContext> m_context;
    std::vector<std::unique_ptr<SandboxRoutes>> m_routes; // the API and the SMS gateway
    std::unique_ptr<SandboxControlRoutes> m_control;
};

} // namespace clinicdesk
