#include "base/EndpointUrl.h"

#include <QHostAddress>

namespace clinicdesk::endpointUrl {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

Result<QUrl> check(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("%1 is not an http(s) URL (for example "
                                        "https://inbox.example.org:8443)")
                             .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    if (!url.userInfo().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the URL must not contain a user name or password"));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("plain http is only allowed to a loopback host "
                                        "(127.0.0.0/8, ::1, localhost); use https for %1")
                             .arg(url.host()));
    return url;
}

} // namespace clinicdesk::endpointUrl
