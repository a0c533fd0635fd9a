#include "notify/MessageTransport.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace clinicdesk {
namespace {

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One easy handle, cleaned up on every path.
struct Easy
{
    CURL *handle = curl_easy_init();
    curl_slist *list = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    ~Easy()
    {
        curl_slist_free_all(list);
        curl_easy_cleanup(handle);
    }
};

struct Upload
{
    QByteArray data;
    qsizetype at = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t n = std::min(size * count, size_t(upload->data.size() - upload->at));
    std::memcpy(buffer, upload->data.constData() + upload->at, n);
    upload->at += qsizetype(n);
    return n;
}

size_t collect(char *data, size_t size, size_t count, void *user)
{
    auto *into = static_cast<QByteArray *>(user);
    if (into->size() < 64 * 1024)
        into->append(data, qsizetype(size * count));
    return size * count;
}

void setTls(Easy &easy, const QString &caFile, const QByteArray &caPath)
{
    curl_easy_setopt(easy.handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy.handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty())
        curl_easy_setopt(easy.handle, CURLOPT_CAINFO, caPath.constData());
}

QString failureText(CURLcode code, const Easy &easy)
{
    const QString detail = QString::fromUtf8(easy.error).trimmed();
    return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail;
}

QByteArray encodedWord(const QString &text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

const QRegularExpression &addressPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+$"));
    return pattern;
}

} // namespace

bool SmtpMailer::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString SmtpMailer::check(const Config &config)
{
    const QString scheme = config.url.scheme();
    if (!config.url.isValid() || config.url.host().isEmpty() ||
        (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
        return QStringLiteral("the SMTP URL must be smtp://HOST:PORT or smtps://HOST:PORT");
    if (!addressPattern().match(config.from).hasMatch())
        return QStringLiteral("the sender address is not an e-mail address");
    return {};
}

QByteArray SmtpMailer::compose(const Config &config, const Message &message)
{
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
                         QStringLiteral(" +0000");
    QByteArray out;
    out += "Date: " + date.toLatin1() + "\r\n";
    out += "From: <" + config.from.toUtf8() + ">\r\n";
    out += "To: <" + message.to.toUtf8() + ">\r\n";
    out += "Message-ID: <" + message.messageId.toLatin1() + ">\r\n";
    out += "Subject: " + encodedWord(message.subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    const QByteArray body = message.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        out += body.mid(i, 76) + "\r\n";
    return out;
}

DeliveryOutcome SmtpMailer::send(const Config &config, const Message &message)
{
    DeliveryOutcome outcome;
    if (const QString bad = check(config); !bad.isEmpty()) {
        outcome.permanent = true;
        outcome.error = bad;
        return outcome;
    }
    if (!addressPattern().match(message.to).hasMatch()) {
        outcome.permanent = true;
        outcome.error = QStringLiteral("the patient's e-mail address is not usable");
        return outcome;
    }
    globalInit();
    Easy easy;
    if (!easy.handle) {
        outcome.error = QStringLiteral("libcurl could not start");
        return outcome;
    }
    const QByteArray url = config.url.toString(QUrl::RemovePath | QUrl::RemoveUserInfo).toUtf8();
    const QByteArray from = "<" + config.from.toUtf8() + ">";
    const QByteArray to = "<" + message.to.toUtf8() + ">";
    const QByteArray caPath = config.caFile.toLocal8Bit();
    const QByteArray user = config.user.toUtf8();
    Upload upload{compose(config, message)};
    curl_easy_setopt(easy.handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy.handle, CURLOPT_ERRORBUFFER, easy.error);
    curl_easy_setopt(easy.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy.handle, CURLOPT_TIMEOUT_MS, long(config.timeoutMs));
    curl_easy_setopt(easy.handle, CURLOPT_CONNECTTIMEOUT_MS, long(config.timeoutMs));
    // smtp:// must switch to TLS (STARTTLS) or fail; only a loopback server may go without.
    if (config.url.scheme() == QLatin1String("smtp"))
        curl_easy_setopt(easy.handle, CURLOPT_USE_SSL,
                         long(isLoopback(config.url) ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    setTls(easy, config.caFile, caPath);
    if (!user.isEmpty()) {
        curl_easy_setopt(easy.handle, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(easy.handle, CURLOPT_PASSWORD, config.password.constData());
    }
    curl_easy_setopt(easy.handle, CURLOPT_MAIL_FROM, from.constData());
    easy.list = curl_slist_append(easy.list, to.constData());
    curl_easy_setopt(easy.handle, CURLOPT_MAIL_RCPT, easy.list);
    curl_easy_setopt(easy.handle, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(easy.handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(easy.handle, CURLOPT_UPLOAD, 1L);
    const CURLcode code = curl_easy_perform(easy.handle);
    long reply = 0;
    curl_easy_getinfo(easy.handle, CURLINFO_RESPONSE_CODE, &reply);
    outcome.code = code == CURLE_OK ? reply : long(code);
    if (code == CURLE_OK) {
        outcome.delivered = true;
        return outcome;
    }
    outcome.error = QStringLiteral("SMTP: %1 (reply %2)").arg(failureText(code, easy)).arg(reply);
    outcome.code = reply != 0 ? reply : long(code);
    // A login the server refuses will be refused again; a 5xx to a message is retried a few
    // times (a server that refuses mail while it starts answers 5xx, too).
    outcome.permanent = code == CURLE_LOGIN_DENIED;
    return outcome;
}

QString SmsGateway::check(const Config &config)
{
    if (!config.url.isValid() || config.url.host().isEmpty() ||
        (config.url.scheme() != QLatin1String("https") &&
         !(config.url.scheme() == QLatin1String("http") && SmtpMailer::isLoopback(config.url))))
        return QStringLiteral("the SMS API URL must be https:// (http:// only to loopback)");
    static const QRegularExpression account(QStringLiteral("^[A-Za-z0-9]{2,64}$"));
    if (!account.match(config.account).hasMatch())
        return QStringLiteral("the account SID must be letters and digits");
    if (e164(config.from).isEmpty())
        return QStringLiteral("the sending number must be in E.164 form (+15551234567)");
    return {};
}

QString SmsGateway::e164(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits += c;
    }
    if (phone.trimmed().startsWith(QLatin1Char('+')))
        digits.prepend(QLatin1Char('+'));
    else if (digits.size() == 10)
        digits.prepend(QStringLiteral("+1"));
    else if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        digits.prepend(QLatin1Char('+'));
    static const QRegularExpression valid(QStringLiteral("^\\+[1-9][0-9]{7,14}$"));
    return valid.match(digits).hasMatch() ? digits : QString();
}

DeliveryOutcome SmsGateway::send(const Config &config, const QString &to, const QString &body)
{
    DeliveryOutcome outcome;
    const QString number = e164(to);
    if (const QString bad = check(config); !bad.isEmpty() || number.isEmpty()) {
        outcome.permanent = true;
        outcome.error = bad.isEmpty() ? QStringLiteral("the patient's number is not usable") : bad;
        return outcome;
    }
    globalInit();
    Easy easy;
    if (!easy.handle) {
        outcome.error = QStringLiteral("libcurl could not start");
        return outcome;
    }
    QUrl target = config.url;
    target.setPath(QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(config.account));
    const QByteArray url = target.toString(QUrl::RemoveUserInfo).toUtf8();
    const QByteArray form = "To=" + QUrl::toPercentEncoding(number) +
                            "&From=" + QUrl::toPercentEncoding(e164(config.from)) +
                            "&Body=" + QUrl::toPercentEncoding(body);
    const QByteArray caPath = config.caFile.toLocal8Bit();
    const QByteArray user = config.account.toUtf8();
    QByteArray reply;
    curl_easy_setopt(easy.handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy.handle, CURLOPT_ERRORBUFFER, easy.error);
    curl_easy_setopt(easy.handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy.handle, CURLOPT_TIMEOUT_MS, long(config.timeoutMs));
    setTls(easy, config.caFile, caPath);
    curl_easy_setopt(easy.handle, CURLOPT_USERNAME, user.constData());
    curl_easy_setopt(easy.handle, CURLOPT_PASSWORD, config.token.constData());
    curl_easy_setopt(easy.handle, CURLOPT_POSTFIELDS, form.constData());
    curl_easy_setopt(easy.handle, CURLOPT_POSTFIELDSIZE, long(form.size()));
    curl_easy_setopt(easy.handle, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(easy.handle, CURLOPT_WRITEDATA, &reply);
    const CURLcode code = curl_easy_perform(easy.handle);
    long http = 0;
    curl_easy_getinfo(easy.handle, CURLINFO_RESPONSE_CODE, &http);
    if (code != CURLE_OK) {
        outcome.code = long(code);
        outcome.error = QStringLiteral("SMS API: %1").arg(failureText(code, easy));
        return outcome;
    }
    outcome.code = http;
    if (http >= 200 && http < 300) {
        outcome.delivered = true;
        return outcome;
    }
    const QJsonObject error = QJsonDocument::fromJson(reply).object();
    outcome.error = QStringLiteral("SMS API: HTTP %1, code %2: %3")
                        .arg(http)
                        .arg(error.value(QLatin1String("code")).toInt())
                        .arg(error.value(QLatin1String("message")).toString().left(300));
    // 4xx other than 429 are refusals of this message; 429 and 5xx pass.
    outcome.permanent = http >= 400 && http < 500 && http != 429;
    return outcome;
}

} // namespace clinicdesk
