#pragma once

#include "base/Result.h"
#include "provider/ProviderCare.h"
#include "provider/ProviderRecords.h"
#include "provider/ProviderReply.h"
#include "provider/ProviderResult.h"
#include "provider/ProviderRoute.h"
#include "provider/ProviderUpload.h"

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
//
// Besides the raw calls (a ProviderResult with the provider's data), every route of the rest of
// the provider's surface (docs/provider.md) has a typed call: its callback gets a
// ProviderReply<T> with the normalised result and the value read from it (pharmacies, a
// prescription change's status, an upload's status, a patient, a visit's full record). Every
// callback is called exactly once, later (never inside the call), unless the client is
// destroyed first.
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
    using Normaliser = std::function<ProviderResult(int httpStatus, const QByteArray &body)>;
    using PharmaciesCallback = std::function<void(const ProviderReply<QList<Pharmacy>> &)>;
    using CareCallback = std::function<void(const ProviderReply<CareReply> &)>;
    using UploadCallback = std::function<void(const ProviderReply<UploadStatus> &)>;
    using NameChangeCallback = std::function<void(const ProviderReply<NameChangeStatus> &)>;
    using PatientCallback = std::function<void(const ProviderReply<ProviderPatient> &)>;
    using VisitDetailsCallback = std::function<void(const ProviderReply<ProviderVisitDetails> &)>;

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

    // A POST of `body` (e.g. one queued in an outbox) to `route`, its reply normalised for that
    // route. updateVisit's API key is put in the body here, so a stored body never holds it.
    void post(ProviderRoute route, const QJsonObject &body, Callback done);

    // --- Typed calls (BelugaAdapter builds the bodies and reads the replies) ---
    // createNoPayPhotos: a visit that waits for its photos (send them with sendPhotos).
    void createVisitWithPhotos(const QJsonObject &createVisitBody, Callback done);
    // receivePhotos / receivePdf with the provider's visitId from the create call.
    void sendPhotos(const QString &providerVisitId, const QList<ProviderImage> &images,
                    UploadCallback done);
    void sendPdf(const QString &providerVisitId, const QByteArray &pdf, UploadCallback done);
    // A photo (JPEG) from staff to the clinician (receiveChat with isMedia).
    void sendStaffMedia(const QString &firstName, const QString &lastName, const QByteArray &jpeg,
                        const QString &masterId, UploadCallback done);
    // At most 100 pharmacies; "Invalid search parameters" is Refused with that message.
    void findPharmacies(const PharmacySearch &search, PharmaciesCallback done);
    // Change the preference or pharmacy, or change/resend the prescription (updateVisit), and
    // the next titration prescription. The CareReply is read for refusals too.
    void updateVisit(const PrescriptionRequest &request, CareCallback done);
    void requestNextTitration(const PrescriptionRequest &request, CareCallback done);
    void updateName(const QString &masterId, const QString &firstName, const QString &lastName,
                    NameChangeCallback done);
    // GET /patient/externalFetch/{phone}: NotFound ("Patient not found") when unknown.
    void lookupPatient(const QString &phone, PatientCallback done);
    // GET /visit/externalFetch/{masterId} in full (rxHistory, labResults, intakeResults).
    void fetchVisitDetails(const QString &masterId, VisitDetailsCallback done);

    // A GET (empty body) or POST of `body` to `path` under the base URL, its reply read by
    // `normalise` (BelugaAdapter::normaliseReply when not given).
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body, Callback done);
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body,
              Normaliser normalise, Callback done);
    int inFlight() const { return m_inFlight; }

private:
    void finish(QNetworkReply *reply, bool timedOut, const Normaliser &normalise,
                const Callback &done);

    Config m_config;
    QNetworkAccessManager m_network;
    int m_inFlight = 0;
};

} // namespace clinicdesk
