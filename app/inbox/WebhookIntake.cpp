#include "WebhookIntake.h"

#include "base/WebhookId.h"
#include "crypto/Crypto.h"
#include "domain/VisitEvent.h"

namespace clinicdesk {
namespace {

bool isProviderName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

WebhookIntake::Verdict refuse(const QString &provider, InboxMetrics::Rejection reason, int status,
                              const char *message)
{
    WebhookIntake::Verdict verdict;
    verdict.status = status;
    verdict.reason = reason;
    verdict.message = message;
    verdict.provider = provider;
    return verdict;
}

} // namespace

WebhookIntake::WebhookIntake(QMap<QString, WebhookVerifier> providers, qint64 maxBodyBytes)
    : m_providers(std::move(providers))
    , m_maxBodyBytes(maxBodyBytes)
{}

WebhookIntake::Verdict WebhookIntake::check(const HttpRequest &request, const QString &provider,
                                            qint64 nowSeconds) const
{
    using Rejection = InboxMetrics::Rejection;
    const auto verifier = m_providers.constFind(provider);
    if (!isProviderName(provider.toLatin1()) || verifier == m_providers.constEnd())
        return refuse({}, Rejection::UnknownProvider, 404, "unknown provider");
    if (request.body.size() > m_maxBodyBytes)
        return refuse(provider, Rejection::TooLarge, 413, "body over the limit");

    WebhookVerifier::Request signed_;
    signed_.id = request.header("webhook-id");
    signed_.timestamp = request.header("webhook-timestamp");
    signed_.signature = request.header("webhook-signature");
    signed_.body = request.body;
    if (verifier->isStaticMode())
        signed_.staticSecret = request.header(verifier->staticHeader());
    switch (verifier->verify(signed_, nowSeconds)) {
    case WebhookVerifier::Verdict::Accepted:
        break;
    case WebhookVerifier::Verdict::Malformed:
        return refuse(provider, Rejection::Malformed, 400, "missing or malformed webhook headers");
    case WebhookVerifier::Verdict::BadSignature:
        return refuse(provider, Rejection::Signature, 401, "bad signature");
    case WebhookVerifier::Verdict::StaleTimestamp:
        return refuse(provider, Rejection::Timestamp, 401, "timestamp outside the tolerance");
    }
    if (!VisitEvent::parseBody(request.body))
        return refuse(provider, Rejection::Malformed, 400, "body is not a JSON object");
    QByteArray id = signed_.id;
    if (verifier->isStaticMode() && id.isEmpty()) {
        // A static-secret provider without ids: the content is the identity.
        id = "sha256:" + crypto::sha256(request.body).toHex();
    } else if (!isValidWebhookId(id)) {
        return refuse(provider, Rejection::Malformed, 400, "missing or malformed webhook-id");
    }
    Verdict verdict;
    verdict.provider = provider;
    verdict.incoming = InboxStore::Incoming{provider, QString::fromLatin1(id), request.body};
    return verdict;
}

} // namespace clinicdesk
