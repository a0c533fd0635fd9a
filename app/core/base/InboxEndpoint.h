#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

#include <optional>

namespace clinicdesk {

// Where a consumer of clinicdesk-inbox reaches it: the URL (base/EndpointUrl's rule), the
// consumer's bearer token read from an owner-only file, and extra CA certificates to trust. The
// relay polls with it; the audit witness posts the log's head with it.
struct InboxEndpoint
{
    QUrl url;
    QByteArray token;
    QList<QSslCertificate> caCertificates; // empty: the system's

    // Errors name the file or the URL and the problem, never the token.
    static Result<InboxEndpoint> load(const QUrl &url, const QString &tokenFile,
                                      const QString &caFile);
    // `<group>/inbox`, `<group>/tokenFile`, `<group>/caFile` of an INI file (the console's
    // clinicdesk.ini, group "relay"); nothing configured: nullopt.
    static Result<std::optional<InboxEndpoint>> fromSettings(const QString &settingsPath,
                                                             const QString &group);
    // <data dir>/clinicdesk.ini
    static QString consoleSettingsPath(const QString &dataDir);
};

} // namespace clinicdesk
