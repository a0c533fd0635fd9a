#include "base/InboxEndpoint.h"

#include "base/EndpointUrl.h"

#include <QDir>
#include <QFile>
#include <QSettings>

namespace clinicdesk {

Result<InboxEndpoint> InboxEndpoint::load(const QUrl &url, const QString &tokenFile,
                                          const QString &caFile)
{
    InboxEndpoint endpoint;
    auto checked = endpointUrl::check(url);
    if (!checked)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the inbox URL: %1").arg(checked.error().message));
    endpoint.url = checked.value();
    QFile token(tokenFile);
    if (!token.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the token file %1: %2")
                                            .arg(tokenFile, token.errorString()));
    // A bearer token is a secret: an explicit owner-only file, like a key file.
    if (token.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                               QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return makeError(ErrorCode::KeyFileInsecure,
                         QStringLiteral("the token file %1 is readable by others; make it "
                                        "owner-only (chmod 600)")
                             .arg(tokenFile));
    endpoint.token = token.readAll().trimmed();
    if (endpoint.token.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the token file %1 is empty").arg(tokenFile));
    if (!caFile.isEmpty()) {
        endpoint.caCertificates = QSslCertificate::fromPath(caFile);
        if (endpoint.caCertificates.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("the CA file %1 holds no PEM certificate").arg(caFile));
    }
    return endpoint;
}

Result<std::optional<InboxEndpoint>> InboxEndpoint::fromSettings(const QString &settingsPath,
                                                                 const QString &group)
{
    const QSettings settings(settingsPath, QSettings::IniFormat);
    const QString inbox = settings.value(group + QStringLiteral("/inbox")).toString();
    if (inbox.isEmpty())
        return std::optional<InboxEndpoint>();
    auto endpoint = load(QUrl(inbox, QUrl::StrictMode),
                         settings.value(group + QStringLiteral("/tokenFile")).toString(),
                         settings.value(group + QStringLiteral("/caFile")).toString());
    if (!endpoint)
        return endpoint.error();
    return std::optional<InboxEndpoint>(std::move(endpoint).value());
}

QString InboxEndpoint::consoleSettingsPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("clinicdesk.ini"));
}

} // namespace clinicdesk
