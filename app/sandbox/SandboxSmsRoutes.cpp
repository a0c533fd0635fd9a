#include "SandboxSmsRoutes.h"

#include "SandboxClock.h"
#include "SandboxContext.h"
#include "SandboxSmsLog.h"
#include "base/Logging.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QUrlQuery>

namespace clinicdesk {
namespace {

const QString kPrefix = QStringLiteral("/2010-04-01/");

QString accountOf(const QString &path)
{
    static const QRegularExpression messages(
        QStringLiteral("^/2010-04-01/Accounts/([A-Za-z0-9]+)/Messages\\.json$"));
    const auto m = messages.match(path);
    return m.hasMatch() ? m.captured(1) : QString();
}

// RFC 2822 in English, as Twilio writes dates.
QString rfc2822(qint64 ms)
{
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC),
                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
           QStringLiteral(" +0000");
}

bool isE164(const QString &number)
{
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{7,14}$"));
    return e164.match(number).hasMatch();
}

} // namespace

bool SandboxSmsRoutes::owns(const QString &path) const
{
    return path.startsWith(kPrefix);
}

SandboxReply SandboxSmsRoutes::twilioError(int http, int code, const QString &message)
{
    return SandboxReply::json(http,
                              {{QStringLiteral("code"), code},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("more_info"),
                                QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                               {QStringLiteral("status"), http}});
}

bool SandboxSmsRoutes::authorised(const QHttpServerRequest &request,
                                  const QString &accountSid) const
{
    const QByteArray header = request.value("Authorization");
    if (m_ctx.smsAuthToken.isEmpty() || header.size() < 6 ||
        qstrnicmp(header.constData(), "basic ", 6) != 0)
        return false;
    const QByteArray pair = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = pair.indexOf(':');
    if (colon < 0)
        return false;
    const QString user = QString::fromUtf8(pair.left(colon));
    if (user != accountSid || (!m_ctx.smsAccountSid.isEmpty() && user != m_ctx.smsAccountSid))
        return false;
    return crypto::constantTimeEquals(pair.mid(colon + 1), m_ctx.smsAuthToken);
}

SandboxReply SandboxSmsRoutes::handle(const Call &call)
{
    const QString account = accountOf(call.path);
    if (account.isEmpty())
        return twilioError(
            404, 20404, QStringLiteral("The requested resource %1 was not found").arg(call.path));
    if (!authorised(call.request, account)) {
        ++m_ctx.counters[QStringLiteral("sms.unauthorised")];
        SandboxReply r = twilioError(401, 20003, QStringLiteral("Authenticate"));
        r.body.insert(QStringLiteral("detail"),
                      QStringLiteral("Your AccountSid or AuthToken was incorrect."));
        r.headers << std::pair{QByteArray("WWW-Authenticate"),
                               QByteArray("Basic realm=\"Twilio API\"")};
        return r;
    }
    if (!call.post()) {
        SandboxReply r = twilioError(405, 20004, QStringLiteral("Method not allowed"));
        r.headers << std::pair{QByteArray("Allow"), QByteArray("POST")};
        return r;
    }
    // application/x-www-form-urlencoded: '+' is a space, the rest percent-encoded UTF-8.
    QString form = QString::fromUtf8(call.request.body());
    form.replace(QLatin1Char('+'), QStringLiteral("%20"));
    const QUrlQuery query(form);
    const QString to = query.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded).trimmed();
    const QString from = query.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded).trimmed();
    const QString body = query.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded);
    if (to.isEmpty())
        return twilioError(400, 21604, QStringLiteral("A 'To' phone number is required."));
    if (!isE164(to))
        return twilioError(
            400, 21211, QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(to));
    if (from.isEmpty())
        return twilioError(400, 21603, QStringLiteral("A 'From' phone number is required."));
    if (!isE164(from))
        return twilioError(400, 21212,
                           QStringLiteral("The 'From' number %1 is not a valid phone number, "
                                          "shortcode, or alphanumeric sender ID.")
                               .arg(from));
    if (body.trimmed().isEmpty())
        return twilioError(400, 21602, QStringLiteral("Message body is required."));
    if (body.size() > 1600)
        return twilioError(400, 21617,
                           QStringLiteral("The concatenated message body exceeds the 1600 "
                                          "character limit."));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString sid = QStringLiteral("SM") + QString::fromLatin1(crypto::randomBytes(16).toHex());
    const QString uri = QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2").arg(account, sid);
    const int segments = body.size() <= 160 ? 1 : int((body.size() + 152) / 153);
    const QJsonObject message{
        {QStringLiteral("account_sid"), account},
        {QStringLiteral("api_version"), QStringLiteral("2010-04-01")},
        {QStringLiteral("body"), body},
        {QStringLiteral("date_created"), rfc2822(now)},
        {QStringLiteral("date_sent"), QJsonValue::Null},
        {QStringLiteral("date_updated"), rfc2822(now)},
        {QStringLiteral("direction"), QStringLiteral("outbound-api")},
        {QStringLiteral("error_code"), QJsonValue::Null},
        {QStringLiteral("error_message"), QJsonValue::Null},
        {QStringLiteral("from"), from},
        {QStringLiteral("messaging_service_sid"), QJsonValue::Null},
        {QStringLiteral("num_media"), QStringLiteral("0")},
        {QStringLiteral("num_segments"), QString::number(segments)},
        {QStringLiteral("price"), QJsonValue::Null},
        {QStringLiteral("price_unit"), QStringLiteral("USD")},
        {QStringLiteral("sid"), sid},
        {QStringLiteral("status"), QStringLiteral("queued")},
        {QStringLiteral("subresource_uris"),
         QJsonObject{{QStringLiteral("media"), uri + QStringLiteral("/Media.json")}}},
        {QStringLiteral("to"), to},
        {QStringLiteral("uri"), uri + QStringLiteral(".json")}};
    if (auto r = m_ctx.sms.add(sid, account, message, m_ctx.clock.nowMs()); !r) {
        qCWarning(lcService) << "sandbox sms: cannot store message" << sid << r.error().message;
        return twilioError(500, 20500, QStringLiteral("Internal Server Error"));
    }
    ++m_ctx.counters[QStringLiteral("sms.accepted")];
    return SandboxReply::json(201, message);
}

} // namespace clinicdesk
