#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace clinicdesk {

// What one delivery attempt came to, for the sender's bookkeeping. `error` may echo what the
// server said (which can name the recipient): it is stored sealed and never logged; `code`
// (SMTP reply, HTTP status or libcurl code) is what the log shows.
struct DeliveryOutcome
{
    bool delivered = false;
    bool permanent = false; // retrying cannot help (a bad number, bad credentials)
    long code = 0;
    QString error;
};

// E-mail through libcurl's SMTP: smtps:// (TLS from the start) or smtp:// with STARTTLS
// required (CURLUSESSL_ALL) unless the server is on loopback; the server's certificate is always
// verified (system CAs, or `caFile`).
class SmtpMailer
{
public:
    struct Config
    {
        QUrl url; // smtp://host:port or smtps://host:port
        QString from;
        QString caFile;
        QString user;
        QByteArray password;
        int timeoutMs = 30000;
    };
    struct Message
    {
        QString to;
        QString subject;
        QString body;
        QString messageId; // without angle brackets
    };

    // InvalidInput-style text when the URL or sender address cannot work; empty when fine.
    static QString check(const Config &config);
    static bool isLoopback(const QUrl &url);
    // The RFC 5322 message as sent (for tests and the preview): headers, then the body base64.
    static QByteArray compose(const Config &config, const Message &message);
    static DeliveryOutcome send(const Config &config, const Message &message);
};

// Text messages through a Twilio-shaped Messages API (the sandbox stands in for it):
// POST {url}/2010-04-01/Accounts/{account}/Messages.json, form To, From, Body, Basic auth.
class SmsGateway
{
public:
    struct Config
    {
        QUrl url;
        QString account;
        QString from;
        QString caFile;
        QByteArray token;
        int timeoutMs = 30000;
    };

    static QString check(const Config &config);
    // A US 10-digit number gets +1; anything not E.164 after that is empty.
    static QString e164(const QString &phone);
    static DeliveryOutcome send(const Config &config, const QString &to, const QString &body);
};

} // namespace clinicdesk
