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
    send("GET", BelugaAdapter::visitStatusPath(masterId), {}, &BelugaAdapter::normaliseRead,
         std::move(done));
}

void ProviderClient::fetchPatient(const QString &phone, Callback done)
{
    send("GET", BelugaAdapter::patientPath(phone), {}, &BelugaAdapter::normaliseRead,
         std::move(done));
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

void ProviderClient::post(ProviderRoute route, const QJsonObject &body, Callback done)
{
    const QJsonObject sent = BelugaAdapter::withApiKey(route, body, m_config.apiKey);
    send(
        "POST", BelugaAdapter::routePath(route), sent,
        [route](int http, const QByteArray &reply) {
            return BelugaAdapter::normalise(route, http, reply);
        },
        std::move(done));
}

namespace {

// A raw callback that reads the typed value from the normalised result.
template<typename T, typename Read>
ProviderClient::Callback typed(std::function<void(const ProviderReply<T> &)> done, Read read)
{
    return [done = std::move(done), read](const ProviderResult &r) {
        done(ProviderReply<T>{r, read(r)});
    };
}

} // namespace

void ProviderClient::createVisitWithPhotos(const QJsonObject &createVisitBody, Callback done)
{
    post(ProviderRoute::CreateVisitWithPhotos, createVisitBody, std::move(done));
}

void ProviderClient::sendPhotos(const QString &providerVisitId, const QList<ProviderImage> &images,
                                UploadCallback done)
{
    post(ProviderRoute::Photos, BelugaAdapter::photosBody(providerVisitId, images),
         typed<UploadStatus>(std::move(done), &BelugaAdapter::uploadStatus));
}

void ProviderClient::sendPdf(const QString &providerVisitId, const QByteArray &pdf,
                             UploadCallback done)
{
    post(ProviderRoute::Pdf, BelugaAdapter::pdfBody(providerVisitId, pdf),
         typed<UploadStatus>(std::move(done), &BelugaAdapter::uploadStatus));
}

void ProviderClient::sendStaffMedia(const QString &firstName, const QString &lastName,
                                    const QByteArray &jpeg, const QString &masterId,
                                    UploadCallback done)
{
    post(ProviderRoute::StaffChat,
         BelugaAdapter::staffMediaBody(firstName, lastName, jpeg, masterId),
         typed<UploadStatus>(std::move(done), &BelugaAdapter::uploadStatus));
}

void ProviderClient::findPharmacies(const PharmacySearch &search, PharmaciesCallback done)
{
    post(ProviderRoute::PharmacySearch, BelugaAdapter::pharmacySearchBody(search),
         typed<QList<Pharmacy>>(std::move(done), [](const ProviderResult &r) {
             return r.ok() ? BelugaAdapter::pharmacies(r.data) : QList<Pharmacy>();
         }));
}

void ProviderClient::updateVisit(const PrescriptionRequest &request, CareCallback done)
{
    post(ProviderRoute::UpdateVisit, BelugaAdapter::updateVisitBody(request),
         typed<CareReply>(std::move(done), &BelugaAdapter::careReply));
}

void ProviderClient::requestNextTitration(const PrescriptionRequest &request, CareCallback done)
{
    post(ProviderRoute::NextTitration, BelugaAdapter::nextTitrationBody(request),
         typed<CareReply>(std::move(done), &BelugaAdapter::careReply));
}

void ProviderClient::updateName(const QString &masterId, const QString &firstName,
                                const QString &lastName, NameChangeCallback done)
{
    post(ProviderRoute::UpdateName, BelugaAdapter::updateNameBody(masterId, firstName, lastName),
         typed<NameChangeStatus>(std::move(done), &BelugaAdapter::nameChangeStatus));
}

void ProviderClient::lookupPatient(const QString &phone, PatientCallback done)
{
    fetchPatient(phone, typed<ProviderPatient>(std::move(done), [](const ProviderResult &r) {
                     return r.ok() ? BelugaAdapter::patient(r.data) : ProviderPatient();
                 }));
}

void ProviderClient::fetchVisitDetails(const QString &masterId, VisitDetailsCallback done)
{
    fetchVisit(masterId, typed<ProviderVisitDetails>(std::move(done), [](const ProviderResult &r) {
                   return r.ok() ? BelugaAdapter::visitDetails(r.data) : ProviderVisitDetails();
               }));
}

void ProviderClient::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                          Callback done)
{
    send(verb, path, body, &BelugaAdapter::normaliseReply, std::move(done));
}

void ProviderClient::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                          Normaliser normalise, Callback done)
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
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, normalise, done] {
        finish(reply, *timedOut, normalise, done);
    });
}

void ProviderClient::finish(QNetworkReply *reply, bool timedOut, const Normaliser &normalise,
                            const Callback &done)
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
        r = normalise(statusAttr.toInt(), reply->readAll());
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
