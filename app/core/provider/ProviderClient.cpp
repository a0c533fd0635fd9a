#include "provider/ProviderClient.h"

#include "base/Logging.h"
#include "provider/BelugaAdapter.h"
#include "provider/ProviderCredentials.h"
#include "service/ServiceOptions.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSettings>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>

namespace clinicdesk {

Result<QList<QSslCertificate>> ProviderClient::loadCaFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QStringLiteral("cannot read the CA file %1: %2").arg(path, file.errorString()));
    const QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the CA file %1 holds no PEM certificate").arg(path));
    return certs;
}

Result<ProviderClient::Config> ProviderClient::loadConfig(const QSettings &settings,
                                                          const ProviderCredentials &credentials)
{
    Config config;
    config.baseUrl = QUrl(settings.value(QStringLiteral("provider/url")).toString());
    config.timeoutMs = settings.value(QStringLiteral("provider/timeoutMs"), 20000).toInt();
    const QString caFile = settings.value(QStringLiteral("provider/caFile")).toString();
    if (!caFile.isEmpty()) {
        auto cas = loadCaFile(caFile);
        if (!cas)
            return cas.error();
        config.extraCaCertificates = cas.value();
    }
    auto key = credentials.apiKey();
    if (!key)
        return key.error();
    config.apiKey = key.value();
    if (auto valid = validate(config); !valid)
        return valid.error();
    return config;
}

Result<void> ProviderClient::validate(const Config &config)
{
    const QUrl &url = config.baseUrl;
    const bool https = url.scheme() == QLatin1String("https");
    const bool loopbackHttp =
        url.scheme() == QLatin1String("http") && ServiceOptions::isLoopbackHost(url.host());
    if (!url.isValid() || url.host().isEmpty() || (!https && !loopbackHttp))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the provider URL must be https:// (http:// only to a "
                                        "loopback host)"));
    if (config.apiKey.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no provider API key"));
    if (config.timeoutMs <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the timeout must be positive"));
    return {};
}

ProviderClient::ProviderClient(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    // Redirects could carry the bearer key elsewhere: none are followed.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ProviderClient::~ProviderClient()
{
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void ProviderClient::createVisit(const QJsonObject &body, Callback done)
{
    send("POST", BelugaAdapter::createVisitPath(), body, std::move(done));
}

void ProviderClient::fetchVisit(const QString &masterId, Callback done)
{
    send("GET", BelugaAdapter::visitStatusPath(masterId), {}, std::move(done));
}

void ProviderClient::fetchPatient(const QString &phone, Callback done)
{
    send("GET", BelugaAdapter::patientPath(phone), {}, std::move(done));
}

void ProviderClient::sendStaffChat(const QJsonObject &body, Callback done)
{
    send("POST", BelugaAdapter::staffChatPath(), body, std::move(done));
}

void ProviderClient::sendSupportMessage(const QJsonObject &body, Callback done)
{
    send("POST", BelugaAdapter::supportMessagePath(), body, std::move(done));
}

void ProviderClient::searchPharmacies(const QJsonObject &body, Callback done)
{
    send("POST", BelugaAdapter::pharmacySearchPath(), body, std::move(done));
}

void ProviderClient::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                          Callback done)
{
    if (auto valid = validate(m_config); !valid) {
        ProviderResult r;
        r.outcome = ProviderResult::Outcome::Unauthorized;
        r.message = valid.error().message;
        QTimer::singleShot(0, this, [r, done] { done(r); });
        return;
    }
    QUrl url = m_config.baseUrl;
    url.setPath(m_config.baseUrl.path().chopped(
                    m_config.baseUrl.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                    path,
                QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_config.apiKey);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_config.timeoutMs);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.extraCaCertificates.isEmpty())
        tls.addCaCertificates(m_config.extraCaCertificates);
    request.setSslConfiguration(tls);
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = m_network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        reply = m_network.sendCustomRequest(request, verb,
                                            QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    ++m_inFlight;
    // The transfer timeout only counts silence; the deadline bounds the whole request.
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(m_config.timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timedOut, done] { finish(reply, *timedOut, done); });
}

void ProviderClient::finish(QNetworkReply *reply, bool timedOut, const Callback &done)
{
    reply->deleteLater();
    --m_inFlight;
    using Outcome = ProviderResult::Outcome;
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    ProviderResult r;
    // Errors below 100 are the connection's (refused, closed, reset, timed out, TLS); above,
    // they only restate the HTTP status, which the adapter reads itself.
    const bool connectionFailed = error != QNetworkReply::NoError && int(error) < 100;
    if (statusAttr.isValid() && !timedOut && !connectionFailed) {
        r = BelugaAdapter::normaliseReply(statusAttr.toInt(), reply->readAll());
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && retryAfter >= 0)
            r.retryAfterSeconds = retryAfter;
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        r.outcome = Outcome::TlsFailed;
        r.message = QStringLiteral("the provider's TLS certificate did not verify");
    } else {
        // No HTTP reply: refused, reset, closed, timed out, DNS. The request may or may not have
        // reached the provider, which is why every write is idempotent (masterId).
        r.outcome = Outcome::Transient;
        r.timedOut = timedOut || error == QNetworkReply::TimeoutError ||
                     error == QNetworkReply::OperationCanceledError;
        r.message =
            r.timedOut
                ? QStringLiteral("the provider did not answer in time")
                : QStringLiteral("no reply from the provider (network error %1)").arg(int(error));
    }
    qCDebug(lcProvider) << "provider reply: outcome" << ProviderResult::outcomeName(r.outcome)
                        << "http" << r.httpStatus << "status" << r.providerStatus << "network error"
                        << int(error);
    done(r);
}

} // namespace clinicdesk
