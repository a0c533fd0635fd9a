#pragma once

#include "base/Result.h"

#include <QString>
#include <QUrl>

namespace clinicdesk {

// The one rule for a URL a ClinicDesk program connects to with a secret (an inbox with its
// bearer token, a provider with its API key, a sandbox's webhook target): http or https, a host,
// no user name or password in it, and plain http only to a loopback host (127.0.0.0/8, ::1,
// "localhost"), where no one else can read the secret on the wire. Used by the services' command
// line, the relay (as a service and inside the console) and the audit witness.
namespace endpointUrl {

bool isLoopbackHost(const QString &host);
// InvalidInput with a message that names the problem (never a password).
Result<QUrl> check(const QUrl &url);

} // namespace endpointUrl

} // namespace clinicdesk
