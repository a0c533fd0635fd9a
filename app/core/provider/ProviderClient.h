#pragma once

#include "base/Result.h"
#include "provider/ProviderResult.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>

class QNetworkReply;
class QSettings;

namespace clinicdesk {

class ProviderCredentials;

// The console's client for the provider API (DESIGN, "Provider API"): QNetworkAccessManager,
// `Authorization: Bearer <key>` with the key from the keychain (ProviderCredentials), HTTPS with
// certificate verification (extra CA certificates may be trusted, e.g. the sandbox's generated
// one; TLS errors are never ignored), a deadline on every request, and every reply normalised
// into a ProviderResult. Route names and body shapes come from BelugaAdapter.
class ProviderClient final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl baseUrl;      // https://…, or http:// to a loopback host (tests, the sandbox)
        QByteArray apiKey; // from ProviderCredentials
        QList<QSslCertificate> extraCaCertificates;
        int timeoutMs = 20000; // whole request, connect to last byte
    };
    using Callback = std::function<void(const ProviderResult &)>;

    static Result<QList<QSslCertificate>> loadCaFile(const QString &path);
    // The console's configuration: settings "provider/url", "provider/caFile" (optional PEM
    // file of extra trusted CAs, e.g. the sandbox's generated certificate) and
    // "provider/timeoutMs"; the API key from `credentials` (the keychain), never from settings.
    static Result<Config> loadConfig(const QSettings &settings,
                                     const ProviderCredentials &credentials);
    // InvalidInput when the URL is not https (or http to loopback) or the key is empty.
    static Result<void> validate(const Config &config);

    explicit ProviderClient(Config config, QObject *parent = nullptr);
    // Requests still running are abandoned: their callbacks are not called.
    ~ProviderClient() override;

    const Config &config() const { return m_config; }
    void setApiKey(const QByteArray &apiKey) { m_config.apiKey = apiKey; }

    void createVisit(const QJsonObject &createVisitBody, Callback done);
    void fetchVisit(const QString &masterId, Callback done);
    void fetchPatient(const QString &phone, Callback done);
    void sendStaffChat(const QJsonObject &body, Callback done);
    void sendSupportMessage(const QJsonObject &body, Callback done);
    void searchPharmacies(const QJsonObject &body, Callback done);

    // A GET (empty body) or POST of `body` to `path` under the base URL.
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body, Callback done);
    int inFlight() const { return m_inFlight; }

private:
    void finish(QNetworkReply *reply, bool timedOut, const Callback &done);

    Config m_config;
    QNetworkAccessManager m_network;
    int m_inFlight = 0;
};

} // namespace clinicdesk
