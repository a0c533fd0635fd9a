#pragma once

#include "base/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace clinicdesk {

// Verifies one provider's webhooks (DESIGN, "Webhooks into the inbox").
//
// Standard Webhooks mode: `webhook-signature` is a space-separated list of
// `v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + raw body)>`; the request is accepted
// when any listed signature matches any configured key (rotation), compared in constant time, and
// the timestamp is within the tolerance either way.
//
// Static mode, for a provider that can only send a fixed shared secret in a header: the named
// header must equal one of the configured secrets (constant time).
//
// The secret file holds one entry per line: `whsec_<base64 key>` (Standard Webhooks), or
// `static <Header-Name> <secret>` (static mode); blank lines and lines starting with `#` are
// ignored. Nothing here logs; error messages name line numbers, never values.
class WebhookVerifier
{
public:
    static constexpr qint64 kDefaultToleranceSeconds = 5 * 60;

    enum class Verdict
    {
        Accepted,
        Malformed,      // 400: a required header is missing or unparsable
        BadSignature,   // 401: no signature / secret matches
        StaleTimestamp, // 401: outside the tolerance
    };

    struct Request
    {
        QByteArray id;           // webhook-id
        QByteArray timestamp;    // webhook-timestamp
        QByteArray signature;    // webhook-signature
        QByteArray staticSecret; // the static mode header's value, if any
        QByteArray body;
    };

    WebhookVerifier() = default;

    static Result<WebhookVerifier> fromSecretFile(const QByteArray &contents);
    // One `whsec_…` secret; InvalidInput when it is not one.
    static Result<QByteArray> decodeSecret(QByteArrayView secret);

    void addKey(const QByteArray &key) { m_keys.append(SecretBytes(key)); }
    void addStaticSecret(const QByteArray &secret) { m_staticSecrets.append(SecretBytes(secret)); }
    void setStaticHeader(const QByteArray &lowerCaseName) { m_staticHeader = lowerCaseName; }
    void setTolerance(qint64 seconds) { m_tolerance = seconds; }

    bool isStaticMode() const { return !m_staticSecrets.isEmpty(); }
    // Lower-case header name of the static mode ("" when not in static mode).
    QByteArray staticHeader() const { return m_staticHeader; }
    int keyCount() const { return int(m_keys.size() + m_staticSecrets.size()); }

    Verdict verify(const Request &request, qint64 nowSeconds) const;

    // The base64 signature (without "v1,") for `key`: for senders and tests.
    static QByteArray sign(const QByteArray &key, QByteArrayView id, QByteArrayView timestamp,
                           QByteArrayView body);

private:
    Verdict verifyStatic(const Request &request) const;

    // Wiped in every copy (crypto/SecretBytes).
    QList<SecretBytes> m_keys;
    QList<SecretBytes> m_staticSecrets;
    QByteArray m_staticHeader;
    qint64 m_tolerance = kDefaultToleranceSeconds;
};

} // namespace clinicdesk
