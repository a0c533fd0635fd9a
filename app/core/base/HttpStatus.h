#pragma once

#include <QByteArray>

namespace clinicdesk::http {

// The one table of HTTP status codes and reason phrases (RFC 9110, section 15) for the two
// servers that write their own status lines: clinicdesk-inbox and clinicdesk-sandbox. A code
// missing here answers "Status": harmless (clients read the number), but add it when you use it.
QByteArray reasonPhrase(int status);

} // namespace clinicdesk::http
